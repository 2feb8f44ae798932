// Regression: a token echoed by a server kept its first characters in messages, because texts were cut
// (the 200-character snippet of a non-JSON body, the validator's quote of a value) before the token was
// removed. And a very short token ate letters out of words ("DRS reques[redacted] failed").
import { expect, it } from 'vitest';
import * as validator from '@drs-contract/validator';
import {
  type ContractDrift,
  DrsApiError,
  DrsContractError,
  DrsNetworkError,
  type ShowJobListRequest,
  type ShowJobListResponse,
  createDrsClient,
  redact,
} from '@drs-contract/client';
import { example, sendJson, serverPerTest } from '../support/server.ts';

const projectId = '054ba152d480d55b2f5dc0069e7ddef0';
const token = 'SuperSecretTokenValue0123456789abcdefghijklmnopqrstuvwxyz';
const query: ShowJobListRequest = { cur_page: 1, per_page: 10, db_use_type: 'migration' };
const seedResponse = example<ShowJobListResponse>('response-200-seed');
/** Any 8 characters of the start of the token: what a cut would leave. */
const tokenStart = token.slice(0, 8);

const serve = serverPerTest();

async function caught(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to throw');
  return error;
}

it('a non-JSON error page that echoes the token across the 200-character cut', async () => {
  const s = await serve((req, res) => {
    res.writeHead(500, { 'content-type': 'text/html' });
    res.end(`<html>${'x'.repeat(150)} token=${String(req.headers['x-auth-token'])} </html>`);
  });
  const error = await caught(createDrsClient({ endpoint: s.url, projectId, token, retry: false }).listJobs(query));
  expect(error).toBeInstanceOf(DrsApiError);
  expect(error.message).toContain('token=[redacted]');
  expect(error.message).not.toContain(tokenStart);
});

it('the same with a rotating token from getToken()', async () => {
  const s = await serve((req, res) => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`${'y'.repeat(180)} ${String(req.headers['x-auth-token'])}`);
  });
  const error = await caught(createDrsClient({ endpoint: s.url, projectId, getToken: () => token, retry: false }).listJobs(query));
  expect(error.message).not.toContain(tokenStart);
  expect(error.message).toContain('[redacted]');
});

it('errorMsg of a DRS error body is redacted too', async () => {
  const s = await serve((req, res) => sendJson(res, 403, { error_code: 'DRS.M00100', error_msg: `bad token ${String(req.headers['x-auth-token'])}` }));
  const error = await caught(createDrsClient({ endpoint: s.url, projectId, token }).listJobs(query));
  expect(error).toMatchObject({ kind: 'api', errorCode: 'DRS.M00100', errorMsg: 'bad token [redacted]' });
});

it("a token echoed into a response field: the validator's cut quote of it is redacted in errors, warnings and the message", async () => {
  const s = await serve((req, res) => {
    const job = { ...seedResponse.jobs[0]!, status: `${'P'.repeat(40)}${String(req.headers['x-auth-token'])}`, billing_tag: `${'B'.repeat(50)}${String(req.headers['x-auth-token'])}` };
    sendJson(res, 200, { total_record: 1, jobs: [job] });
  });
  const drifts: ContractDrift[] = [];
  const client = createDrsClient({ endpoint: s.url, projectId, token, validate: { validator, onDrift: (d) => drifts.push(d) } });
  const error = await caught(client.listJobs(query));
  expect(error).toBeInstanceOf(DrsContractError);
  expect(error.message).not.toContain(tokenStart);
  const issues = [...drifts[0]!.errors, ...drifts[0]!.warnings];
  expect(issues.length).toBeGreaterThanOrEqual(2);
  expect(issues.some((issue) => issue.message.includes('[redacted]'))).toBe(true);
  for (const issue of issues) expect(issue.message).not.toContain(tokenStart);
  for (const issue of (error as DrsContractError).violations) expect(issue.message).not.toContain(tokenStart);
});

it('a short token is removed only as a whole word, so messages stay readable', async () => {
  const s = await serve(() => undefined);
  const endpoint = s.url;
  await s.close();
  const error = await caught(createDrsClient({ endpoint, projectId, token: 't', retry: false }).listJobs(query));
  expect(error).toBeInstanceOf(DrsNetworkError);
  expect(error.message).toMatch(/^DRS request failed: fetch failed/);
  expect(error.message).not.toContain('[redacted]');
});

it('redact(): whole tokens, starts of tokens at a cut, short tokens as words only', () => {
  expect(redact(`x ${token} y`, [token])).toBe('x [redacted] y');
  expect(redact(`"${'P'.repeat(40)}${token.slice(0, 17)}..."`, [token])).toBe(`"${'P'.repeat(40)}[redacted]..."`);
  expect(redact(`name ${token.slice(0, 5)}…  next`, [token])).toBe('name [redacted]…  next');
  expect(redact(`ends with ${token.slice(0, 30)}`, [token])).toBe('ends with [redacted]');
  // Three characters of a start are not taken for the token; nor is text far from any cut.
  expect(redact(`${token.slice(0, 3)}…`, [token])).toBe(`${token.slice(0, 3)}…`);
  expect(redact(`${token.slice(0, 10)} and more…`, [token])).toBe(`${token.slice(0, 10)} and more…`);
  expect(redact('bad token tok.', ['tok'])).toBe('bad token [redacted].');
  expect(redact('DRS request failed', ['t', 're'])).toBe('DRS request failed');
});
