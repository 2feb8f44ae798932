// The typed errors listJobs() throws. Every one is a named class with a `kind` discriminant, so a
// failure is never mistaken for success (openapi-fetch's `{ data, error }` reads an empty error body
// as `undefined`). Messages are built here and never hold the auth token (see redact()).

/** A violation the response validator reported: Ajv's shape (pointer, keyword, message, params). */
export interface ContractIssue {
  pointer: string;
  keyword: string;
  message: string;
  params?: Record<string, unknown>;
}

export type DrsErrorKind = 'api' | 'network' | 'timeout' | 'abort' | 'contract';

interface DrsErrorOptions {
  attempts: number;
  cause?: unknown;
}

/** Base class of every error the client throws. */
export abstract class DrsError extends Error {
  abstract readonly kind: DrsErrorKind;
  /** How many HTTP attempts were made, retries included. */
  readonly attempts: number;

  constructor(message: string, options: DrsErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.attempts = options.attempts;
  }
}

/** The service answered with an HTTP status that is not 2xx. */
export class DrsApiError extends DrsError {
  override readonly name = 'DrsApiError';
  readonly kind = 'api' as const;
  readonly status: number;
  /** `error_code` of a DRS error body (e.g. `DRS.M00202`); undefined when the body is not one. */
  readonly errorCode: string | undefined;
  /** `error_msg` of a DRS error body; undefined when the body is not one. */
  readonly errorMsg: string | undefined;
  /** The `X-Request-Id` response header, when present. */
  readonly requestId: string | undefined;
  /** The parsed JSON body, or the raw text when the body is not JSON ('' when empty). */
  readonly body: unknown;
  /** The response headers. */
  readonly headers: Headers;

  constructor(init: { status: number; statusText: string; body: unknown; headers: Headers; secrets: Iterable<string> } & DrsErrorOptions) {
    const drs = asErrorBody(init.body);
    const requestId = init.headers.get('x-request-id') ?? undefined;
    const detail = drs
      ? `${drs.error_code}: ${drs.error_msg}`
      : typeof init.body === 'string' && init.body.trim() !== ''
        ? snippet(init.body)
        : init.statusText;
    super(redact(`DRS API error: HTTP ${init.status}${detail ? ` ${detail}` : ''}${requestId ? ` (request id ${requestId})` : ''}`, init.secrets), init);
    this.status = init.status;
    this.errorCode = drs?.error_code;
    this.errorMsg = drs?.error_msg;
    this.requestId = requestId;
    this.body = init.body;
    this.headers = init.headers;
  }
}

/** The request never got an HTTP answer: connection refused or reset, DNS failure, TLS error… */
export class DrsNetworkError extends DrsError {
  override readonly name = 'DrsNetworkError';
  readonly kind = 'network' as const;

  constructor(init: { cause: unknown; secrets: Iterable<string>; attempts: number }) {
    super(redact(`DRS request failed: ${describeCause(init.cause)}`, init.secrets), init);
  }
}

/** An attempt took longer than `timeoutMs` (headers and body together). */
export class DrsTimeoutError extends DrsError {
  override readonly name = 'DrsTimeoutError';
  readonly kind = 'timeout' as const;
  readonly timeoutMs: number;

  constructor(init: { timeoutMs: number; attempts: number; cause?: unknown }) {
    super(`DRS request timed out after ${init.timeoutMs} ms (attempt ${init.attempts})`, init);
    this.timeoutMs = init.timeoutMs;
  }
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. */
export class DrsAbortError extends DrsError {
  override readonly name = 'DrsAbortError';
  readonly kind = 'abort' as const;

  constructor(init: { cause: unknown; attempts: number }) {
    super('DRS request aborted by the caller', init);
  }
}

/** A 2xx answer whose body breaks the contract: not JSON, or rejected by the response validator. */
export class DrsContractError extends DrsError {
  override readonly name = 'DrsContractError';
  readonly kind = 'contract' as const;
  readonly status: number;
  readonly violations: readonly ContractIssue[];
  readonly warnings: readonly ContractIssue[];
  readonly requestId: string | undefined;
  /** The parsed body, or the raw text when it is not JSON. */
  readonly body: unknown;

  constructor(init: {
    status: number;
    violations: readonly ContractIssue[];
    warnings?: readonly ContractIssue[];
    body: unknown;
    headers: Headers;
    secrets: Iterable<string>;
    attempts: number;
  }) {
    const first = init.violations[0];
    const more = init.violations.length > 1 ? ` (+${init.violations.length - 1} more)` : '';
    const where = first ? `${first.pointer || '(root)'} ${first.message}${more}` : 'unknown violation';
    super(redact(`DRS response breaks the contract (HTTP ${init.status}): ${where}`, init.secrets), init);
    this.status = init.status;
    this.violations = init.violations;
    this.warnings = init.warnings ?? [];
    this.requestId = init.headers.get('x-request-id') ?? undefined;
    this.body = init.body;
  }
}

export type DrsClientError = DrsApiError | DrsNetworkError | DrsTimeoutError | DrsAbortError | DrsContractError;

/** True for every error the client throws; narrow further with `error.kind`. */
export function isDrsError(error: unknown): error is DrsClientError {
  return error instanceof DrsError;
}

function asErrorBody(body: unknown): { error_code: string; error_msg: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { error_code, error_msg } = body as Record<string, unknown>;
  return typeof error_code === 'string' && typeof error_msg === 'string' ? { error_code, error_msg } : undefined;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici reports "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND…) in its own cause.
  const inner = cause.cause;
  const code = inner && typeof inner === 'object' && 'code' in inner ? String((inner as { code: unknown }).code) : undefined;
  const innerMessage = inner instanceof Error ? inner.message : undefined;
  return [cause.message, code && !innerMessage?.includes(code) ? code : undefined, innerMessage].filter(Boolean).join(': ');
}

/** Removes every token the client has sent from a message (a server or a fetch may echo it). */
export function redact(message: string, secrets: Iterable<string>): string {
  let out = message;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return out;
}
