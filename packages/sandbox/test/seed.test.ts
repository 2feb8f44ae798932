// The main promise: the reference page's example request answers the reference page's example response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResponse } from '@drs-contract/validator';
import { defaultJobs, devToken, seedProjectId, seedRequest, seedResponse, startSandbox, type SandboxHandle } from '../src/index.ts';

describe('default data over real HTTP', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it('answers the seed request with exactly the seed response', async () => {
    const res = await fetch(`${sandbox.url}/v3/${seedProjectId}/jobs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': devToken },
      body: JSON.stringify(seedRequest),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body: unknown = await res.json();
    expect(body).toStrictEqual(seedResponse);
    expect(validateResponse(200, body).errors).toEqual([]);
  });

  it('gives every response its own X-Request-Id', async () => {
    const call = () => fetch(`${sandbox.url}/v3/${seedProjectId}/jobs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const [a, b] = await Promise.all([call(), call()]);
    expect(a?.status).toBe(401);
    expect(a?.headers.get('x-request-id')).toBeTruthy();
    expect(a?.headers.get('x-request-id')).not.toBe(b?.headers.get('x-request-id'));
  });

  it('holds the seed jobs plus two older migration jobs, all valid JobInfo in the seed project', () => {
    const jobs = defaultJobs();
    expect(jobs).toHaveLength(7);
    expect(new Set(jobs.map((j) => j.project_id))).toEqual(new Set([seedProjectId]));
    expect(jobs.every((j) => j.db_use_type === 'migration')).toBe(true);
    const newestSeed = Math.min(...seedResponse.jobs.map((j) => Date.parse(j.create_time)));
    for (const extra of jobs.slice(5)) expect(Date.parse(extra.create_time)).toBeLessThan(newestSeed);
    const answered = jobs.map(({ project_id: _p, ...info }) => info);
    expect(validateResponse(200, { total_record: 7, jobs: answered }).errors).toEqual([]);
  });

  it('the development token holds the seed project', () => {
    expect(sandbox.devToken).toBe(devToken);
    expect(sandbox.tokens[devToken]).toContain(seedProjectId);
  });
});
