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

  /** True for a redirect (3xx, or a browser's opaque redirect) the client did not follow; `location` says where to. */
  readonly redirected: boolean;
  /** The `Location` header of a redirect not followed, when readable. */
  readonly location: string | undefined;

  constructor(
    init: { status: number; statusText: string; body: unknown; headers: Headers; redirected?: boolean; secrets: Iterable<string> } & DrsErrorOptions,
  ) {
    const drs = asErrorBody(init.body);
    const requestId = init.headers.get('x-request-id') ?? undefined;
    const redirected = init.redirected === true;
    const location = redirected ? (init.headers.get('location') ?? undefined) : undefined;
    const secrets = [...init.secrets];
    // Redacted before anything is cut, so no part of a token survives a cut.
    const detail = redirected
      ? `${init.statusText ? `${init.statusText}: ` : ''}redirect${location ? ` to ${clip(redact(location, secrets))}` : ''} not followed (the token is not sent to another address)`
      : drs
        ? `${drs.error_code}: ${redact(drs.error_msg, secrets)}`
        : typeof init.body === 'string' && init.body.trim() !== ''
          ? clip(redact(init.body.replace(/\s+/g, ' ').trim(), secrets))
          : init.statusText;
    super(redact(`DRS API error: HTTP ${init.status}${detail ? ` ${detail}` : ''}${requestId ? ` (request id ${requestId})` : ''}`, secrets), init);
    this.status = init.status;
    this.errorCode = drs?.error_code;
    this.errorMsg = drs ? redact(drs.error_msg, secrets) : undefined;
    this.requestId = requestId;
    this.body = init.body;
    this.headers = init.headers;
    this.redirected = redirected;
    this.location = location;
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

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici reports "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND…) in its own cause.
  const inner = cause.cause;
  const code = inner && typeof inner === 'object' && 'code' in inner ? String((inner as { code: unknown }).code) : undefined;
  const innerMessage = inner instanceof Error ? inner.message : undefined;
  return [cause.message, code && !innerMessage?.includes(code) ? code : undefined, innerMessage].filter(Boolean).join(': ');
}

const marker = '[redacted]';
/** Tokens shorter than this are removed only as whole words: `t` must not eat the t's of "request". */
const minInWordLength = 8;
/** The shortest start of a token that is removed where a cut ends (`…`, `...`, or the end of the text). */
const minCutLength = 4;

/**
 * Removes every token the client has sent from a message (a server or a fetch may echo it): each whole
 * occurrence, and the start of a token left where someone cut a longer text (a validator's message,
 * a table cell), so no part of a token survives a cut made before redaction.
 */
export function redact(message: string, secrets: Iterable<string>): string {
  let out = message;
  for (const secret of secrets) {
    if (!secret) continue;
    if (secret.length < minInWordLength) {
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(secret)}(?![\\p{L}\\p{N}])`, 'gu'), () => marker);
      continue;
    }
    out = redactCutStarts(out.split(secret).join(marker), secret);
  }
  return out;
}

function redactCutStarts(text: string, secret: string): string {
  let out = '';
  let from = 0;
  for (const cut of text.matchAll(/…|\.\.\.|$/g)) {
    const end = cut.index;
    // The longest start of the secret that ends at the cut (the whole secret is already gone).
    let start = Math.max(from, end - (secret.length - 1));
    while (start <= end - minCutLength && !startsAt(text, start, end, secret)) start++;
    if (start > end - minCutLength) continue;
    out += text.slice(from, start) + marker;
    from = end;
  }
  return out + text.slice(from);
}

/** text[start, end) equals the first end - start characters of secret. */
function startsAt(text: string, start: number, end: number, secret: string): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== secret.charCodeAt(i - start)) return false;
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
