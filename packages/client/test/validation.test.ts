// Optional response validation through @drs-contract/validator, over real HTTP: off by default,
// tolerant when on (an unknown enum value is reported, a missing required field throws).
import { afterEach, describe, expect, it } from 'vitest';
import * as validator from '@drs-contract/validator';
import {
  type ContractDrift,
  DrsApiError,
  DrsContractError,
  type ShowJobListRequest,
  type ShowJobListResponse,
  createDrsClient,
} from '@drs-contract/client';
import { type TestServer, example, sendJson, startServer } from './support/server.ts';

const projectId = '054ba152d480d55b2f5dc0069e7ddef0';
const token = 'validation-token';
const seedRequest = example<ShowJobListRequest>('request-seed');
const seedResponse = example<ShowJobListResponse>('response-200-seed');

/** The seed response with a task status the spec does not list (a status the service added later). */
const unknownStatus = { ...seedResponse, jobs: seedResponse.jobs.map((j, i) => (i === 1 ? { ...j, status: 'PAUSED' } : j)) };
/** The seed response with a task lacking its required `id`. */
const missingId = { ...seedResponse, jobs: seedResponse.jobs.map((j, i) => (i === 2 ? Object.fromEntries(Object.entries(j).filter(([k]) => k !== 'id')) : j)) };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serveBody(status: number, body: unknown): Promise<string> {
  server = await startServer((_req, res) => sendJson(res, status, body, { 'x-request-id': 'req-v' }));
  return server.url;
}

describe('response validation', () => {
  it('is off by default: a body breaking the contract is returned as is', async () => {
    const endpoint = await serveBody(200, missingId);
    await expect(createDrsClient({ endpoint, projectId, token }).listJobs(seedRequest)).resolves.toEqual(missingId);
  });

  it('passes a body that follows the contract', async () => {
    const endpoint = await serveBody(200, seedResponse);
    const drifts: ContractDrift[] = [];
    const client = createDrsClient({ endpoint, projectId, token, validate: { validator, onDrift: (d) => drifts.push(d) } });
    await expect(client.listJobs(seedRequest)).resolves.toEqual(seedResponse);
    expect(drifts).toEqual([]);
  });

  it('tolerates an enum value the spec does not list, and reports it as a warning', async () => {
    const endpoint = await serveBody(200, unknownStatus);
    const drifts: ContractDrift[] = [];
    const client = createDrsClient({ endpoint, projectId, token, validate: { validator, onDrift: (d) => drifts.push(d) } });

    await expect(client.listJobs(seedRequest)).resolves.toEqual(unknownStatus);

    expect(drifts).toHaveLength(1);
    expect(drifts[0]).toMatchObject({ status: 200, requestId: 'req-v', errors: [], warnings: [{ pointer: '/jobs/1/status', keyword: 'enum' }] });
  });

  it('throws DrsContractError for a missing required field', async () => {
    const endpoint = await serveBody(200, missingId);
    const client = createDrsClient({ endpoint, projectId, token, validate: validator });

    const error = await client.listJobs(seedRequest).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DrsContractError);
    expect(error).toMatchObject({ kind: 'contract', status: 200, requestId: 'req-v', body: missingId, attempts: 1 });
    expect((error as DrsContractError).violations).toContainEqual(expect.objectContaining({ pointer: '/jobs/2/id', keyword: 'required' }));
    expect((error as DrsContractError).message).toContain('/jobs/2/id');
  });

  it('throwOnError: false reports the drift and returns the body', async () => {
    const endpoint = await serveBody(200, missingId);
    const drifts: ContractDrift[] = [];
    const client = createDrsClient({ endpoint, projectId, token, validate: { validator, throwOnError: false, onDrift: (d) => drifts.push(d) } });

    await expect(client.listJobs(seedRequest)).resolves.toEqual(missingId);
    expect(drifts[0]?.errors).toContainEqual(expect.objectContaining({ pointer: '/jobs/2/id' }));
  });

  it('reports a drifting error body, and still throws the DrsApiError', async () => {
    const endpoint = await serveBody(400, { error_code: 'DRS.M00202' });
    const drifts: ContractDrift[] = [];
    const client = createDrsClient({ endpoint, projectId, token, validate: { validator, onDrift: (d) => drifts.push(d) } });

    await expect(client.listJobs(seedRequest)).rejects.toBeInstanceOf(DrsApiError);
    expect(drifts).toHaveLength(1);
    expect(drifts[0]).toMatchObject({ status: 400, errors: [{ pointer: '/error_msg', keyword: 'required' }] });
  });
});
