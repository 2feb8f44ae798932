// HTTP-level misuse: never a 5xx, always the status the spec names.
import { describe, expect, it } from 'vitest';
import { DrsApiError } from '@drs-contract/client';
import { client, expectNoProxyViolations, expectValidResponse, jobsUrl, rawPost, target } from '../src/support.ts';

const seed = JSON.stringify({ cur_page: 1, per_page: 5, db_use_type: 'migration', engine_type: '', name: '', net_type: '', status: '' });
const json = { 'Content-Type': 'application/json' };
const auth = () => ({ 'X-Auth-Token': target.token });
/**
 * Prism answers these itself with its own problem+json (as the mock, and as a proxy that never
 * forwards them), so only a server reached directly must use the DRS body. 404 and 405 belong to
 * no operation, so the spec cannot declare them: their body is checked as the shared ErrorBody.
 */
const expectDrsBodyFromServer = (status: number, body: unknown) => {
  if (target.kind === 'mock' || target.proxied) return;
  expectValidResponse(status === 404 || status === 405 ? 400 : status, body);
};

describe('protocol', () => {
  it('a missing X-Auth-Token answers 401 with the DRS error body', async () => {
    expectNoProxyViolations();
    const error = await client({ withoutToken: true })
      .listJobs({ cur_page: 1, per_page: 5, db_use_type: 'migration' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrsApiError);
    expect((error as DrsApiError).status).toBe(401);
    expectValidResponse(401, (error as DrsApiError).body);
  });

  it('a Content-Type other than application/json answers 415', async () => {
    expectNoProxyViolations();
    const res = await rawPost(seed, { 'Content-Type': 'text/plain', ...auth() });
    expect(res.status).toBe(415);
    expectValidResponse(415, res.json);
  });

  it('malformed JSON answers 400', async () => {
    expectNoProxyViolations();
    const res = await rawPost('{"cur_page": 1,', { ...json, ...auth() });
    expect(res.status).toBe(400);
    expectDrsBodyFromServer(400, res.json);
  });

  it('a 2 MB body answers 413 or 400, not a 5xx', async () => {
    expectNoProxyViolations();
    const big = JSON.stringify({ cur_page: 1, per_page: 5, db_use_type: 'migration', name: 'x'.repeat(2 * 1024 * 1024) });
    const res = await rawPost(big, { ...json, ...auth() });
    expect([400, 413]).toContain(res.status);
    expectDrsBodyFromServer(res.status, res.json);
  });

  it('a wrong method answers 404 or 405', async () => {
    expectNoProxyViolations();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await rawPost(seed, { ...json, ...auth() }, method);
      expect([404, 405], method).toContain(res.status);
      expectDrsBodyFromServer(res.status, res.json);
    }
  });

  it('a wrong path answers 404', async () => {
    expectNoProxyViolations();
    const res = await rawPost(seed, { ...json, ...auth() }, 'POST', jobsUrl().replace(/\/jobs$/, '/jobz'));
    expect(res.status).toBe(404);
    expectDrsBodyFromServer(404, res.json);
  });
});
