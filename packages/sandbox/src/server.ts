// Programmatic start: open the store with its data, build the app and listen.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { seedRequest } from './generated/seed.js';
import { checkJobs, defaultJobs, generateJobs, loadFixture, seedProjectId, toStored, type SandboxJob } from './data.js';
import { JobStore } from './store.js';
import { devToken, type TokenMap } from './tokens.js';

export interface DataOptions {
  /** The jobs to serve, replacing the default data (checked against JobInfo). */
  jobs?: readonly SandboxJob[];
  /** A JSON file of jobs to load, replacing the default data (checked against JobInfo). */
  fixture?: string;
  /** Adds this many deterministic synthetic jobs over several projects. */
  generate?: number;
  /**
   * SQLite file to keep the jobs in (created when missing). Data already in it survives a restart:
   * the default data is loaded only into an empty store. In memory when absent.
   */
  db?: string;
}

export interface SandboxOptions extends DataOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  /** token → projects it may read. Default: the development token holding every project with jobs. */
  tokens?: TokenMap;
  /** JSON log lines, one per request: `true` for stdout, or a stream. Off by default. */
  logger?: boolean | NodeJS.WritableStream;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** A request not fully received after this many ms is answered 408 (default 30 s). */
  requestTimeout?: number;
  /** `close()` waits this many ms for requests in flight, then drops their connections (default 10 s). */
  shutdownTimeout?: number;
}

export const defaultShutdownTimeout = 10_000;

export interface SandboxHandle {
  /** Base URL, e.g. `http://127.0.0.1:41234` (the operation is `${url}/v3/{project_id}/jobs`). */
  url: string;
  port: number;
  host: string;
  /** The token map in force. */
  tokens: TokenMap;
  /** The development token when the default token map is in force. */
  devToken: string | undefined;
  store: JobStore;
  app: FastifyInstance;
  /** Stops listening, lets requests in flight finish (up to `shutdownTimeout`) and closes the store. */
  close(): Promise<void>;
}

/** Opens the store and loads the data the options ask for. */
export function openStore(options: DataOptions = {}): JobStore {
  const store = new JobStore(options.db ?? ':memory:');
  try {
    if (options.jobs) store.insert(checkJobs(options.jobs, 'jobs').map((j) => toStored(j)));
    else if (options.fixture) store.insert(loadFixture(options.fixture).map((j) => toStored(j)));
    else if (store.size() === 0) store.insert(defaultJobs().map((j) => toStored(j)));
    if (options.generate && options.generate > 0) {
      const generated = generateJobs(options.generate);
      store.insert(
        {
          *[Symbol.iterator]() {
            for (const job of generated) yield toStored(job);
          },
        },
        { bulk: options.generate >= 10_000 },
      );
    }
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

/** The default token map: the development token, holding the seed's project and every project with jobs. */
export function defaultTokens(store: JobStore): TokenMap {
  return { [devToken]: [...new Set([seedProjectId, ...store.projects().map((p) => p.projectId)])] };
}

/** Starts a sandbox server; `close()` it when done. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const store = openStore(options);
  const tokens = options.tokens ?? defaultTokens(store);
  const app = buildApp({
    store,
    tokens,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    ...(options.requestTimeout === undefined ? {} : { requestTimeout: options.requestTimeout }),
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    tokens,
    devToken: options.tokens ? undefined : devToken,
    store,
    app,
    close: () => (closing ??= closeWithin(app, options.shutdownTimeout ?? defaultShutdownTimeout)),
  };
}

/** Closes the app; connections still open after `ms` (a body that never ends) are dropped. */
async function closeWithin(app: FastifyInstance, ms: number): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), ms);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A command a person can paste: the seed's example request against `url` with `token`. */
export function seedCurl(url: string, token: string): string {
  return [
    `curl -sS -X POST ${shellQuote(`${url}/v3/${seedProjectId}/jobs`)}`,
    `-H 'Content-Type: application/json'`,
    `-H ${shellQuote(`X-Auth-Token: ${token}`)}`,
    `-d ${shellQuote(JSON.stringify(seedRequest))}`,
  ].join(' \\\n  ');
}
