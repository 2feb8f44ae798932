#!/usr/bin/env node
// drs-sandbox: the entry point. Reads flags and PORT/HOST, starts the server, prints how to call it,
// and shuts down gracefully on SIGTERM/SIGINT.
import { Command, InvalidArgumentError } from 'commander';
import { FixtureError } from './data.js';
import { seedProjectId } from './generated/seed.js';
import { seedCurl, startSandbox, type SandboxHandle } from './server.js';
import { StoreError } from './store.js';
import { TokenFileError, checkTokens, loadTokens, tokensEnv, type TokenMap } from './tokens.js';

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    }
    return n;
  };
}

interface Flags {
  db?: string;
  fixture?: string;
  generate?: number;
  tokens?: string;
  port?: number;
  host?: string;
  log: boolean;
}

const program = new Command()
  .name('drs-sandbox')
  .description('Local DRS ShowJobList server (POST /v3/{project_id}/jobs) with real filters, paging and tenants.')
  .option('--db <path>', 'keep the jobs in this SQLite file (data survives a restart); in memory by default')
  .option('--fixture <file>', 'load jobs from a JSON file (an array of JobInfo, or an object with "jobs") instead of the default data')
  .option('--generate <n>', 'add n deterministic synthetic jobs over several projects', integer('--generate', 0, 100_000_000))
  .option('--tokens <file>', `token map JSON { "<token>": ["<project_id>", ...] } (or set ${tokensEnv}); default: a development token`)
  .option('--port <port>', 'port to listen on (env PORT, default 4010)', integer('--port', 0, 65535))
  .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
  .option('--no-log', 'do not write a JSON log line per request')
  .showHelpAfterError();

function tokensFrom(flags: Flags): TokenMap | undefined {
  if (flags.tokens) return loadTokens(flags.tokens);
  const env = process.env[tokensEnv];
  if (env === undefined || env.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(env);
  } catch {
    throw new TokenFileError(`${tokensEnv}: is not valid JSON`);
  }
  return checkTokens(parsed, tokensEnv);
}

async function main(): Promise<void> {
  program.parse();
  const flags = program.opts<Flags>();
  let port = flags.port ?? 0;
  try {
    port = flags.port ?? integer('PORT', 0, 65535)(process.env.PORT ?? '4010');
  } catch (error) {
    process.stderr.write(`drs-sandbox: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const host = flags.host ?? process.env.HOST ?? '127.0.0.1';
  let sandbox: SandboxHandle;
  try {
    const tokens = tokensFrom(flags);
    sandbox = await startSandbox({
      port,
      host,
      logger: flags.log,
      ...(tokens ? { tokens } : {}),
      ...(flags.db ? { db: flags.db } : {}),
      ...(flags.fixture ? { fixture: flags.fixture } : {}),
      ...(flags.generate ? { generate: flags.generate } : {}),
    });
  } catch (error) {
    // User errors: one clear line, exit code 2. Anything else is a crash and keeps its stack.
    if (error instanceof FixtureError || error instanceof TokenFileError || error instanceof StoreError) {
      process.stderr.write(`drs-sandbox: ${error instanceof StoreError ? '--db ' : ''}${error.message}\n`);
      process.exit(2);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      process.stderr.write(`drs-sandbox: cannot listen on ${host}:${port} (${code}); set PORT or HOST\n`);
      process.exit(2);
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EINVAL') {
      process.stderr.write(`drs-sandbox: --host ${host}: not an address of this machine (${code})\n`);
      process.exit(2);
    }
    throw error;
  }

  const projects = sandbox.store.projects();
  const lines = [
    `DRS sandbox listening on ${sandbox.url}`,
    `  operation   POST ${sandbox.url}/v3/{project_id}/jobs`,
    `  data        ${projects.reduce((n, p) => n + p.jobs, 0)} jobs in ${projects.length} project(s)${flags.db ? `, stored in ${flags.db}` : ', in memory'}`,
  ];
  if (sandbox.devToken) {
    lines.push(`  dev token   ${sandbox.devToken}  (holds ${sandbox.tokens[sandbox.devToken]?.length ?? 0} project(s), the seed's ${seedProjectId} among them)`);
    lines.push('', "Try the reference page's example request:", '', seedCurl(sandbox.url, sandbox.devToken), '');
  } else {
    lines.push(`  tokens      ${Object.keys(sandbox.tokens).length} from ${flags.tokens ?? tokensEnv}`);
    lines.push('', "Try the reference page's example request:", '', seedCurl(sandbox.url, '<your token>'), '');
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (flags.log) process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'shutting down', signal })}\n`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`drs-sandbox: shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

await main();
