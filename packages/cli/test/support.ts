// Runs the BUILT drs-jobs (bin/drs-jobs.js → dist/) as a child process, the way a person would.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const binPath = join(packageRoot, 'bin/drs-jobs.js');

if (!existsSync(join(packageRoot, 'dist/bin.js'))) {
  throw new Error('packages/cli/dist is missing: run `npx nx run cli:build` (the test target depends on it)');
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A token no output may ever contain. */
export const secretToken = `cli-test-token-${randomUUID()}`;

/**
 * drs-jobs with `args`; the environment holds PATH and `env` only (no DRS_* of the caller).
 * Every result is checked for the token, so each test of the suite also proves it is never printed.
 */
export function runCli(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 20_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (stdout.includes(secretToken) || stderr.includes(secretToken)) {
        reject(new Error(`drs-jobs printed the token (args: ${args.join(' ')})`));
      }
      resolve({ code, stdout, stderr });
    });
  });
}

/** A TCP server that accepts connections and never answers: every request to it times out. */
export async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
