// A tenant never sees another project's jobs, whatever the filters.
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorBody, ShowJobListRequest } from '@drs-contract/validator';
import { appWith, ids, job, post, projectA, projectB, tokenA, tokenB } from './support.ts';

// Both projects hold jobs that every filter below matches, so a leak could not hide behind an empty result.
const twin = (projectId: string, prefix: string) => [
  job({ id: `${prefix}-1`, project_id: projectId, name: 'shared-name', net_type: 'vpc', status: 'CONFIGURATION', enterprise_project_id: 'ep', service_name: 'svc', tags: [{ key: 'team', value: 'payments' }] }),
  job({ id: `${prefix}-2`, project_id: projectId, name: 'other', create_time: '2020-01-01 00:00:00' }),
];
const both = 'token-of-both';
const app = appWith([...twin(projectA, 'a'), ...twin(projectB, 'b')], { [tokenA]: [projectA], [tokenB]: [projectB], [both]: [projectA, projectB] });
afterAll(() => app.close());

const filters: Partial<ShowJobListRequest> = {
  engine_type: 'mysql',
  net_type: 'vpc',
  status: 'CONFIGURATION',
  name: 'shared',
  enterprise_project_id: 'ep',
  service_name: 'svc',
  tags: [{ key: 'team', value: 'payments' }],
};
const keys = Object.keys(filters) as (keyof ShowJobListRequest)[];
// every subset of the filters: 2^7 combinations
const combinations = Array.from({ length: 2 ** keys.length }, (_, mask) =>
  Object.fromEntries(keys.filter((_k, i) => mask & (1 << i)).map((k) => [k, filters[k]])),
);
const pages = [
  { cur_page: 1, per_page: 10 },
  { cur_page: 0, per_page: 0 },
];

describe('tenant isolation', { timeout: 120_000 }, () => {
  it('each token sees only its own project, and the filters really match there', async () => {
    const a = await post(app, { projectId: projectA, token: tokenA, body: { cur_page: 1, per_page: 10, db_use_type: 'migration', ...filters } });
    const b = await post(app, { projectId: projectB, token: tokenB, body: { cur_page: 1, per_page: 10, db_use_type: 'migration', ...filters } });
    expect(ids(a)).toEqual(['a-1']);
    expect(ids(b)).toEqual(['b-1']);
  });

  it(`every filter combination (${combinations.length}) from the wrong token is 403 DRS.M00261 with no data`, async () => {
    let calls = 0;
    for (const [token, projectId] of [
      [tokenA, projectB],
      [tokenB, projectA],
    ] as const) {
      for (const combination of combinations) {
        for (const page of pages) {
          const answer = await post<ErrorBody>(app, { projectId, token, body: { ...page, db_use_type: 'migration', ...combination } });
          expect(answer.status).toBe(403);
          expect(answer.body.error_code).toBe('DRS.M00261');
          expect(Object.keys(answer.body).sort()).toEqual(['error_code', 'error_msg']);
          expect(answer.raw).not.toMatch(/[ab]-[12]|shared|jobs|total_record/);
          calls++;
        }
      }
    }
    expect(calls).toBe(2 * combinations.length * pages.length);
  });

  it('an invalid request from the wrong token is still 403, revealing nothing about its validity', async () => {
    const answer = await post<ErrorBody>(app, { projectId: projectB, token: tokenA, body: { cur_page: -1, db_use_type: 'nope' } });
    expect(answer.status).toBe(403);
    expect(answer.body.error_code).toBe('DRS.M00261');
  });

  it('a token holding two projects reads each separately, never mixed', async () => {
    for (const [projectId, id] of [
      [projectA, 'a'],
      [projectB, 'b'],
    ] as const) {
      const answer = await post(app, { projectId, token: both, body: { cur_page: 0, per_page: 0, db_use_type: 'migration', engine_type: '' } });
      expect(answer.body.total_record).toBe(2);
      expect(ids(answer).every((j) => j.startsWith(`${id}-`))).toBe(true);
    }
  });
});
