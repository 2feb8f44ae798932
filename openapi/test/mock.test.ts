// The mock that `npm run mock` starts answers as the spec says: a real Prism process, real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startPrism, type PrismHandle } from '../../tools/prism.mjs';
import { readJson, specDir, validate, type JsonObject } from './support.ts';

const seedRequest = readJson<JsonObject>(join(specDir, 'examples/request-seed.json')).value;
const seedResponse = readJson<JsonObject>(join(specDir, 'examples/response-200-seed.json')).value;
const path = '/v3/054ba152d480d55b2f5dc0069e7ddef0/jobs';

let prism: PrismHandle;
beforeAll(async () => {
  prism = await startPrism();
});
afterAll(async () => {
  await prism?.close();
});

async function post(body: unknown, headers: Record<string, string> = { 'X-Auth-Token': 'any-token' }) {
  const res = await fetch(prism.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as JsonObject };
}

describe('Prism mock of the bundled spec', () => {
  it('answers the seed request with 200 and exactly the seed response', async () => {
    const res = await post(seedRequest);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(seedResponse);
  });

  it('answers per_page 101 with 400 and a DRS error body', async () => {
    const res = await post({ ...(seedRequest as JsonObject), per_page: 101 });
    expect(res.status).toBe(400);
    expect(validate('response.400', res.body)).toEqual([]);
  });

  it('answers a missing X-Auth-Token with 401 and a DRS error body', async () => {
    const res = await post(seedRequest, {});
    expect(res.status).toBe(401);
    expect(validate('response.401', res.body)).toEqual([]);
  });
});
