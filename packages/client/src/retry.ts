// Retry policy of listJobs(). ShowJobList is a read, so repeating it is safe.

export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 disables retries). */
  attempts?: number;
  /** Backoff before the first retry; doubles on each further retry (default 250 ms). */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay (default 8000 ms). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown at once (default 60000 ms). */
  maxRetryAfterMs?: number;
  /** HTTP statuses that are retried (default 429, 502, 503, 504). Network errors and timeouts always are. */
  statuses?: readonly number[];
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  statuses: ReadonlySet<number>;
}

export const defaultRetry = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
  statuses: [429, 502, 503, 504],
} as const;

export function retryPolicy(option: RetryOptions | false | undefined): RetryPolicy {
  const o = option === false ? { attempts: 1 } : (option ?? {});
  const policy: RetryPolicy = {
    attempts: o.attempts ?? defaultRetry.attempts,
    baseDelayMs: o.baseDelayMs ?? defaultRetry.baseDelayMs,
    maxDelayMs: o.maxDelayMs ?? defaultRetry.maxDelayMs,
    maxRetryAfterMs: o.maxRetryAfterMs ?? defaultRetry.maxRetryAfterMs,
    statuses: new Set(o.statuses ?? defaultRetry.statuses),
  };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) throw new RangeError('retry.attempts must be an integer ≥ 1');
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    if (!(policy[key] >= 0)) throw new RangeError(`retry.${key} must be a number ≥ 0`);
  }
  return policy;
}

/** Exponential backoff with full jitter: a random delay in [0, min(max, base·2^(retry-1))]. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(Math.random() * ceiling);
}

/** `Retry-After` as milliseconds from now: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only an HTTP date (it names the day): Date.parse also reads "1.5" or "-5" as dates long past.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
