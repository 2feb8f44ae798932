// createDrsClient(): openapi-fetch plus what a consumer of DRS needs around it — auth, per-attempt
// timeouts, retries, typed errors, pagination and optional contract checks. Runtime code uses only
// web platform APIs (fetch, AbortController, setTimeout), so it runs in Node ≥ 20 and in browsers.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import {
  type ContractIssue,
  type DrsClientError,
  DrsAbortError,
  DrsApiError,
  DrsContractError,
  DrsNetworkError,
  DrsTimeoutError,
  redact,
} from './errors.js';
import { paging } from './generated/paging.js';
import type { paths } from './generated/schema.js';
import { type RetryOptions, backoffDelay, parseRetryAfter, retryPolicy, sleep } from './retry.js';
import type { JobInfo, JobQuery, Language, ShowJobListRequest, ShowJobListResponse } from './types.js';

const SHOW_JOB_LIST = '/v3/{project_id}/jobs';

/** What the client needs of a response validator; `@drs-contract/validator`'s module satisfies it. */
export interface DrsResponseValidator {
  validateResponse(
    status: number,
    body: unknown,
    /** `secrets`: values (the token) a message must never quote, redacted before any cut. */
    options?: { mode?: 'strict' | 'tolerant'; secrets?: readonly string[] },
  ): { valid: boolean; errors: readonly ContractIssue[]; warnings: readonly ContractIssue[] };
}

/** A response that breaks (errors) or stretches (warnings, e.g. an enum value the spec lacks) the contract. */
export interface ContractDrift {
  status: number;
  requestId: string | undefined;
  errors: readonly ContractIssue[];
  warnings: readonly ContractIssue[];
  body: unknown;
}

export interface ValidateOptions {
  validator: DrsResponseValidator;
  /** Called for every response with errors or warnings (2xx and JSON error bodies alike). */
  onDrift?: (drift: ContractDrift) => void;
  /** A 2xx body with errors throws DrsContractError (default true); false returns it after onDrift. */
  throwOnError?: boolean;
}

type Auth =
  | { /** The IAM token sent as `X-Auth-Token`. */ token: string; getToken?: never }
  | { /** Called before every attempt, so a token can rotate. */ getToken: () => string | Promise<string>; token?: never };

export type DrsClientOptions = Auth & {
  /** Base URL of the DRS endpoint, e.g. `https://drs.ap-southeast-1.myhuaweicloud.com`. */
  endpoint: string;
  /** The tenant's project ID (the `project_id` path parameter). */
  projectId: string;
  /** Sent as `X-Language`: the language of `error_msg`. The service defaults to en-us. */
  language?: Language;
  /** Time limit of one attempt, headers and body included (default 30000; Infinity disables). */
  timeoutMs?: number;
  /** Retry policy, or false for a single attempt. */
  retry?: RetryOptions | false;
  /** fetch implementation (default globalThis.fetch). */
  fetch?: (input: Request) => Promise<Response>;
  /** Response validation, off by default: a validator (tolerant mode), or ValidateOptions. */
  validate?: false | DrsResponseValidator | ValidateOptions;
};

export interface CallOptions {
  /** Aborts the call, retries and backoff included; the call then throws DrsAbortError. */
  signal?: AbortSignal;
}

export interface DrsClient {
  /** One page of tasks: the typed 200 body, or a thrown DrsClientError. */
  listJobs(query: ShowJobListRequest, options?: CallOptions): Promise<ShowJobListResponse>;
  /** Every matching task, page after page (per_page at the spec's maximum); stops when you break. */
  iterateJobs(query: JobQuery, options?: CallOptions): AsyncGenerator<JobInfo, void, undefined>;
  /** iterateJobs() collected into an array. */
  listAllJobs(query: JobQuery, options?: CallOptions): Promise<JobInfo[]>;
  /** The openapi-fetch client underneath, with the auth/language middleware (no timeout or retry). */
  readonly raw: Client<paths>;
}

export const defaultTimeoutMs = 30_000;

/**
 * What openapi-fetch builds for a listJobs() attempt instead of a Request: the url and init, which
 * `fetchRecord` sends with one fetch(url, init). With a real Request, the request is built twice
 * (by openapi-fetch, then again inside fetch(), the body stream re-wrapped and the signal chained),
 * which made a call about 1.6× as costly as a raw fetch() in bench/. Only the internal transport uses
 * it, and its one middleware edits the headers in place.
 */
class RequestRecord {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  readonly redirect: RequestRedirect | undefined;
  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? 'GET';
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
    this.redirect = init.redirect;
  }
}

function fetchRecord(record: Request | RequestRecord): Promise<Response> {
  if (!(record instanceof RequestRecord)) return fetch(record);
  const { method, headers, body, signal, redirect } = record;
  return fetch(record.url, redirect === undefined ? { method, headers, body, signal } : { method, headers, body, signal, redirect });
}

// setTimeout fires at once for delays above 2^31-1 ms; longer limits are treated as "no limit".
const maxTimerMs = 2 ** 31 - 1;

/** Wraps an error thrown by getToken() so it is rethrown unchanged and not taken for a network error. */
class TokenProviderFailure {
  constructor(readonly cause: unknown) {}
}

type Attempt =
  | { ok: true; value: ShowJobListResponse }
  | { ok: false; error: DrsClientError; retryable: boolean; retryAfterMs?: number | undefined };

export function createDrsClient(options: DrsClientOptions): DrsClient {
  const { endpoint, projectId, language } = options;
  if (typeof endpoint !== 'string' || !isHttpUrl(endpoint)) throw new TypeError('endpoint must be an absolute http(s) URL');
  // The operation's path is appended to the endpoint: a query or fragment would swallow it.
  if (/[?#]/.test(endpoint)) throw new TypeError('endpoint must not have a query (?…) or a fragment (#…)');
  if (typeof projectId !== 'string' || projectId === '') throw new TypeError('projectId must be a non-empty string');
  // A path segment of its own: "." or ".." would be resolved away and the request sent to another path.
  if (projectId === '.' || projectId === '..') throw new TypeError('projectId must not be "." or ".."');
  const staticToken = options.token;
  const getToken = options.getToken;
  if (staticToken === undefined ? typeof getToken !== 'function' : typeof staticToken !== 'string' || staticToken === '') {
    throw new TypeError('give either token (a non-empty string) or getToken (a function)');
  }
  if (staticToken !== undefined && !isSendableToken(staticToken)) throw new TypeError(unsendableToken('token'));
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be > 0');
  const timed = timeoutMs <= maxTimerMs;
  const policy = retryPolicy(options.retry);
  const validation = validationOf(options.validate);

  // Tokens recently sent, so error messages can be scrubbed of them.
  const sentTokens = new Set<string>(staticToken ? [staticToken] : []);
  const remember = (token: string) => {
    if (sentTokens.has(token)) return;
    sentTokens.add(token);
    if (sentTokens.size > 8) sentTokens.delete(sentTokens.values().next().value as string);
  };

  const headersMiddleware: Middleware = {
    async onRequest({ request }) {
      let token = staticToken;
      if (token === undefined) {
        try {
          token = await getToken!();
        } catch (error) {
          throw new TokenProviderFailure(error);
        }
        if (typeof token !== 'string' || token === '') {
          throw new TokenProviderFailure(new TypeError('getToken() must return a non-empty string'));
        }
        if (!isSendableToken(token)) throw new TokenProviderFailure(new TypeError(unsendableToken('getToken() result')));
        remember(token);
      }
      // Edited in place and nothing returned: openapi-fetch only accepts a returned value that is a Request.
      request.headers.set('X-Auth-Token', token);
      if (language !== undefined) request.headers.set('X-Language', language);
      return undefined;
    },
  };

  // redirect 'manual': a redirect is never followed, so X-Auth-Token never reaches another origin and a
  // POST is never turned into a GET; the 3xx comes back as a DrsApiError instead.
  const raw = createClient<paths>({ baseUrl: endpoint, redirect: 'manual', ...(options.fetch ? { fetch: options.fetch } : {}) });
  raw.use(headersMiddleware);
  // listJobs() goes through a second openapi-fetch client that builds RequestRecords rather than
  // Requests; with a caller's own fetch it uses `raw`, so that fetch receives real Requests.
  const transport = options.fetch
    ? raw
    : createClient<paths>({
        baseUrl: endpoint,
        redirect: 'manual',
        Request: RequestRecord as unknown as typeof Request,
        fetch: fetchRecord as (input: Request) => Promise<Response>,
      });
  if (transport !== raw) transport.use(headersMiddleware);

  const post = (query: ShowJobListRequest, signal: AbortSignal | undefined) =>
    transport.POST(SHOW_JOB_LIST, {
      params: { path: { project_id: projectId } },
      body: query,
      // Parsed here rather than by openapi-fetch, so a non-JSON 2xx body becomes a typed error.
      parseAs: 'text',
      signal,
    });

  async function attempt(query: ShowJobListRequest, n: number, callerSignal: AbortSignal | undefined, walking: boolean): Promise<Attempt> {
    const timeout = timed ? new AbortController() : undefined;
    const timer = timeout
      ? setTimeout(() => timeout.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs)
      : undefined;
    const signal = timeout && callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : (timeout?.signal ?? callerSignal);
    let result: Awaited<ReturnType<typeof post>>;
    try {
      result = await post(query, signal);
    } catch (error) {
      if (error instanceof TokenProviderFailure) throw error.cause;
      if (callerSignal?.aborted) return { ok: false, retryable: false, error: new DrsAbortError({ cause: callerSignal.reason, attempts: n }) };
      if (timeout?.signal.aborted) return { ok: false, retryable: true, error: new DrsTimeoutError({ timeoutMs, attempts: n, cause: error }) };
      return { ok: false, retryable: true, error: new DrsNetworkError({ cause: error, secrets: sentTokens, attempts: n }) };
    } finally {
      clearTimeout(timer);
    }

    const { data, error, response } = result;
    const { status, headers } = response;
    if (response.ok) {
      let body: unknown;
      try {
        body = JSON.parse(data ?? '');
      } catch {
        const violation = { pointer: '', keyword: 'json', message: 'the response body is not JSON' };
        return { ok: false, retryable: false, error: new DrsContractError({ status, violations: [violation], body: data ?? '', headers, secrets: sentTokens, attempts: n }) };
      }
      const drift = validation ? check(validation, status, body, headers, sentTokens) : undefined;
      if (drift && drift.errors.length > 0 && validation!.throwOnError) {
        return { ok: false, retryable: false, error: new DrsContractError({ status, violations: drift.errors, warnings: drift.warnings, body, headers, secrets: sentTokens, attempts: n }) };
      }
      // Validation or not, the typed result and the pagination rest on this much.
      const broken = shapeViolations(body, walking);
      if (broken.length > 0) {
        return { ok: false, retryable: false, error: new DrsContractError({ status, violations: broken, body, headers, secrets: sentTokens, attempts: n }) };
      }
      return { ok: true, value: body as ShowJobListResponse };
    }
    // openapi-fetch hands over the parsed JSON, the raw text when it is not JSON, or undefined when empty.
    const body: unknown = error ?? '';
    // A 3xx (or a browser's opaque redirect, status 0) was not followed: never retried either.
    const redirected = response.type === 'opaqueredirect' || (status >= 300 && status < 400);
    if (validation && !redirected && typeof body === 'object') check(validation, status, body, headers, sentTokens);
    return {
      ok: false,
      retryable: !redirected && policy.statuses.has(status),
      retryAfterMs: parseRetryAfter(headers.get('retry-after')),
      error: new DrsApiError({ status, statusText: response.statusText, body, headers, redirected, secrets: sentTokens, attempts: n }),
    };
  }

  function listJobs(query: ShowJobListRequest, callOptions: CallOptions = {}): Promise<ShowJobListResponse> {
    return call(query, callOptions, false);
  }

  /** `walking`: a page of iterateJobs(), whose tasks must have ids to be told apart. */
  async function call(query: ShowJobListRequest, callOptions: CallOptions, walking: boolean): Promise<ShowJobListResponse> {
    const { signal } = callOptions;
    for (let n = 1; ; n++) {
      if (signal?.aborted) throw new DrsAbortError({ cause: signal.reason, attempts: n - 1 });
      const result = await attempt(query, n, signal, walking);
      if (result.ok) return result.value;
      if (!result.retryable || n >= policy.attempts) throw result.error;
      const delay = result.retryAfterMs ?? backoffDelay(policy, n);
      // Nor beyond what a timer can wait: setTimeout fires at once above 2^31-1 ms (with a warning).
      if (delay > Math.min(policy.maxRetryAfterMs, maxTimerMs)) throw result.error;
      try {
        await sleep(delay, signal);
      } catch (reason) {
        throw new DrsAbortError({ cause: reason, attempts: n });
      }
    }
  }

  async function* iterateJobs(query: JobQuery, callOptions?: CallOptions): AsyncGenerator<JobInfo, void, undefined> {
    const perPage = paging.per_page.maximum;
    const seen = new Set<string>();
    // Pages start at 1: cur_page 0 means "every match at once" (D6).
    for (let page = 1; ; page++) {
      const { jobs, total_record: total } = await call({ ...query, cur_page: page, per_page: perPage }, callOptions ?? {}, true);
      let fresh = 0;
      for (const job of jobs) {
        // When tasks are added or removed mid-walk, pages shift: a task can come back on the next page.
        if (seen.has(job.id)) continue;
        seen.add(job.id);
        fresh++;
        yield job;
      }
      // Stop at an empty page, a page with nothing new (a server ignoring cur_page, or a shrinking
      // total), once every counted task was seen, or when the pages walked cover total_record.
      if (jobs.length === 0 || fresh === 0 || seen.size >= total || page * perPage >= total) return;
    }
  }

  async function listAllJobs(query: JobQuery, callOptions?: CallOptions): Promise<JobInfo[]> {
    const all: JobInfo[] = [];
    for await (const job of iterateJobs(query, callOptions)) all.push(job);
    return all;
  }

  return { listJobs, iterateJobs, listAllJobs, raw };
}

interface Validation {
  validator: DrsResponseValidator;
  onDrift: ((drift: ContractDrift) => void) | undefined;
  throwOnError: boolean;
}

function validationOf(option: DrsClientOptions['validate']): Validation | undefined {
  if (!option) return undefined;
  if (typeof option !== 'object') throw new TypeError('validate must be a validator ({ validateResponse }) or { validator, onDrift?, throwOnError? }');
  if ('validateResponse' in option) return { validator: option, onDrift: undefined, throwOnError: true };
  if (typeof option.validator?.validateResponse !== 'function') throw new TypeError('validate.validator must have validateResponse()');
  return { validator: option.validator, onDrift: option.onDrift, throwOnError: option.throwOnError ?? true };
}

function check(validation: Validation, status: number, body: unknown, headers: Headers, secrets: Iterable<string>): ContractDrift | undefined {
  // Tolerant: a value the spec does not list yet (say a new task status) is a warning, not a failure.
  const result = validation.validator.validateResponse(status, body, { mode: 'tolerant', secrets: [...secrets] });
  if (result.errors.length === 0 && result.warnings.length === 0) return undefined;
  // The validator redacts what it is given; a validator of another make may not, so redact again.
  const clean = (issues: readonly ContractIssue[]) => issues.map((issue) => ({ ...issue, message: redact(issue.message, secrets) }));
  const [errors, warnings] = [clean(result.errors), clean(result.warnings)];
  const drift: ContractDrift = { status, requestId: headers.get('x-request-id') ?? undefined, errors, warnings, body };
  validation.onDrift?.(drift);
  return drift;
}

/**
 * The least a 2xx body must be, checked even with validation off: an object with a `jobs` array and an
 * integer `total_record` ≥ 0 (and, for iterateJobs(), tasks that are objects with a string `id`).
 * Anything less (null, {}, an error body answered with 200) is a DrsContractError rather than a
 * TypeError deep in the caller's code.
 */
function shapeViolations(body: unknown, walking: boolean): ContractIssue[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ pointer: '', keyword: 'type', message: `must be an object (got ${body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`})` }];
  }
  const { jobs, total_record: total } = body as Record<string, unknown>;
  const issues: ContractIssue[] = [];
  if (!Array.isArray(jobs)) issues.push({ pointer: '/jobs', keyword: jobs === undefined ? 'required' : 'type', message: jobs === undefined ? 'is missing' : 'must be an array' });
  if (total === undefined) issues.push({ pointer: '/total_record', keyword: 'required', message: 'is missing' });
  else if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) issues.push({ pointer: '/total_record', keyword: 'type', message: 'must be an integer ≥ 0' });
  if (walking && Array.isArray(jobs)) {
    const bad = jobs.findIndex((job: unknown) => typeof job !== 'object' || job === null || typeof (job as { id?: unknown }).id !== 'string');
    if (bad >= 0) issues.push({ pointer: `/jobs/${bad}`, keyword: 'type', message: 'must be an object with a string id' });
  }
  return issues;
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A token fetch can send as a header value unchanged: visible ASCII, inner spaces allowed. Headers.set()
 * throws on CR, LF or a character above U+00FF (which would look like a network error) and trims
 * surrounding spaces (which would send another token).
 */
function isSendableToken(token: string): boolean {
  return /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(token);
}

function unsendableToken(what: string): string {
  // The token itself is never quoted.
  return `${what} must be printable ASCII without control characters (CR, LF…) or surrounding spaces: it is sent as the X-Auth-Token header`;
}
