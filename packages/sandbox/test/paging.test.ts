// Pagination and order (D6, D10), including the streamed "every match" answer.
import { afterAll, describe, expect, it } from 'vitest';
import { validateResponse } from '@drs-contract/validator';
import { startSandbox, type SandboxJob } from '../src/index.ts';
import { appWith, errorOf, ids, job, post, projectA, tokenA } from './support.ts';

// 23 jobs, with ties on create_time so the id tie-break (D10) shows.
const jobs: SandboxJob[] = Array.from({ length: 23 }, (_, i) =>
  job({ id: `job-${String(i).padStart(2, '0')}`, create_time: `2021-05-${String(10 + Math.floor(i / 2)).padStart(2, '0')} 08:00:00` }),
);
// newest first; equal times by id descending
const ordered = [...jobs].sort((a, b) => b.create_time.localeCompare(a.create_time) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0)).map((j) => j.id);

const app = appWith(jobs, { [tokenA]: [projectA] });
afterAll(() => app.close());

const page = (cur_page: number, per_page: number) => post(app, { token: tokenA, body: { cur_page, per_page, db_use_type: 'migration' } });

describe('pagination', () => {
  it('orders by create_time descending, then id descending (D10)', async () => {
    const answer = await page(1, 100);
    expect(ids(answer)).toEqual(ordered);
    expect(ordered.slice(0, 3)).toEqual(['job-22', 'job-21', 'job-20']);
  });

  it('cuts pages of per_page and counts every match in total_record (D6)', async () => {
    const pages = await Promise.all([1, 2, 3].map((p) => page(p, 10)));
    expect(pages.map((a) => a.body.total_record)).toEqual([23, 23, 23]);
    expect(pages.flatMap(ids)).toEqual(ordered);
    expect(ids(pages[2]!)).toHaveLength(3);
  });

  it('answers an empty page past the last one, with the total', async () => {
    const answer = await page(4, 10);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ jobs: [], total_record: 23 });
    const far = await page(2147483647, 100);
    expect(far.body).toEqual({ jobs: [], total_record: 23 });
  });

  it('cur_page 0 returns every match, whatever per_page', async () => {
    for (const per_page of [0, 1, 5, 100]) expect(ids(await page(0, per_page))).toEqual(ordered);
  });

  it('per_page 0 with cur_page 1 returns every match', async () => {
    expect(ids(await page(1, 0))).toEqual(ordered);
  });

  it('per_page 0 with cur_page above 1 is refused (x-drs-rules per-page-zero-needs-first-page)', async () => {
    const answer = await page(2, 0);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).error_code).toBe('DRS.M00210');
  });

  it.each([
    [{ cur_page: -1, per_page: 10 }, 'DRS.M00210'],
    [{ cur_page: 1, per_page: 101 }, 'DRS.M00210'],
    [{ cur_page: 1.5, per_page: 10 }, 'DRS.M00210'],
    [{ cur_page: '1', per_page: 10 }, 'DRS.M00210'],
    [{ per_page: 10 }, 'DRS.M00201'],
    [{ cur_page: 1 }, 'DRS.M00201'],
  ])('refuses bad page values %j with %s', async (values, code) => {
    const answer = await post(app, { token: tokenA, body: { db_use_type: 'migration', ...values } });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).error_code).toBe(code);
  });
});

describe('every match of a large result is streamed', { timeout: 120_000 }, () => {
  it('answers cur_page 0 over 2,500 jobs with every job, in order, as valid JSON over HTTP', async () => {
    const many = Array.from({ length: 2500 }, (_, i) =>
      job({ id: `bulk-${String(i).padStart(5, '0')}`, create_time: `2022-01-01 ${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}` }),
    );
    const sandbox = await startSandbox({ jobs: many, tokens: { [tokenA]: [projectA] } });
    try {
      const res = await fetch(`${sandbox.url}/v3/${projectA}/jobs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Auth-Token': tokenA },
        body: JSON.stringify({ cur_page: 0, per_page: 10, db_use_type: 'migration' }),
      });
      expect(res.status).toBe(200);
      // streamed: no Content-Length, chunked transfer
      expect(res.headers.get('content-length')).toBeNull();
      expect(res.headers.get('x-request-id')).toBeTruthy();
      const body = (await res.json()) as { jobs: { id: string }[]; total_record: number };
      expect(body.total_record).toBe(2500);
      expect(body.jobs.map((j) => j.id)).toEqual(many.map((j) => j.id).reverse());
      expect(validateResponse(200, body).errors).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});
