// Regression: with validation off, a 200 whose body is null, {} or a DRS error body made iterateJobs()
// and listAllJobs() throw a bare TypeError (and listJobs() return it as a typed page). Such a body is
// now a DrsContractError that names what is missing, validation on or off.
import { afterEach, describe, expect, it } from 'vitest';
import * as validator from '@drs-contract/validator';
import { DrsContractError, type ShowJobListResponse, createDrsClient, isDrsError } from '@drs-contract/client';
import { type TestServer, example, startServer } from '../support/server.ts';

const projectId = '054ba152d480d55b2f5dc0069e7ddef0';
const token = 'shape-token-0123456789';
const job = example<ShowJobListResponse>('response-200-seed').jobs[0]!;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function answering(text: string): Promise<string> {
  server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(text);
  });
  return server.url;
}

async function contractError(promise: Promise<unknown>): Promise<DrsContractError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDrsError(error)).toBe(true);
  if (!(error instanceof DrsContractError)) throw new Error(`expected a DrsContractError, got ${String(error)}`);
  return error;
}

const cases: [string, string, string][] = [
  ['null', 'null', ''],
  ['an empty object', '{}', '/jobs'],
  ['a DRS error body', '{"error_code":"DRS.M00100","error_msg":"The token is invalid."}', '/jobs'],
  ['an array', '[1,2]', ''],
  ['a string', '"ok"', ''],
  ['no total_record', '{"jobs":[]}', '/total_record'],
  ['a negative total_record', '{"total_record":-1,"jobs":[]}', '/total_record'],
  ['a fractional total_record', '{"total_record":1.5,"jobs":[]}', '/total_record'],
  ['a null job', '{"total_record":1,"jobs":[null]}', '/jobs/0'],
  ['a job without id', `{"total_record":2,"jobs":[${JSON.stringify(job)},{"name":"x"}]}`, '/jobs/1'],
];

// Tasks without an id are a page's own business (returned as is with validation off), but a walk needs the ids.
const walkOnly = new Set(['/jobs/0', '/jobs/1']);

describe.each(cases)('a 200 with %s', (_label, text, pointer) => {
  const methods = walkOnly.has(pointer) ? (['listAllJobs', 'iterateJobs'] as const) : (['listJobs', 'listAllJobs', 'iterateJobs'] as const);
  it.each(methods)('%s throws DrsContractError (validation off), not retried', async (method) => {
    const url = await answering(text);
    const client = createDrsClient({ endpoint: url, projectId, token, retry: { attempts: 3, baseDelayMs: 1 } });
    const call =
      method === 'listJobs'
        ? client.listJobs({ cur_page: 1, per_page: 10, db_use_type: 'migration' })
        : method === 'listAllJobs'
          ? client.listAllJobs({ db_use_type: 'migration' })
          : (async () => {
              for await (const _ of client.iterateJobs({ db_use_type: 'migration' })) void _;
            })();
    const error = await contractError(call);
    expect(error).toMatchObject({ kind: 'contract', status: 200, attempts: 1 });
    expect(error.violations.map((v) => v.pointer)).toContain(pointer);
    expect(error.message).toMatch(/^DRS response breaks the contract \(HTTP 200\): /);
    expect(server!.received).toHaveLength(1);
  });
});

it('validation on without throwOnError still refuses a body that is not a page', async () => {
  const url = await answering('null');
  const client = createDrsClient({ endpoint: url, projectId, token, validate: { validator, throwOnError: false } });
  const error = await contractError(client.listAllJobs({ db_use_type: 'migration' }));
  expect(error.violations[0]).toMatchObject({ pointer: '', keyword: 'type' });
});

it('a well-formed page still passes with validation off', async () => {
  const url = await answering(JSON.stringify({ total_record: 1, jobs: [job] }));
  await expect(createDrsClient({ endpoint: url, projectId, token }).listAllJobs({ db_use_type: 'migration' })).resolves.toEqual([job]);
});
