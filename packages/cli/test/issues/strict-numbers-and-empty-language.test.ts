// Regression: --page 0x10 was read as 16 and 1e2 as 100 (Number()), and DRS_LANGUAGE= (set but empty,
// as scripts often leave it) was refused instead of meaning "unset".
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enums } from '@drs-contract/validator';
import { exitCodes } from '../../src/exit-codes.ts';
import { runCli, secretToken } from '../support.ts';

const received: { headers: IncomingHttpHeaders; body: unknown }[] = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (d: string) => (text += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(text) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"total_record":0,"jobs":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const list = () => ['list', '--db-use-type', 'migration', '--endpoint', endpoint, '--project-id', 'p'];

it.each([
  ['--page', '0x10'],
  ['--page', '1e2'],
  ['--per-page', '0b1'],
  ['--per-page', ' 7'],
  ['--page', '2.0'],
  ['--timeout', '1e3'],
  ['--retries', '0x1'],
])('%s %j: exit 2, not read as another number', async (flag, value) => {
  const before = received.length;
  const { code, stderr } = await runCli([...list(), flag, value], { DRS_TOKEN: secretToken });
  expect(code).toBe(exitCodes.usage);
  expect(stderr).toMatch(/Expected an integer from/);
  expect(received).toHaveLength(before);
});

it('plain decimals (a leading zero or sign included) are still read', async () => {
  const { code } = await runCli([...list(), '--page', '010', '--per-page', '+5'], { DRS_TOKEN: secretToken });
  expect(code).toBe(exitCodes.ok);
  expect(received.at(-1)?.body).toMatchObject({ cur_page: 10, per_page: 5 });
});

it('DRS_LANGUAGE set but empty means unset: no X-Language, exit 0', async () => {
  const { code, stderr } = await runCli(list(), { DRS_TOKEN: secretToken, DRS_LANGUAGE: '' });
  expect([code, stderr]).toEqual([exitCodes.ok, '']);
  expect(received.at(-1)?.headers['x-language']).toBeUndefined();
});

it('DRS_LANGUAGE with a value is still checked and sent', async () => {
  const bad = await runCli(list(), { DRS_TOKEN: secretToken, DRS_LANGUAGE: 'fr' });
  expect(bad.code).toBe(exitCodes.usage);
  expect(bad.stderr).toContain(`Allowed choices are ${enums.Language.join(', ')}.`);
  const good = await runCli(list(), { DRS_TOKEN: secretToken, DRS_LANGUAGE: enums.Language.at(-1)! });
  expect(good.code).toBe(exitCodes.ok);
  expect(received.at(-1)?.headers['x-language']).toBe(enums.Language.at(-1));
});
