// Regression: drs-jobs reported a token with CR/LF or non-Latin-1 characters as "cannot reach" (exit 3,
// after retries), sent a project ID of ".." to another path, and let an endpoint's ?query swallow the
// operation's path. Each is now a usage error (exit 2) before any request, without quoting the token.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exitCodes } from '../../src/exit-codes.ts';
import { runCli, secretToken } from '../support.ts';

let requests = 0;
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"total_record":0,"jobs":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const list = ['list', '--db-use-type', 'migration'];

it.each([
  ['CR/LF from DRS_TOKEN', 'secret-token\r\nX-Evil: 1', 'env'],
  ['a trailing newline from DRS_TOKEN', 'secret-token-from-a-file\n', 'env'],
  ['non-Latin-1 from --token', 'secret-tök€n-value', 'flag'],
])('a token with %s: exit 2 naming --token, no request, the token not printed', async (_label, token, from) => {
  const before = requests;
  const { code, stdout, stderr } = await runCli(
    [...list, '--endpoint', endpoint, '--project-id', 'p', ...(from === 'flag' ? ['--token', token] : [])],
    from === 'env' ? { DRS_TOKEN: token } : {},
  );
  expect(code).toBe(exitCodes.usage);
  expect(stdout).toBe('');
  expect(stderr).toMatch(/^error: --token \(DRS_TOKEN\): must be printable ASCII without control characters/);
  expect(stderr).not.toContain(token.trim().slice(0, 12));
  expect(requests).toBe(before);
});

it.each(['.', '..'])('--project-id %j: exit 2 before any request', async (projectId) => {
  const before = requests;
  const { code, stderr } = await runCli([...list, '--endpoint', endpoint, '--project-id', projectId], { DRS_TOKEN: secretToken });
  expect(code).toBe(exitCodes.usage);
  expect(stderr).toBe('error: --project-id (DRS_PROJECT_ID): must not be "." or ".."\n');
  expect(requests).toBe(before);
});

it.each(['/?x=1', '/drs#frag'])('--endpoint with %s: exit 2 before any request', async (suffix) => {
  const before = requests;
  const { code, stderr } = await runCli([...list, '--endpoint', `${endpoint}${suffix}`, '--project-id', 'p'], { DRS_TOKEN: secretToken });
  expect(code).toBe(exitCodes.usage);
  expect(stderr).toMatch(/--endpoint/);
  expect(stderr).toMatch(/query \(\?…\) or a fragment \(#…\)/);
  expect(requests).toBe(before);
});

it('a good token still works', async () => {
  const { code } = await runCli([...list, '--endpoint', endpoint, '--project-id', 'p'], { DRS_TOKEN: secretToken });
  expect(code).toBe(exitCodes.ok);
});
