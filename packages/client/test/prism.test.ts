// The client against Prism mocking the bundled spec: the seed request returns the seed response.
import { afterAll, beforeAll, expect, expectTypeOf, it } from 'vitest';
import { type PrismHandle, startPrism } from '../../../tools/prism.mjs';
import { type ShowJobListRequest, type ShowJobListResponse, createDrsClient } from '@drs-contract/client';
import { example } from './support/server.ts';

let prism: PrismHandle;
beforeAll(async () => {
  prism = await startPrism();
});
afterAll(async () => {
  await prism?.close();
});

it("the seed's example request returns the seed's example response, typed", async () => {
  const client = createDrsClient({ endpoint: prism.url, projectId: '054ba152d480d55b2f5dc0069e7ddef0', token: 'prism-token', language: 'en-us' });

  const result = await client.listJobs(example<ShowJobListRequest>('request-seed'));

  expectTypeOf(result).toEqualTypeOf<ShowJobListResponse>();
  expect(result).toEqual(example<ShowJobListResponse>('response-200-seed'));
});

it('Prism rejects a call without a valid body; the client reports it as DrsApiError', async () => {
  const client = createDrsClient({ endpoint: prism.url, projectId: '054ba152d480d55b2f5dc0069e7ddef0', token: 'prism-token', retry: false });
  // @ts-expect-error db_use_type is required: sent anyway to see the mock refuse it.
  await expect(client.listJobs({ cur_page: 1, per_page: 5 })).rejects.toMatchObject({ kind: 'api', status: 400 });
});
