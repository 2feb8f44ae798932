// Regression: drs-jobs copied a server's error_msg (or the snippet of a non-JSON error page) to stderr
// as is, escape sequences included, so a server could retitle or recolour the user's terminal. Control
// characters now become spaces, as in the table.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exitCodes } from '../../src/exit-codes.ts';
import { runCli, secretToken } from '../support.ts';

const evil = 'bad \u001b]0;PWNED\u0007\u001b[31mRED\u001b[0m \u009b2J\r done';
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.split('/')[2] === 'page') {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end(`<html>${evil}</html>`);
        return;
      }
      res.writeHead(403, { 'content-type': 'application/json', 'x-request-id': 'rid-1' });
      res.end(JSON.stringify({ error_code: 'DRS.M00100', error_msg: evil }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

it.each([
  ['a DRS error body', 'body', []],
  ['a non-JSON error page', 'page', []],
  ['a DRS error body, --verbose', 'body', ['--verbose']],
])('%s: the message is shown without its control characters', async (_label, project, more) => {
  const { code, stderr } = await runCli(
    ['list', '--db-use-type', 'migration', '--endpoint', endpoint, '--project-id', project, '--retries', '0', ...more],
    { DRS_TOKEN: secretToken },
  );
  expect(code).toBe(exitCodes.drsError);
  const last = stderr.trimEnd().split('\n').at(-1)!;
  expect(last).toMatch(/^error: .*bad +\]0;PWNED +\[31mRED +\[0m +2J +done/);
  expect(stderr).not.toMatch(control);
});
