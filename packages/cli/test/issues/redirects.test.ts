// Regression: drs-jobs followed redirects, sending the token to whatever address a 3xx named. Now a 3xx
// is reported (exit 1, where it pointed) and the other address never hears from drs-jobs.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedResponse } from '@drs-contract/sandbox';
import { exitCodes } from '../../src/exit-codes.ts';
import { runCli, secretToken } from '../support.ts';

const seen: IncomingHttpHeaders[] = [];
let first: Server;
let other: Server;
let firstUrl: string;
let otherUrl: string;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  other = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(seedResponse));
  });
  otherUrl = await listen(other);
  first = createServer((req, res) => {
    req.resume();
    // The project id says which status to answer.
    res.writeHead(Number(req.url?.split('/')[2]), { location: `${otherUrl}/v3/p/jobs` });
    res.end();
  });
  firstUrl = await listen(first);
});
afterAll(async () => {
  await Promise.all([first, other].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

it.each([
  ['301', []],
  ['307', []],
  ['308', ['--verbose']],
  ['302', ['--all']],
])('HTTP %s %j: exit 1 naming the redirect; nothing sent to the other address', async (status, more) => {
  const { code, stdout, stderr } = await runCli(
    ['list', '--db-use-type', 'migration', '--endpoint', firstUrl, '--project-id', status, ...more],
    { DRS_TOKEN: secretToken },
  );
  expect(code).toBe(exitCodes.drsError);
  expect(stdout).toBe('');
  expect(stderr).toMatch(new RegExp(`^error: ${firstUrl} answered HTTP ${status} .*redirect to ${otherUrl}/v3/p/jobs not followed`, 'm'));
  expect(seen).toHaveLength(0);
});
