// Starts and stops a Prism process for the bundled spec: `npm run mock`, the contract suite and the
// SDK smoke tests all go through here. Prism is started as `node <prism-cli>/dist/index.js` so that
// the PID we hold is Prism's own (killing an `npx` parent would leave Prism running).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundledSpec = join(workspaceRoot, 'openapi/dist/openapi.json');
const prismBin = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');

/** A free loopback port, as the OS hands it out. */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `prism mock` (or `prism proxy <upstream>`) and resolves once it answers HTTP.
 * @param {import('./prism.d.mts').PrismOptions} [options]
 * @returns {Promise<import('./prism.d.mts').PrismHandle>}
 */
export async function startPrism(options = {}) {
  const { spec = bundledSpec, host = '127.0.0.1', upstream, errors = false, verbose = 'error', timeoutMs = 30_000 } = options;
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port ?? (await freePort(host));
    const args = upstream
      ? [prismBin, 'proxy', spec, upstream, '-p', String(port), '-h', host, '-v', verbose]
      : [prismBin, 'mock', spec, '-p', String(port), '-h', host, '-v', verbose];
    if (errors) args.push('--errors');
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output = (output + d).slice(-4000)));
    child.stderr.on('data', (d) => (output = (output + d).slice(-4000)));
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const url = `http://${host}:${port}`;
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
    };
    // Stop Prism if this process goes away first (test interrupted, Ctrl-C on `npm run mock`).
    const onExit = () => child.kill('SIGKILL');
    process.once('exit', onExit);
    try {
      await waitUntilAnswering(url, exited, timeoutMs);
      return {
        url,
        port,
        pid: child.pid,
        output: () => output,
        close: async () => {
          process.removeListener('exit', onExit);
          await stop();
        },
      };
    } catch (error) {
      process.removeListener('exit', onExit);
      await stop();
      lastError = new Error(`Prism did not start on ${url}: ${error.message}\n${output}`);
      if (options.port !== undefined || !/EADDRINUSE/.test(output)) break;
    }
  }
  throw lastError;
}

async function waitUntilAnswering(url, exited, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error('the process exited');
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}
