// Every invalid request of the spec's corpus that HTTP can carry answers with a DRS error body.
import { describe, expect, it } from 'vitest';
import { DrsApiError, type ShowJobListRequest } from '@drs-contract/client';
import { validateRequest } from '@drs-contract/validator';
import { client, expectNoProxyViolations, expectValidResponse, invalidCorpus, target } from '../src/support.ts';

// Prism knows only the JSON Schema; the hand-written cross-field rule (D6) needs a real server.
const cases = invalidCorpus().filter((c) => c.overHttp && c.target.startsWith('request.') && (c.schemaCatches || target.kind !== 'mock'));

async function send(c: (typeof cases)[number]): Promise<DrsApiError> {
  const headers = c.target === 'request.headers' ? (c.input as Record<string, string>) : {};
  const body = c.target === 'request.body' ? c.input : { cur_page: 1, per_page: 5, db_use_type: 'migration' };
  const withoutToken = c.target === 'request.headers' && !('X-Auth-Token' in headers);
  const language = headers['X-Language'];
  const drs = client({ withoutToken, ...(language ? { language: language as 'en-us' } : {}) });
  try {
    await drs.listJobs(body as ShowJobListRequest);
  } catch (error) {
    if (error instanceof DrsApiError) return error;
    throw error;
  }
  throw new Error(`${c.file}: the server accepted an invalid request (${c.description})`);
}

describe('invalid input', () => {
  it('the corpus has HTTP-expressible cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s is refused with the DRS error body', async (_file, c) => {
    expectNoProxyViolations();
    // what the validator predicts a conforming server answers
    const predicted = validateRequest({
      projectId: target.projectId,
      headers: c.target === 'request.headers' ? (c.input as Record<string, string>) : { 'X-Auth-Token': target.token },
      body: c.target === 'request.body' ? c.input : { cur_page: 1, per_page: 5, db_use_type: 'migration' },
    });
    expect(predicted.errors[0]?.errorCode).toBe(c.expect.errorCode);
    const error = await send(c);
    expect(error.status).toBe(c.expect.status ?? 400);
    expectValidResponse(error.status, error.body);
    if (target.kind !== 'mock') {
      // Prism answers every invalid request with the spec's one 400 example; real servers must be precise
      expect(error.errorCode).toBe(c.expect.errorCode);
    }
  });
});
