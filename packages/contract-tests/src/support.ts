// What every contract case shares: the target, a client that records Prism's response
// violations, the spec's examples and its invalid-input corpus.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inject, onTestFinished } from 'vitest';
import { createDrsClient, type DrsClient } from '@drs-contract/client';
import { validateResponse, type Violation } from '@drs-contract/validator';
import type { ContractTarget } from './target.ts';

export const target: ContractTarget = inject('target');

const specRoot = dirname(createRequire(import.meta.url).resolve('@drs-contract/spec/package.json'));
export const readSpecJson = <T>(relative: string): T => JSON.parse(readFileSync(join(specRoot, relative), 'utf8')) as T;

export interface PrismViolation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

/** Response violations Prism reported (in proxy mode) for the calls of the running test. */
let recorded: PrismViolation[] = [];

/** fetch that remembers Prism's `sl-violations` about responses; request violations are ours on purpose. */
export const recordingFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  const header = res.headers.get('sl-violations');
  if (header && target.proxied) {
    const all = JSON.parse(header) as PrismViolation[];
    recorded.push(...all.filter((v) => v.location[0] === 'response'));
  }
  return res;
};

/** Fails the running test if Prism saw a response violation during it. */
export function expectNoProxyViolations(): void {
  recorded = [];
  onTestFinished(({ task }) => {
    task.meta.proxyViolations = recorded.length;
    const found = recorded;
    recorded = [];
    if (found.length > 0) {
      throw new Error(`Prism proxy reported response violations (sl-violations): ${found.map((v) => `${v.location.join('.')}: ${v.message}`).join('; ')}`);
    }
  });
}

/** Sends what the client would, minus X-Auth-Token: the client itself refuses to go without one. */
const withoutToken = (request: Request) => {
  const headers = new Headers(request.headers);
  headers.delete('X-Auth-Token');
  return recordingFetch(new Request(request, { headers }));
};

export function client(overrides: { withoutToken?: boolean; language?: 'en-us' | 'zh-cn'; projectId?: string } = {}): DrsClient {
  return createDrsClient({
    endpoint: target.url,
    projectId: overrides.projectId ?? target.projectId,
    token: target.token,
    ...(overrides.language ? { language: overrides.language } : {}),
    fetch: overrides.withoutToken ? withoutToken : recordingFetch,
    retry: false,
    timeoutMs: 15_000,
  });
}

export const jobsUrl = (projectId = target.projectId) => `${target.url}/v3/${encodeURIComponent(projectId)}/jobs`;

/** A raw HTTP call for what a typed client cannot send (bad content types, malformed JSON). */
export async function rawPost(body: string, headers: Record<string, string>, method = 'POST', url = jobsUrl()) {
  const res = await recordingFetch(url, { method, headers, body: method === 'GET' ? undefined : body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

/** Strict contract check of a response body; the message names every failing field. */
export function expectValidResponse(status: number, body: unknown): void {
  const result = validateResponse(status, body, { mode: 'strict' });
  if (result.errors.length > 0) {
    throw new Error(`response ${status} violates the contract: ${result.errors.map(describeViolation).join('; ')}`);
  }
}

export const describeViolation = (v: Violation) => `${v.pointer || '/'}: ${v.message}`;

export interface InvalidCase {
  file: string;
  description: string;
  target: string;
  input: unknown;
  expect: { pointer: string; keyword: string; errorCode?: string; status?: number };
  overHttp: boolean;
  schemaCatches: boolean;
}

export function invalidCorpus(): InvalidCase[] {
  const dir = join(specRoot, 'examples/invalid');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<InvalidCase, 'file'>) }));
}

export interface ExampleObject<T> {
  summary: string;
  value: T;
}

declare module 'vitest' {
  interface TaskMeta {
    proxyViolations?: number;
  }
}
