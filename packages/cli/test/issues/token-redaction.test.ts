// Regression: drs-jobs removed only whole tokens from what it printed, after texts had been cut (a table
// cell, a validator's quote of a value, the client's snippet of an error page), so the start of a token
// a server echoed could still be shown.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedResponse } from '@drs-contract/sandbox';
import { exitCodes } from '../../src/exit-codes.ts';
import { runCli, secretToken } from '../support.ts';

/** What a cut leaves of the token (its first 20 characters reach into the random part). */
const tokenStart = secretToken.slice(0, 20);
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const echoed = String(req.headers['x-auth-token']);
      const mode = req.url?.split('/')[2];
      if (mode === 'page') {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end(`<html>${'x'.repeat(170)} token=${echoed}</html>`);
        return;
      }
      // The token in a name (cut by the table) and in a status (quoted, cut, by the validator).
      const job = { ...seedResponse.jobs[0]!, name: `n-${echoed}`, status: `${'P'.repeat(45)}${echoed}` };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ total_record: 1, jobs: [job] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const list = (project: string, ...more: string[]) => ['list', '--db-use-type', 'migration', '--endpoint', endpoint, '--project-id', project, ...more];

it('a table cell cut to the terminal width keeps no part of the token', async () => {
  const { code, stdout } = await runCli(list('echo', '-o', 'table'), { COLUMNS: '150', DRS_TOKEN: secretToken });
  expect(code).toBe(exitCodes.ok);
  expect(stdout).toContain('[redacted]');
  expect(stdout).not.toContain(tokenStart);
});

it("--verbose: the validator's notes quote the echoed value, cut, without the token", async () => {
  const { code, stdout, stderr } = await runCli(list('echo', '--verbose'), { DRS_TOKEN: secretToken });
  expect(code).toBe(exitCodes.ok);
  expect(stderr).toMatch(/^! .*status/m);
  expect(stderr).toContain('[redacted]');
  expect(stderr + stdout).not.toContain(tokenStart);
});

it('an error page echoing the token across the 200-character cut', async () => {
  const { code, stderr } = await runCli(list('page', '--retries', '0'), { DRS_TOKEN: secretToken });
  expect(code).toBe(exitCodes.drsError);
  expect(stderr).toMatch(/^error: .* answered HTTP 500 /);
  expect(stderr).not.toContain(tokenStart);
});
