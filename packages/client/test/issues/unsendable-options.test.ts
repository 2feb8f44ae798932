// Regression: a token with CR/LF or characters outside Latin-1 made Headers.set() throw inside the
// middleware, reported as a DrsNetworkError and retried; a projectId of "." or ".." escaped its path
// segment; an endpoint with ?query or #fragment swallowed the operation's path. All are refused now,
// before any request, with a TypeError that never quotes the token.
import { afterEach, describe, expect, it } from 'vitest';
import { type ShowJobListRequest, createDrsClient } from '@drs-contract/client';
import { type TestServer, sendJson, startServer } from '../support/server.ts';

const query: ShowJobListRequest = { cur_page: 1, per_page: 10, db_use_type: 'migration' };
const badTokens = ['tok\r\nX-Evil: 1', 'token-with-newline\n', 'tök€n-non-latin1', ' spaced-token ', 'nul\u0000token', 'tab\ttoken'];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(): Promise<TestServer> {
  server = await startServer((_req, res) => sendJson(res, 200, { total_record: 0, jobs: [] }));
  return server;
}

describe.each(badTokens)('token %j', (token) => {
  it('as a static token: TypeError at createDrsClient, the token not quoted', async () => {
    const s = await serve();
    let error: unknown;
    try {
      createDrsClient({ endpoint: s.url, projectId: 'p', token });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^token must be printable ASCII .*X-Auth-Token/);
    expect((error as Error).message).not.toContain(token.trim());
  });

  it('from getToken(): a TypeError, no request sent, not retried', async () => {
    const s = await serve();
    let calls = 0;
    const client = createDrsClient({ endpoint: s.url, projectId: 'p', getToken: () => (calls++, token), retry: { attempts: 3, baseDelayMs: 1 } });
    const error = await client.listJobs(query).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^getToken\(\) result must be printable ASCII/);
    expect((error as Error).message).not.toContain(token.trim());
    expect(calls).toBe(1);
    expect(s.received).toHaveLength(0);
  });
});

it('a token with inner spaces and every visible ASCII character is still sent as is', async () => {
  const s = await serve();
  const token = 'Bearer-ish a!"#$%&\'()*+,-./0-9:;<=>?@A-Z[\\]^_`a-z{|}~';
  await createDrsClient({ endpoint: s.url, projectId: 'p', token }).listJobs(query);
  expect(s.received[0]?.headers['x-auth-token']).toBe(token);
});

it.each(['.', '..'])('projectId %j: TypeError', (projectId) => {
  expect(() => createDrsClient({ endpoint: 'http://127.0.0.1:1', projectId, token: 'token-123456' })).toThrow(
    new TypeError('projectId must not be "." or ".."'),
  );
});

it('a projectId that only contains dots or slashes stays inside its path segment', async () => {
  const s = await serve();
  await createDrsClient({ endpoint: s.url, projectId: '../x', token: 'token-123456' }).listJobs(query);
  await createDrsClient({ endpoint: s.url, projectId: '...', token: 'token-123456' }).listJobs(query);
  expect(s.received.map((r) => r.url)).toEqual(['/v3/..%2Fx/jobs', '/v3/.../jobs']);
});

it.each(['http://127.0.0.1:1/?x=1', 'http://127.0.0.1:1/drs?', 'http://127.0.0.1:1/#frag', 'http://127.0.0.1:1#'])(
  'endpoint %j with a query or fragment: TypeError',
  (endpoint) => {
    expect(() => createDrsClient({ endpoint, projectId: 'p', token: 'token-123456' })).toThrow(
      new TypeError('endpoint must not have a query (?…) or a fragment (#…)'),
    );
  },
);

it.each(['javascript:alert(1)', 'file:///etc/passwd', 'ftp://127.0.0.1/', 'not a url'])('endpoint %j: TypeError', (endpoint) => {
  expect(() => createDrsClient({ endpoint, projectId: 'p', token: 'token-123456' })).toThrow(new TypeError('endpoint must be an absolute http(s) URL'));
});
