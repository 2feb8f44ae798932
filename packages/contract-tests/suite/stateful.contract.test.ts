// Filters that really filter and pages that really page: only a server with state can show
// them, so this group runs when a real target is set (CONTRACT_BASE_URL or CONTRACT_TARGET=sandbox)
// and is reported as not run against the mock.
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo, ShowJobListRequest, ShowJobListResponse } from '@drs-contract/client';
import { client, expectNoProxyViolations, expectValidResponse, target } from '../src/support.ts';

const all: ShowJobListRequest = { cur_page: 0, per_page: 0, db_use_type: 'migration', engine_type: '' };

async function list(query: Partial<ShowJobListRequest>): Promise<ShowJobListResponse> {
  const body = await client().listJobs({ ...all, ...query });
  expectValidResponse(200, body);
  return body;
}

describe.runIf(target.stateful)('stateful', () => {
  let everything: JobInfo[] = [];
  beforeAll(async () => {
    everything = (await list({})).jobs;
  });

  it('the target has migration jobs to filter', () => {
    expect(everything.length).toBeGreaterThan(0);
  });

  it('cur_page 0 returns every match: total_record equals the number of jobs', async () => {
    expectNoProxyViolations();
    const body = await list({});
    expect(body.total_record).toBe(body.jobs.length);
  });

  it('pages of 2 walk the same list as cur_page 0', async () => {
    expectNoProxyViolations();
    const walked: JobInfo[] = [];
    for (let page = 1; walked.length < Math.min(everything.length, 10); page++) {
      const body = await list({ cur_page: page, per_page: 2 });
      expect(body.total_record).toBe(everything.length);
      if (body.jobs.length === 0) break;
      walked.push(...body.jobs);
    }
    expect(walked.map((j) => j.id)).toEqual(everything.slice(0, walked.length).map((j) => j.id));
  });

  it('db_use_type selects the scenario', async () => {
    expectNoProxyViolations();
    expect(everything.every((j) => j.db_use_type === 'migration')).toBe(true);
  });

  it('an absent engine_type means mysql; "" means any engine', async () => {
    expectNoProxyViolations();
    const { engine_type: _omit, ...withoutEngine } = all;
    const body = await client().listJobs(withoutEngine);
    expect(body.jobs.every((j) => j.engine_type === 'mysql')).toBe(true);
    expect(body.total_record).toBe(everything.filter((j) => j.engine_type === 'mysql').length);
  });

  it('status, net_type and engine_type filter exactly', async () => {
    expectNoProxyViolations();
    const sample = everything.slice(0, 3);
    for (const job of sample) {
      for (const [field, value] of [['status', job.status], ['net_type', job.net_type], ['engine_type', job.engine_type]] as const) {
        const body = await list({ [field]: value });
        expect(body.jobs.every((j) => j[field] === value), `${field}=${value}`).toBe(true);
        expect(body.total_record, `${field}=${value}`).toBe(everything.filter((j) => j[field] === value).length);
      }
    }
  });

  it('name matches a case-insensitive part of the name, or the exact task id', async () => {
    expectNoProxyViolations();
    const job = everything[0] as JobInfo;
    const part = job.name.slice(1, Math.max(2, job.name.length - 1)).toUpperCase();
    const byName = await list({ name: part });
    expect(byName.jobs.map((j) => j.id)).toContain(job.id);
    expect(byName.jobs.every((j) => j.name.toLowerCase().includes(part.toLowerCase()) || j.id === part)).toBe(true);
    const byId = await list({ name: job.id });
    expect(byId.jobs.map((j) => j.id)).toContain(job.id);
  });

  it('a status no job has returns an empty page and total 0', async () => {
    expectNoProxyViolations();
    const present = new Set(everything.map((j) => j.status));
    const { enums } = await import('@drs-contract/validator');
    const absent = enums.TaskStatus.find((s) => !present.has(s));
    expect(absent).toBeDefined();
    const body = await list({ status: absent });
    expect(body).toMatchObject({ total_record: 0, jobs: [] });
  });
});
