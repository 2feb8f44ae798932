// Every error the sandbox answers: status, DRS code from the registry, language, request ID, no leaks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorRegistry, validateResponse, type ErrorBody } from '@drs-contract/validator';
import { buildApp, codeForStatus, openStore, seedProjectId, seedRequest } from '../src/index.ts';
import { errorOf, post } from './support.ts';

const token = 'errors-token';
const corpusToken = 'test-token'; // the token the spec's invalid-header corpus sends
const app = buildApp({ store: openStore(), tokens: { [token]: [seedProjectId], [corpusToken]: [seedProjectId] } });
afterAll(() => app.close());

const call = (over: Parameters<typeof post>[1] = {}) => post<ErrorBody>(app, { projectId: seedProjectId, token, body: seedRequest, ...over });

function expectError(answer: { status: number; body: unknown; headers: Record<string, unknown> }, status: number, code: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect((answer.body as ErrorBody).error_code).toBe(code);
  expect(errorRegistry[code as keyof typeof errorRegistry]).toBeDefined();
  expect(answer.headers['x-request-id']).toBeTruthy();
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  // the body is the spec's ErrorBody whenever the status is one the spec declares
  if ([400, 401, 403, 413, 415, 500].includes(status)) {
    expect(validateResponse(status, answer.body).errors).toEqual([]);
    expect(errorRegistry[code as keyof typeof errorRegistry].status).toBe(status);
  }
  else expect(Object.keys(answer.body as object).sort()).toEqual(['error_code', 'error_msg']);
}

describe('authentication and authorization', () => {
  it('401 DRS.M00103 without X-Auth-Token, before anything else is looked at', async () => {
    expectError(await call({ token: undefined }), 401, 'DRS.M00103');
    expectError(await call({ token: undefined, body: { cur_page: -1 } }), 401, 'DRS.M00103');
    expectError(await call({ token: '' }), 401, 'DRS.M00103');
  });

  it('403 DRS.M00100 for a token nobody issued', async () => {
    expectError(await call({ token: 'forged' }), 403, 'DRS.M00100');
    expectError(await call({ token: 'forged', body: { cur_page: -1 } }), 403, 'DRS.M00100');
  });

  it('403 DRS.M00261 for a token used on a project it does not hold', async () => {
    expectError(await call({ projectId: 'cccccccccccccccccccccccccccccccc' }), 403, 'DRS.M00261');
  });
});

describe('request validation (the validator package)', () => {
  it('400 DRS.M00201 for a missing field, naming it', async () => {
    const { db_use_type: _d, ...body } = seedRequest;
    const answer = await call({ body });
    expectError(answer, 400, 'DRS.M00201');
    expect(answer.body.error_msg).toContain('db_use_type');
  });

  it('400 DRS.M00202 for an invalid value, naming the field', async () => {
    const answer = await call({ body: { ...seedRequest, net_type: 'VPC' } });
    expectError(answer, 400, 'DRS.M00202');
    expect(answer.body.error_msg).toContain('net_type');
  });

  it('400 DRS.M00210 for an invalid page value, naming the field', async () => {
    const answer = await call({ body: { ...seedRequest, per_page: 101 } });
    expectError(answer, 400, 'DRS.M00210');
    expect(answer.body.error_msg).toContain('per_page');
  });

  const dir = join(import.meta.dirname, '../../../openapi/examples/invalid');
  const corpus = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as { target: string; input: unknown; overHttp: boolean; expect: { errorCode?: string; status?: number } }) }))
    .filter((c) => c.overHttp && c.target.startsWith('request.'));

  it('covers the spec corpus of invalid requests', () => expect(corpus.length).toBeGreaterThan(20));

  it.each(corpus.map((c) => [c.file, c] as const))('answers the spec corpus case %s as it expects', async (_file, c) => {
    const answer =
      c.target === 'request.headers'
        ? await app.inject({ method: 'POST', url: `/v3/${seedProjectId}/jobs`, headers: { 'content-type': 'application/json', ...(c.input as Record<string, string>) }, payload: JSON.stringify(seedRequest) })
        : await app.inject({ method: 'POST', url: `/v3/${seedProjectId}/jobs`, headers: { 'content-type': 'application/json', 'x-auth-token': token }, payload: JSON.stringify(c.input) });
    expectError({ status: answer.statusCode, body: answer.json(), headers: answer.headers }, c.expect.status ?? 400, c.expect.errorCode ?? '');
  });
});

describe('transport errors', () => {
  it('400 DRS.M00300 for a body that is not JSON, or empty', async () => {
    expectError(await call({ body: '{"cur_page": 1,' }), 400, 'DRS.M00300');
    expectError(await call({ body: '' }), 400, 'DRS.M00300');
  });

  it('415 DRS.M00302 for a body that is not application/json', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      expectError(await call({ headers: { 'content-type': type }, body: 'cur_page=1' }), 415, 'DRS.M00302');
    }
  });

  it('413 DRS.M00301 for a body over 1 MiB', async () => {
    const big = { ...seedRequest, name: 'x'.repeat(1024 * 1024) };
    expectError(await call({ body: big }), 413, 'DRS.M00301');
  });

  it('404 with the DRS body shape for an unknown path', async () => {
    const res = await app.inject({ method: 'POST', url: '/v3/jobs', headers: { 'x-auth-token': token } });
    expectError({ status: res.statusCode, body: res.json(), headers: res.headers }, 404, codeForStatus(404) ?? 'DRS.M00202');
    expect(res.json<ErrorBody>().error_msg).toContain('/v3/jobs');
  });

  it('405 with the DRS body shape and Allow: POST for another method on the operation path', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH'] as const) {
      const res = await app.inject({ method, url: `/v3/${seedProjectId}/jobs`, headers: { 'x-auth-token': token } });
      expectError({ status: res.statusCode, body: res.json(), headers: res.headers }, 405, codeForStatus(405) ?? 'DRS.M00202');
      expect(res.headers.allow).toBe('POST');
    }
  });
});

describe('messages follow X-Language', () => {
  it('answers in Chinese with X-Language: zh-cn, from the registry templates', async () => {
    const cases = [
      [await call({ token: undefined, language: 'zh-cn' }), 'DRS.M00103'],
      [await call({ token: 'forged', language: 'zh-cn' }), 'DRS.M00100'],
      [await call({ projectId: 'c'.repeat(32), language: 'zh-cn' }), 'DRS.M00261'],
      [await call({ body: '{', language: 'zh-cn' }), 'DRS.M00300'],
      [await call({ headers: { 'content-type': 'text/plain' }, language: 'zh-cn' }), 'DRS.M00302'],
      [await call({ body: { ...seedRequest, per_page: 101 }, language: 'zh-cn' }), 'DRS.M00210'],
    ] as const;
    for (const [answer, code] of cases) {
      expect(answer.body.error_code).toBe(code);
      const template = errorRegistry[code]['zh-cn'];
      expect(answer.body.error_msg.startsWith(template.split('{')[0] ?? template)).toBe(true);
      expect(answer.body.error_msg).toMatch(/[\u4e00-\u9fff]/);
    }
    const missing = await call({ body: { cur_page: 1, per_page: 5 }, language: 'zh-cn' });
    expect(missing.body.error_msg).toBe('参数db_use_type为空。');
  });

  it('answers in English by default and with X-Language: en-us', async () => {
    const a = await call({ token: 'forged' });
    const b = await call({ token: 'forged', language: 'en-us' });
    expect(a.body.error_msg).toBe(errorRegistry['DRS.M00100']['en-us']);
    expect(b.body.error_msg).toBe(errorRegistry['DRS.M00100']['en-us']);
  });
});

describe('unexpected failures', () => {
  it('500 DRS.M00004 without a stack trace or internals when the store fails', async () => {
    const store = openStore();
    const broken = buildApp({ store, tokens: { [token]: [seedProjectId] } });
    store.close(); // every query now throws inside the handler
    const answer = await post<ErrorBody>(broken, { projectId: seedProjectId, token, body: seedRequest });
    expectError(answer, 500, 'DRS.M00004');
    expect(answer.body.error_msg).toBe(errorRegistry['DRS.M00004']['en-us']);
    expect(answer.raw).not.toMatch(/at |\.ts|\.js|database|sqlite/i);
    await broken.close();
  });
});
