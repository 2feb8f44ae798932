// Regression: a Retry-After beyond 2^31-1 ms, with maxRetryAfterMs: Infinity, went to setTimeout, which
// fires at once above that (TimeoutOverflowWarning): the client hammered the server instead of waiting.
// Such a wait now ends the call with the error at once, as one above maxRetryAfterMs does.
import { afterEach, expect, it } from 'vitest';
import { DrsApiError, createDrsClient, parseRetryAfter } from '@drs-contract/client';
import { type TestServer, startServer } from '../support/server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it.each(['3000000', '999999999999999999999', 'Wed, 21 Oct 2099 07:28:00 GMT'])(
  'Retry-After %s with maxRetryAfterMs: Infinity: the 503 is thrown after one attempt, no timer overflow',
  async (retryAfter) => {
    server = await startServer((_req, res) => {
      res.writeHead(503, { 'retry-after': retryAfter });
      res.end('busy');
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const client = createDrsClient({ endpoint: server.url, projectId: 'p', token: 'token-123456', retry: { attempts: 5, maxRetryAfterMs: Infinity } });
      const started = performance.now();
      const error = await client.listJobs({ cur_page: 1, per_page: 1, db_use_type: 'migration' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DrsApiError);
      expect(error).toMatchObject({ status: 503, attempts: 1 });
      expect(server.received).toHaveLength(1);
      expect(performance.now() - started).toBeLessThan(2000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  },
);

it('a Retry-After that is neither whole seconds nor an HTTP date is ignored (backoff applies)', () => {
  expect(parseRetryAfter('1.5')).toBeUndefined();
  expect(parseRetryAfter('-5')).toBeUndefined();
  expect(parseRetryAfter('2')).toBe(2000);
  expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 0)).toBe(10_000);
});
