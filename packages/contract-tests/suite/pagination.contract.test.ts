// Invariants every conforming server keeps, whatever its data.
import { describe, expect, it } from 'vitest';
import type { JobInfo, ShowJobListRequest } from '@drs-contract/client';
import { client, expectNoProxyViolations, expectValidResponse, target } from '../src/support.ts';

const base: ShowJobListRequest = { cur_page: 1, per_page: 5, db_use_type: 'migration', engine_type: '' };
const ordered = (jobs: JobInfo[]) =>
  jobs.every((job, i) => {
    const prev = jobs[i - 1];
    return !prev || prev.create_time > job.create_time || (prev.create_time === job.create_time && prev.id >= job.id);
  });

describe('pagination', () => {
  // Prism answers every request with the same five-job example, so pages smaller than five
  // are only meaningful against a server with state.
  const pages = [
    { cur_page: 1, per_page: 5 },
    { cur_page: 1, per_page: 10 },
    { cur_page: 1, per_page: 100 },
    ...(target.stateful ? [{ cur_page: 1, per_page: 1 }, { cur_page: 1, per_page: 2 }, { cur_page: 2, per_page: 2 }, { cur_page: 99, per_page: 100 }] : []),
  ];
  it.each(pages)('cur_page $cur_page, per_page $per_page: jobs ≤ per_page ≤ total, newest first', async (page) => {
    expectNoProxyViolations();
    const body = await client().listJobs({ ...base, ...page });
    expectValidResponse(200, body);
    expect(body.jobs.length).toBeLessThanOrEqual(page.per_page);
    expect(body.total_record).toBeGreaterThanOrEqual(body.jobs.length);
    expect(ordered(body.jobs), 'jobs ordered by create_time desc, then id').toBe(true);
  });

  it.each([
    { cur_page: 0, per_page: 5 },
    { cur_page: 0, per_page: 0 },
    { cur_page: 1, per_page: 0 },
  ])('cur_page $cur_page, per_page $per_page selects all: total ≥ jobs, newest first', async (page) => {
    expectNoProxyViolations();
    const body = await client().listJobs({ ...base, ...page });
    expectValidResponse(200, body);
    expect(body.total_record).toBeGreaterThanOrEqual(body.jobs.length);
    expect(ordered(body.jobs)).toBe(true);
  });
});
