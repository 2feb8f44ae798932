// Test helpers: build a sandbox app over given jobs and call it in-process (inject) or over HTTP.
import type { FastifyInstance } from 'fastify';
import type { ErrorBody, ShowJobListResponse } from '@drs-contract/validator';
import { buildApp, openStore, type AppOptions, type SandboxJob, type TokenMap } from '../src/index.ts';

export const projectA = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const projectB = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
export const tokenA = 'token-of-a';
export const tokenB = 'token-of-b';

/** A JobInfo with every required field, overridable. */
export function job(overrides: Partial<SandboxJob> & { id: string }): SandboxJob {
  return {
    name: `job ${overrides.id}`,
    status: 'CONFIGURATION',
    description: '',
    create_time: '2021-01-01 00:00:00',
    engine_type: 'mysql',
    net_type: 'eip',
    billing_tag: false,
    job_direction: 'up',
    db_use_type: 'migration',
    task_type: 'FULL_INCR_TRANS',
    node_newFramework: false,
    project_id: projectA,
    ...overrides,
  };
}

export function appWith(jobs: SandboxJob[], tokens: TokenMap, extra: Partial<AppOptions> = {}): FastifyInstance {
  return buildApp({ store: openStore({ jobs }), tokens, ...extra });
}

export interface Call {
  projectId?: string;
  token?: string | undefined;
  body?: unknown;
  language?: string;
  headers?: Record<string, string>;
}

export interface Answer<T> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  raw: string;
}

export async function post<T = ShowJobListResponse>(app: FastifyInstance, call: Call): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...call.headers };
  if (call.token !== undefined) headers['x-auth-token'] = call.token;
  if (call.language !== undefined) headers['x-language'] = call.language;
  const res = await app.inject({
    method: 'POST',
    url: `/v3/${call.projectId ?? projectA}/jobs`,
    headers,
    payload: typeof call.body === 'string' ? call.body : JSON.stringify(call.body ?? {}),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as T, headers: res.headers, raw: res.body };
}

export const errorOf = (a: Answer<unknown>) => a.body as ErrorBody;
export const ids = (a: Answer<ShowJobListResponse>) => a.body.jobs.map((j) => j.id);
