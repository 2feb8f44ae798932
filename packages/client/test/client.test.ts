// listJobs() over real HTTP against a node:http server: what goes on the wire, what comes back,
// and every error kind.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type DrsClientError,
  DrsAbortError,
  DrsApiError,
  DrsContractError,
  DrsNetworkError,
  DrsTimeoutError,
  type ErrorBody,
  type ShowJobListRequest,
  type ShowJobListResponse,
  createDrsClient,
  isDrsError,
} from '@drs-contract/client';
import { example, sendJson, serverPerTest } from './support/server.ts';

const projectId = '054ba152d480d55b2f5dc0069e7ddef0';
const token = 'MIIT-secret-token-0123456789';
const seedRequest = example<ShowJobListRequest>('request-seed');
const seedResponse = example<ShowJobListResponse>('response-200-seed');

const serve = serverPerTest();

async function caught(promise: Promise<unknown>): Promise<DrsClientError> {
  try {
    await promise;
  } catch (error) {
    if (isDrsError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to throw');
}

describe('a successful call', () => {
  it('sends the token, language, content type and the exact body, and returns the typed body', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, seedResponse, { 'x-request-id': 'req-1' }));
    const client = createDrsClient({ endpoint: s.url, projectId, token, language: 'zh-cn' });

    const result = await client.listJobs(seedRequest);

    expect(result).toEqual(seedResponse);
    expectTypeOf(result).toEqualTypeOf<ShowJobListResponse>();
    expect(s.received).toHaveLength(1);
    const [req] = s.received;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe(`/v3/${projectId}/jobs`);
    expect(req?.headers['x-auth-token']).toBe(token);
    expect(req?.headers['x-language']).toBe('zh-cn');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.body).toBe(JSON.stringify(seedRequest));
  });

  it('leaves X-Language out unless asked, and keeps an endpoint path prefix', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { total_record: 0, jobs: [] }));
    const client = createDrsClient({ endpoint: `${s.url}/drs/`, projectId, token });
    await expect(client.listJobs({ cur_page: 1, per_page: 10, db_use_type: 'sync' })).resolves.toEqual({ total_record: 0, jobs: [] });
    expect(s.received[0]?.url).toBe(`/drs/v3/${projectId}/jobs`);
    expect(s.received[0]?.headers['x-language']).toBeUndefined();
  });

  it('calls getToken() for every request, so the token can rotate', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { total_record: 0, jobs: [] }));
    let n = 0;
    const client = createDrsClient({ endpoint: s.url, projectId, getToken: async () => `rotating-${++n}` });
    await client.listJobs(seedRequest);
    await client.listJobs(seedRequest);
    expect(s.received.map((r) => r.headers['x-auth-token'])).toEqual(['rotating-1', 'rotating-2']);
  });

  it('rethrows an error of getToken() unchanged and sends nothing', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { total_record: 0, jobs: [] }));
    const failure = new Error('IAM is down');
    const client = createDrsClient({ endpoint: s.url, projectId, getToken: () => Promise.reject(failure) });
    await expect(client.listJobs(seedRequest)).rejects.toBe(failure);
    expect(s.received).toHaveLength(0);
  });

  it('sends through a caller-supplied fetch, which receives a real Request with the headers', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, seedResponse));
    const seen: Request[] = [];
    const client = createDrsClient({ endpoint: s.url, projectId, token, fetch: (request) => (seen.push(request), fetch(request)) });
    await expect(client.listJobs(seedRequest)).resolves.toEqual(seedResponse);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Request);
    expect(seen[0]?.headers.get('x-auth-token')).toBe(token);
    expect(s.received[0]?.body).toBe(JSON.stringify(seedRequest));
  });

  it('keeps the openapi-fetch client reachable, with the auth middleware', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, seedResponse));
    const client = createDrsClient({ endpoint: s.url, projectId, token });
    const { data } = await client.raw.POST('/v3/{project_id}/jobs', { params: { path: { project_id: projectId } }, body: seedRequest });
    expect(data).toEqual(seedResponse);
    expect(s.received[0]?.headers['x-auth-token']).toBe(token);
  });
});

describe('errors', () => {
  it('400 with a DRS body: DrsApiError with status, code, message, request id and body; not retried', async () => {
    const body = example<ErrorBody>('response-400');
    const s = await serve((_req, res) => sendJson(res, 400, body, { 'x-request-id': 'req-400' }));
    const client = createDrsClient({ endpoint: s.url, projectId, token });

    const error = await caught(client.listJobs({ ...seedRequest, per_page: 100 }));

    expect(error).toBeInstanceOf(DrsApiError);
    expect(error.name).toBe('DrsApiError');
    if (error.kind !== 'api') throw error;
    expectTypeOf(error).toEqualTypeOf<DrsApiError>();
    expect(error.status).toBe(400);
    expect(error.errorCode).toBe(body.error_code);
    expect(error.errorMsg).toBe(body.error_msg);
    expect(error.requestId).toBe('req-400');
    expect(error.body).toEqual(body);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain(body.error_code);
    expect(s.received).toHaveLength(1);
  });

  it('401: DrsApiError with the missing-token code', async () => {
    const body = example<ErrorBody>('response-401');
    const s = await serve((_req, res) => sendJson(res, 401, body));
    const error = await caught(createDrsClient({ endpoint: s.url, projectId, token }).listJobs(seedRequest));
    expect(error).toMatchObject({ kind: 'api', status: 401, errorCode: body.error_code, errorMsg: body.error_msg, requestId: undefined });
  });

  it('403 whose message echoes the token: the error message never holds the token', async () => {
    const s = await serve((req, res) =>
      sendJson(res, 403, { error_code: 'DRS.M00100', error_msg: `The token ${String(req.headers['x-auth-token'])} is invalid.` }),
    );
    const error = await caught(createDrsClient({ endpoint: s.url, projectId, token }).listJobs(seedRequest));
    expect(error).toMatchObject({ kind: 'api', status: 403, errorCode: 'DRS.M00100' });
    expect(error.message).not.toContain(token);
    expect(error.message).toContain('[redacted]');
  });

  it('500 with a non-JSON body: DrsApiError carrying the raw text', async () => {
    const html = '<html><body>Internal oops</body></html>';
    const s = await serve((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end(html);
    });
    const error = await caught(createDrsClient({ endpoint: s.url, projectId, token }).listJobs(seedRequest));
    expect(error).toBeInstanceOf(DrsApiError);
    expect(error).toMatchObject({ kind: 'api', status: 500, body: html, errorCode: undefined, errorMsg: undefined, attempts: 1 });
    expect(s.received).toHaveLength(1);
  });

  it('an error status with an empty body: DrsApiError with body ""', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(502, { 'content-length': '0' });
      res.end();
    });
    const error = await caught(createDrsClient({ endpoint: s.url, projectId, token, retry: false }).listJobs(seedRequest));
    expect(error).toMatchObject({ kind: 'api', status: 502, body: '' });
  });

  it('connection refused: DrsNetworkError after the allowed attempts, token-free message', async () => {
    const s = await serve(() => undefined);
    const endpoint = s.url;
    await s.close();
    const client = createDrsClient({ endpoint, projectId, token, retry: { attempts: 2, baseDelayMs: 1 } });

    const error = await caught(client.listJobs(seedRequest));

    expect(error).toBeInstanceOf(DrsNetworkError);
    expect(error.kind).toBe('network');
    expect(error.attempts).toBe(2);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).not.toContain(token);
  });

  it('a server that never answers: DrsTimeoutError after timeoutMs, per attempt', async () => {
    const s = await serve(() => undefined);
    const client = createDrsClient({ endpoint: s.url, projectId, token, timeoutMs: 150, retry: { attempts: 2, baseDelayMs: 1 } });
    const started = performance.now();

    const error = await caught(client.listJobs(seedRequest));

    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(DrsTimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 150, attempts: 2 });
    expect(s.received).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(5000);
  });

  it("the per-attempt timeout still applies when the caller passes a signal of its own", async () => {
    const s = await serve(() => undefined);
    const client = createDrsClient({ endpoint: s.url, projectId, token, timeoutMs: 100, retry: false });
    const error = await caught(client.listJobs(seedRequest, { signal: new AbortController().signal }));
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 100, attempts: 1 });
  });

  it('a body that stalls after the headers also times out', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"total_record": 7, "jobs": [');
    });
    const error = await caught(createDrsClient({ endpoint: s.url, projectId, token, timeoutMs: 150, retry: false }).listJobs(seedRequest));
    expect(error).toMatchObject({ kind: 'timeout', attempts: 1 });
  });

  it("the caller's signal aborts the call: DrsAbortError with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    // The server never answers; the caller gives up once the request has arrived.
    const s = await serve(() => void setTimeout(() => controller.abort(reason), 20));
    const client = createDrsClient({ endpoint: s.url, projectId, token, timeoutMs: 10_000 });

    const error = await caught(client.listJobs(seedRequest, { signal: controller.signal }));

    expect(error).toBeInstanceOf(DrsAbortError);
    expect(error.kind).toBe('abort');
    expect(error.cause).toBe(reason);
    expect(s.received).toHaveLength(1);
  });

  it('a 200 whose body is not JSON: DrsContractError, not success', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
    });
    const error = await caught(createDrsClient({ endpoint: s.url, projectId, token }).listJobs(seedRequest));
    expect(error).toBeInstanceOf(DrsContractError);
    expect(error).toMatchObject({ kind: 'contract', status: 200, body: 'OK' });
  });

  it('rejects bad options at construction', () => {
    expect(() => createDrsClient({ endpoint: 'not a url', projectId, token })).toThrow(TypeError);
    expect(() => createDrsClient({ endpoint: 'http://x', projectId: '', token })).toThrow(TypeError);
    expect(() => createDrsClient({ endpoint: 'http://x', projectId, token: '' })).toThrow(TypeError);
    expect(() => createDrsClient({ endpoint: 'http://x', projectId, token, timeoutMs: 0 })).toThrow(RangeError);
    expect(() => createDrsClient({ endpoint: 'http://x', projectId, token, retry: { attempts: 0 } })).toThrow(RangeError);
    // @ts-expect-error validate takes a validator, not a boolean
    expect(() => createDrsClient({ endpoint: 'http://x', projectId, token, validate: true })).toThrow(TypeError);
  });
});

describe('retries', () => {
  it('honours Retry-After in seconds on 503', async () => {
    const s = await serve((_req, res, i) =>
      i === 0 ? sendJson(res, 503, { error_code: 'DRS.M00004', error_msg: 'busy' }, { 'retry-after': '1' }) : sendJson(res, 200, seedResponse),
    );
    const client = createDrsClient({ endpoint: s.url, projectId, token, retry: { baseDelayMs: 1 } });
    const started = performance.now();

    await expect(client.listJobs(seedRequest)).resolves.toEqual(seedResponse);

    expect(s.received).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date on 429', async () => {
    const s = await serve((_req, res, i) =>
      i === 0
        ? sendJson(res, 429, { error_code: 'DRS.M00004', error_msg: 'slow down' }, { 'retry-after': new Date(Date.now() + 2000).toUTCString() })
        : sendJson(res, 200, seedResponse),
    );
    const client = createDrsClient({ endpoint: s.url, projectId, token, retry: { baseDelayMs: 1 } });
    const started = performance.now();

    await expect(client.listJobs(seedRequest)).resolves.toEqual(seedResponse);

    expect(s.received).toHaveLength(2);
    // The date has whole seconds, so the wait is between 1 and 2 s.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('stops at the attempt limit and reports the last error', async () => {
    const s = await serve((_req, res) => sendJson(res, 504, { error_code: 'DRS.M00004', error_msg: 'gateway timeout' }));
    const client = createDrsClient({ endpoint: s.url, projectId, token, retry: { attempts: 4, baseDelayMs: 2 } });
    const error = await caught(client.listJobs(seedRequest));
    expect(error).toMatchObject({ kind: 'api', status: 504, attempts: 4 });
    expect(s.received).toHaveLength(4);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs', async () => {
    const s = await serve((_req, res) => sendJson(res, 503, { error_code: 'DRS.M00004', error_msg: 'maintenance' }, { 'retry-after': '3600' }));
    const client = createDrsClient({ endpoint: s.url, projectId, token, retry: { maxRetryAfterMs: 5000 } });
    const started = performance.now();
    const error = await caught(client.listJobs(seedRequest));
    expect(error).toMatchObject({ kind: 'api', status: 503, attempts: 1 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(s.received).toHaveLength(1);
  });

  it('retry: false makes one attempt', async () => {
    const s = await serve((_req, res) => sendJson(res, 503, { error_code: 'DRS.M00004', error_msg: 'busy' }));
    const error = await caught(createDrsClient({ endpoint: s.url, projectId, token, retry: false }).listJobs(seedRequest));
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(s.received).toHaveLength(1);
  });

  it('the caller can abort during the backoff', async () => {
    const controller = new AbortController();
    const s = await serve((_req, res) => {
      sendJson(res, 503, { error_code: 'DRS.M00004', error_msg: 'busy' }, { 'retry-after': '30' });
      setTimeout(() => controller.abort(), 100);
    });
    const client = createDrsClient({ endpoint: s.url, projectId, token });
    const started = performance.now();
    const error = await caught(client.listJobs(seedRequest, { signal: controller.signal }));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error).toMatchObject({ kind: 'abort', attempts: 1 });
    expect(s.received).toHaveLength(1);
  });
});
