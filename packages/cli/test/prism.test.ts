// drs-jobs against Prism: the mock of the bundled spec, and the proxy that checks every request and
// answer against the spec on its way to the sandbox.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProjectId, startSandbox, type SandboxHandle } from '@drs-contract/sandbox';
import type { ShowJobListResponse } from '@drs-contract/validator';
import { bundledSpec, startPrism, type PrismHandle } from '../../../tools/prism.mjs';
import { exitCodes } from '../src/exit-codes.ts';
import { runCli, secretToken } from './support.ts';

const spec = JSON.parse(readFileSync(bundledSpec, 'utf8'));
/** The answer Prism's mock gives: the spec's seed example of the 200 response. */
const example: ShowJobListResponse = spec.components.examples['response-200-seed'].value;
const seedFlags = ['list', '--db-use-type', 'migration', '--engine', '', '--per-page', '5'];

describe('against the Prism mock', () => {
  let prism: PrismHandle;
  let connection: string[];
  beforeAll(async () => {
    prism = await startPrism();
    connection = ['--endpoint', prism.url, '--project-id', seedProjectId, '--token', secretToken];
  });
  afterAll(() => prism?.close());

  it('json is the example answer', async () => {
    const { code, stdout, stderr } = await runCli([...seedFlags, ...connection]);
    expect({ code, stderr }).toEqual({ code: exitCodes.ok, stderr: '' });
    expect(JSON.parse(stdout)).toEqual(example);
  });

  it('table lists its jobs with the footer', async () => {
    const { code, stdout } = await runCli([...seedFlags, ...connection, '-o', 'table']);
    expect(code).toBe(exitCodes.ok);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(example.jobs.length + 2);
    example.jobs.forEach((job, i) => expect(lines[i + 1]!.startsWith(`${job.id}  `)).toBe(true));
    expect(lines.at(-1)).toMatch(new RegExp(`^showing ${example.jobs.length} of ${example.total_record}\\b`));
  });

  it('ndjson prints its jobs one per line', async () => {
    const { code, stdout } = await runCli([...seedFlags, ...connection, '-o', 'ndjson']);
    expect(code).toBe(exitCodes.ok);
    expect(stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(example.jobs);
  });
});

describe('through the Prism proxy (requests and answers checked against the spec) to the sandbox', () => {
  let sandbox: SandboxHandle;
  let prism: PrismHandle;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, tokens: { [secretToken]: [seedProjectId] } });
    prism = await startPrism({ upstream: sandbox.url, errors: true });
  });
  afterAll(async () => {
    await prism?.close();
    await sandbox?.close();
  });

  it('a request with every filter conforms, and the answer too', async () => {
    const args = [
      'list', '--db-use-type', 'migration', '--engine', 'mysql', '--net', 'eip', '--status', 'CONFIGURATION', '--name', 'DRS',
      '--enterprise-project-id', '0', '--service-name', 'drs', '--tag', 'team=payments', '--page', '1', '--per-page', '5',
    ];
    const direct = await runCli([...args, '--endpoint', sandbox.url, '--project-id', seedProjectId, '--token', secretToken]);
    const proxied = await runCli([...args, '--endpoint', prism.url, '--project-id', seedProjectId, '--token', secretToken]);
    expect(proxied.stderr).toBe('');
    expect(proxied.code).toBe(exitCodes.ok);
    expect(JSON.parse(proxied.stdout)).toEqual(JSON.parse(direct.stdout));
  });

  it('--all walks the pages through the proxy', async () => {
    const args = ['list', '--db-use-type', 'migration', '--engine', '', '--all', '-o', 'ndjson', '--project-id', seedProjectId];
    const direct = await runCli([...args, '--endpoint', sandbox.url], { DRS_TOKEN: secretToken });
    const proxied = await runCli([...args, '--endpoint', prism.url], { DRS_TOKEN: secretToken });
    expect(proxied.code).toBe(exitCodes.ok);
    const ids = proxied.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).id);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(proxied.stdout).toBe(direct.stdout);
  });

  it('a DRS error passes through: exit 1', async () => {
    const { code, stderr } = await runCli([...seedFlags, '--endpoint', prism.url, '--project-id', seedProjectId, '--token', `${secretToken}-x`]);
    expect(code).toBe(exitCodes.drsError);
    expect(stderr).toMatch(/^error: DRS\.M00100: .* \(HTTP 403/);
  });
});
