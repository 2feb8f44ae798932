// The seed's example and every request example of the spec answer 200 with a valid body.
import { describe, expect, it } from 'vitest';
import type { ShowJobListRequest, ShowJobListResponse } from '@drs-contract/client';
import { client, expectNoProxyViolations, expectValidResponse, readSpecJson, target, type ExampleObject } from '../src/support.ts';

const seedRequest = readSpecJson<ExampleObject<ShowJobListRequest>>('examples/request-seed.json').value;
const seedResponse = readSpecJson<ExampleObject<ShowJobListResponse>>('examples/response-200-seed.json').value;
const spec = readSpecJson<{ paths: Record<string, { post: { requestBody: { content: Record<string, { examples: Record<string, { $ref?: string; value?: ShowJobListRequest }> }> } } }>; components: { examples: Record<string, ExampleObject<ShowJobListRequest>> } }>('dist/openapi.json');
const requestExamples = Object.entries(spec.paths['/v3/{project_id}/jobs']?.post.requestBody.content['application/json']?.examples ?? {}).map(
  ([name, ex]) => [name, ex.$ref ? spec.components.examples[ex.$ref.split('/').pop() ?? '']?.value : ex.value] as const,
);

describe('examples', () => {
  it("the seed's example request answers 200 with a body valid in strict mode", async () => {
    expectNoProxyViolations();
    const body = await client().listJobs(seedRequest);
    expectValidResponse(200, body);
    if (target.kind === 'mock' || target.kind === 'sandbox') {
      // the mock answers with the spec's example; the sandbox's default data reproduces it
      expect(body).toEqual(seedResponse);
    }
  });

  it('the spec holds request examples to replay', () => {
    expect(requestExamples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(requestExamples)('request example "%s" answers 200 with a valid body', async (_name, request) => {
    expectNoProxyViolations();
    expect(request).toBeDefined();
    const body = await client().listJobs(request as ShowJobListRequest);
    expectValidResponse(200, body);
  });

  it.each(['en-us', 'zh-cn'] as const)('X-Language %s answers 200 with a valid body', async (language) => {
    expectNoProxyViolations();
    const body = await client({ language }).listJobs(seedRequest);
    expectValidResponse(200, body);
  });
});
