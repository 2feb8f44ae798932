// Defects 2 and 7: the token was checked after the body was parsed and validated, so a stranger's
// 1 MiB body of 340,000 `{}` tags cost seconds and hundreds of MB, and malformed JSON, 415 and 413
// were answered before 401/403. Authentication now runs on request, before the body is read.
import { afterAll, describe, expect, it } from 'vitest';
import { maxViolations } from '@drs-contract/validator';
import { appWith, errorOf, job, post, projectA, projectB, tokenA } from '../support.ts';

const app = appWith([job({ id: 'a1' })], { [tokenA]: [projectA] });
afterAll(() => app.close());

const bomb = JSON.stringify({ db_use_type: 'migration', cur_page: 1, per_page: 10, tags: Array.from({ length: 340_000 }, () => ({})) });

describe('authentication comes before the body', () => {
  it('answers 401 to a huge bad body without a token', async () => {
    expect(bomb.length).toBeLessThanOrEqual(1024 * 1024);
    const a = await post(app, { token: undefined, body: bomb });
    expect(a.status).toBe(401);
    expect(errorOf(a).error_code).toBe('DRS.M00103');
    expect(a.headers['x-request-id']).toBeTruthy();
  });

  it('answers 403 to a huge bad body with an unknown token, or for a project the token does not hold', async () => {
    expect((await post(app, { token: 'nobody', body: bomb })).status).toBe(403);
    const other = await post(app, { token: tokenA, projectId: projectB, body: bomb });
    expect([other.status, errorOf(other).error_code]).toEqual([403, 'DRS.M00261']);
  });

  it('answers 401/403 before malformed JSON, a wrong Content-Type and a body over the limit', async () => {
    const badJson = await post(app, { token: undefined, body: '{"db_use_type":' });
    expect([badJson.status, errorOf(badJson).error_code]).toEqual([401, 'DRS.M00103']);
    const textPlain = await post(app, { token: 'nobody', body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect([textPlain.status, errorOf(textPlain).error_code]).toEqual([403, 'DRS.M00100']);
    const tooLarge = await post(app, { token: undefined, body: `"${'x'.repeat(2 * 1024 * 1024)}"` });
    expect([tooLarge.status, errorOf(tooLarge).error_code]).toEqual([401, 'DRS.M00103']);
    // With a valid token the same bodies get their own answers.
    expect(errorOf(await post(app, { token: tokenA, body: '{"db_use_type":' })).error_code).toBe('DRS.M00300');
    expect(errorOf(await post(app, { token: tokenA, body: 'hello', headers: { 'content-type': 'text/plain' } })).error_code).toBe('DRS.M00302');
  });

  it('answers an authenticated huge bad body with the first violation', async () => {
    const a = await post(app, { token: tokenA, body: bomb });
    expect(a.status).toBe(400);
    expect(errorOf(a).error_code).toMatch(/^DRS\.M002/);
    expect(maxViolations).toBeLessThan(1000);
  });
});
