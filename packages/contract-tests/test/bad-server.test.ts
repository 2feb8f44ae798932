// The suite must fail, naming the field, when a server answers the seed request with a wrong type.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const specRoot = dirname(require.resolve('@drs-contract/spec/package.json'));
const seedResponse = (JSON.parse(readFileSync(join(specRoot, 'examples/response-200-seed.json'), 'utf8')) as { value: { total_record: number } }).value;
const vitestBin = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const projectRoot = join(import.meta.dirname, '..');

/** A server that answers every POST with `body` and everything else with 404. */
async function serve(body: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(req.method === 'POST' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

function runSuite(env: Record<string, string>, files: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitestBin, 'run', '--config', 'vitest.config.ts', ...files], {
      cwd: projectRoot,
      env: { ...process.env, CONTRACT_TARGET: '', CONTRACT_PROXY: '', ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const servers: Server[] = [];
let bad = '';
let good = '';
beforeAll(async () => {
  const b = await serve({ ...seedResponse, total_record: String(seedResponse.total_record) });
  const g = await serve(seedResponse);
  servers.push(b.server, g.server);
  bad = b.url;
  good = g.url;
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
});

describe('the suite pointed at a server with CONTRACT_BASE_URL', () => {
  it('passes the examples group against a server that answers the seed response', async () => {
    const run = await runSuite({ CONTRACT_BASE_URL: good, CONTRACT_TOKEN: 'contract-meta-token' }, ['suite/examples.contract.test.ts']);
    expect(run.output).toMatch(/target: server http:\/\/127\.0\.0\.1/);
    expect(run.code, run.output).toBe(0);
  });

  it('fails naming /total_record when the server sends total_record as a string', async () => {
    const run = await runSuite({ CONTRACT_BASE_URL: bad, CONTRACT_TOKEN: 'contract-meta-token' }, ['suite/examples.contract.test.ts']);
    expect(run.code).not.toBe(0);
    // the client itself refuses the body (DrsContractError), or the strict validator does: either names the field
    expect(run.output).toMatch(/\/total_record:? .*integer/);
    expect(run.output).toMatch(/violations: [1-9]\d* failing case/);
  });

  it('with CONTRACT_PROXY=1, also fails on the sl-violations Prism reports for that response', async () => {
    const run = await runSuite({ CONTRACT_BASE_URL: bad, CONTRACT_TOKEN: 'contract-meta-token', CONTRACT_PROXY: '1' }, ['suite/examples.contract.test.ts']);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/behind prism proxy/);
    expect(run.output).toMatch(/[1-9]\d* prism sl-violations/);
    expect(run.output).toMatch(/sl-violations\): response/);
    expect(run.output).toMatch(/total_record/);
  });
});
