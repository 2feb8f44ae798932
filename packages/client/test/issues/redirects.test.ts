// Regression: the client followed redirects, sending X-Auth-Token to whatever origin a 3xx named (a 301
// even turned the POST into a GET and its answer came back as success). A 3xx is now a DrsApiError:
// not followed, not retried, the token sent to nobody but the endpoint.
import { afterEach, describe, expect, it } from 'vitest';
import { DrsApiError, type ShowJobListRequest, createDrsClient, isDrsError } from '@drs-contract/client';
import { type TestServer, example, sendJson, startServer } from '../support/server.ts';

const projectId = '054ba152d480d55b2f5dc0069e7ddef0';
const token = 'MIIT-redirect-secret-0123456789';
const query: ShowJobListRequest = { cur_page: 1, per_page: 10, db_use_type: 'migration' };

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function twoServers(status: number, sameOrigin = false) {
  const other = await startServer((_req, res) => sendJson(res, 200, example('response-200-seed')));
  servers.push(other);
  const first = await startServer((req, res) => {
    res.writeHead(status, { location: sameOrigin ? req.url : `${other.url}/v3/${projectId}/jobs` });
    res.end();
  });
  servers.push(first);
  return { first, other };
}

async function caught(promise: Promise<unknown>): Promise<DrsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DrsApiError)) throw new Error(`expected a DrsApiError, got ${String(error)}`);
  return error;
}

describe.each([301, 302, 303, 307, 308])('HTTP %i to another origin', (status) => {
  it.each([
    ['the built-in transport', false],
    ['a caller-supplied fetch', true],
  ])('with %s: DrsApiError, not followed, not retried, the token never sent there', async (_label, ownFetch) => {
    const { first, other } = await twoServers(status);
    const client = createDrsClient({
      endpoint: first.url,
      projectId,
      token,
      // Even when the caller asks to retry this status.
      retry: { attempts: 3, baseDelayMs: 1, statuses: [status, 503] },
      ...(ownFetch ? { fetch: (request: Request) => fetch(request) } : {}),
    });

    const error = await caught(client.listJobs(query));

    expect(isDrsError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'api', status, redirected: true, location: `${other.url}/v3/${projectId}/jobs`, attempts: 1 });
    expect(error.message).toMatch(new RegExp(`^DRS API error: HTTP ${status} .*redirect to ${other.url}/v3/${projectId}/jobs not followed`));
    expect(error.message).not.toContain(token);
    expect(first.received).toHaveLength(1);
    expect(other.received).toHaveLength(0);
  });
});

it('a redirect to the same address (a loop) is not followed either', async () => {
  const { first } = await twoServers(302, true);
  const error = await caught(createDrsClient({ endpoint: first.url, projectId, token }).listJobs(query));
  expect(error).toMatchObject({ status: 302, redirected: true, location: `/v3/${projectId}/jobs` });
  expect(first.received).toHaveLength(1);
});

it('the raw openapi-fetch client does not follow redirects either', async () => {
  const { first, other } = await twoServers(307);
  const { response } = await createDrsClient({ endpoint: first.url, projectId, token }).raw.POST('/v3/{project_id}/jobs', {
    params: { path: { project_id: projectId } },
    body: query,
  });
  expect(response.status).toBe(307);
  expect(other.received).toHaveLength(0);
});

it('iterateJobs stops at a redirect with the same DrsApiError', async () => {
  const { first, other } = await twoServers(301);
  const error = await caught(createDrsClient({ endpoint: first.url, projectId, token }).listAllJobs({ db_use_type: 'migration' }));
  expect(error).toMatchObject({ status: 301, redirected: true });
  expect(other.received).toHaveLength(0);
});

it('a non-redirect error is not marked redirected', async () => {
  const s = await startServer((_req, res) => sendJson(res, 404, { error_code: 'DRS.M00404', error_msg: 'no such thing' }));
  servers.push(s);
  const error = await caught(createDrsClient({ endpoint: s.url, projectId, token }).listJobs(query));
  expect(error).toMatchObject({ status: 404, redirected: false, location: undefined });
});
