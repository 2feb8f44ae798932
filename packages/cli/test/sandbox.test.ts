// drs-jobs against the sandbox (real HTTP, real store), started in-process on port 0.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { generateJobs, seedProjectId, seedResponse, startSandbox, type SandboxHandle } from '@drs-contract/sandbox';
import { enums, errorRegistry, requestLimits } from '@drs-contract/validator';
import { freePort } from '../../../tools/prism.mjs';
import { exitCodes } from '../src/exit-codes.ts';
import { packageRoot, runCli, secretToken, silentServer } from './support.ts';

let sandbox: SandboxHandle;
let connection: string[];
/** The reference page's example request: migration tasks of any engine, five per page. */
const seedFlags = ['list', '--db-use-type', 'migration', '--engine', '', '--per-page', '5'];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, tokens: { [secretToken]: [seedProjectId] } });
  connection = ['--endpoint', sandbox.url, '--project-id', seedProjectId, '--token', secretToken];
});
afterAll(() => sandbox?.close());

describe('output formats', () => {
  it('json (the default off a terminal) is the raw 200 body', async () => {
    const { code, stdout, stderr } = await runCli([...seedFlags, ...connection]);
    expect(stderr).toBe('');
    expect(code).toBe(exitCodes.ok);
    expect(JSON.parse(stdout)).toEqual(seedResponse);
  });

  it('table: the eight columns, one row per job and the footer', async () => {
    const { code, stdout, stderr } = await runCli([...seedFlags, ...connection, '--output', 'table']);
    expect([code, stderr]).toEqual([exitCodes.ok, '']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['ID', 'NAME', 'STATUS', 'ENGINE', 'NET', 'DIRECTION', 'TASK TYPE', 'CREATED']);
    expect(lines).toHaveLength(seedResponse.jobs.length + 2);
    seedResponse.jobs.forEach((job, i) => {
      expect(lines[i + 1]!.split(/\s{2,}/)).toEqual([
        job.id, job.name, job.status, job.engine_type, job.net_type, job.job_direction, job.task_type, job.create_time,
      ]);
    });
    expect(lines.at(-1)).toBe(`showing 5 of ${seedResponse.total_record} (page 1; --page 2 or --all for more)`);
    expect(stdout).not.toContain('\u001b['); // no colours off a terminal
  });

  it('table: long values are cut to the width in COLUMNS', async () => {
    const { code, stdout } = await runCli([...seedFlags, ...connection, '-o', 'table'], { COLUMNS: '80' });
    expect(code).toBe(exitCodes.ok);
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(stdout).toContain('…');
    // The date part of the creation time stays readable.
    expect(lines[1]).toContain(seedResponse.jobs[0]!.create_time.slice(0, 10));
  });

  it('ndjson: one job per line, in the answer order', async () => {
    const { code, stdout } = await runCli([...seedFlags, ...connection, '-o', 'ndjson']);
    expect(code).toBe(exitCodes.ok);
    const jobs = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(jobs).toEqual(seedResponse.jobs);
  });

  it('the connection comes from DRS_ENDPOINT, DRS_PROJECT_ID, DRS_TOKEN and DRS_LANGUAGE', async () => {
    const { code, stdout } = await runCli(seedFlags, {
      DRS_ENDPOINT: sandbox.url,
      DRS_PROJECT_ID: seedProjectId,
      DRS_TOKEN: secretToken,
      DRS_LANGUAGE: 'zh-cn',
    });
    expect(code).toBe(exitCodes.ok);
    expect(JSON.parse(stdout)).toEqual(seedResponse);
  });
});

describe('filters', () => {
  it('each flag becomes its request field (--verbose shows the body sent, never the token)', async () => {
    const { code, stderr } = await runCli([
      'list', '--db-use-type', 'sync', '--engine', 'postgresql', '--net', 'vpc', '--status', 'CONFIGURATION',
      '--name', 'orders', '--enterprise-project-id', '0', '--service-name', 'svc', '--tag', 'team=payments',
      '--tag', 'env=', '--page', '2', '--per-page', '3', '--verbose', ...connection,
    ]);
    expect(code).toBe(exitCodes.ok);
    expect(stderr).toMatch(new RegExp(`^> POST ${sandbox.url}/v3/${seedProjectId}/jobs$`, 'm'));
    expect(stderr).toMatch(/^ {2}x-auth-token: \[redacted\]$/m);
    expect(stderr).toMatch(/^< HTTP 200 /m);
    const sent = JSON.parse(stderr.split('\n').find((line) => line.startsWith('  {'))!);
    expect(sent).toEqual({
      db_use_type: 'sync', engine_type: 'postgresql', net_type: 'vpc', status: 'CONFIGURATION', name: 'orders',
      enterprise_project_id: '0', service_name: 'svc', tags: [{ key: 'team', value: 'payments' }, { key: 'env', value: '' }],
      cur_page: 2, per_page: 3,
    });
  });

  it('the service applies them: --status narrows the seed to its CONFIGURATION tasks', async () => {
    const { code, stdout } = await runCli([...seedFlags, '--status', 'CONFIGURATION', ...connection]);
    expect(code).toBe(exitCodes.ok);
    const expected = seedResponse.jobs.filter((job) => job.status === 'CONFIGURATION');
    expect(expected.length).toBeGreaterThan(0);
    expect(JSON.parse(stdout).jobs).toEqual(expected);
  });

  it('without --engine the service default applies (mysql, D7)', async () => {
    const { stdout } = await runCli(['list', '--db-use-type', 'migration', '--per-page', '100', ...connection]);
    const jobs: { engine_type: string }[] = JSON.parse(stdout).jobs;
    expect(jobs.length).toBeGreaterThan(0);
    expect(new Set(jobs.map((job) => job.engine_type))).toEqual(new Set([requestLimits.engineTypeDefault]));
  });
});

describe('--all', () => {
  const count = 250;
  const projectId = 'c0ffee00c0ffee00c0ffee00c0ffee00';
  let many: SandboxHandle;
  let ids: string[];
  let flags: string[];

  beforeAll(async () => {
    // Every engine, network and status appear; --engine "" lists them all.
    const jobs = [...generateJobs(count, { projectIds: [projectId] })].map((job) => ({ ...job, db_use_type: 'migration' as const }));
    ids = jobs.map((job) => job.id);
    many = await startSandbox({ port: 0, jobs, tokens: { [secretToken]: [projectId] } });
    flags = ['list', '--db-use-type', 'migration', '--engine', '', '--all', '--endpoint', many.url, '--project-id', projectId];
  });
  afterAll(() => many?.close());

  it(`ndjson walks every page and returns each of ${count} jobs once`, async () => {
    const { code, stdout, stderr } = await runCli([...flags, '-o', 'ndjson'], { DRS_TOKEN: secretToken });
    expect(code).toBe(exitCodes.ok);
    expect(stderr).toBe(''); // no progress line when stderr is not a terminal
    const got = stdout.trimEnd().split('\n').map((line) => JSON.parse(line).id as string);
    expect(got).toHaveLength(count);
    expect(new Set(got).size).toBe(count);
    expect([...got].sort()).toEqual([...ids].sort());
  });

  it('json holds every job once and total_record counts them', async () => {
    const { code, stdout } = await runCli(flags, { DRS_TOKEN: secretToken });
    expect(code).toBe(exitCodes.ok);
    const body = JSON.parse(stdout);
    expect(body.total_record).toBe(count);
    expect(new Set(body.jobs.map((job: { id: string }) => job.id))).toEqual(new Set(ids));
  });

  it('table shows them all', async () => {
    const { code, stdout } = await runCli([...flags, '-o', 'table'], { DRS_TOKEN: secretToken });
    expect(code).toBe(exitCodes.ok);
    expect(stdout.trimEnd().split('\n')).toHaveLength(count + 2);
    expect(stdout.trimEnd().endsWith(`showing ${count} of ${count}`)).toBe(true);
  });
});

describe('bad arguments: exit 2 before any request', () => {
  // Nothing listens at `closed`: had drs-jobs sent a request, it would exit 3, not 2.
  let closed: string[];
  beforeAll(async () => {
    closed = ['--endpoint', `http://127.0.0.1:${await freePort()}`, '--project-id', seedProjectId, '--token', secretToken];
  });

  const cases: { name: string; args: string[]; says: string[] }[] = [
    { name: 'unknown --db-use-type', args: ['--db-use-type', 'backup'], says: [...enums.DbUseType] },
    { name: 'unknown --engine', args: ['--db-use-type', 'migration', '--engine', 'oracle'], says: [...enums.EngineType] },
    { name: 'unknown --net', args: ['--db-use-type', 'migration', '--net', 'VPC'], says: [...enums.NetType] },
    { name: 'unknown --status', args: ['--db-use-type', 'migration', '--status', 'RUNNING'], says: [...enums.TaskStatus] },
    { name: 'unknown --language', args: ['--db-use-type', 'migration', '--language', 'fr-fr'], says: [...enums.Language] },
    {
      name: '--per-page above the maximum',
      args: ['--db-use-type', 'migration', '--per-page', String(requestLimits.perPage.max + 1)],
      says: ['--per-page', `${requestLimits.perPage.min} to ${requestLimits.perPage.max}`],
    },
    { name: '--page not a number', args: ['--db-use-type', 'migration', '--page', 'two'], says: ['--page'] },
    { name: '--tag without =', args: ['--db-use-type', 'migration', '--tag', 'team'], says: ['--tag', 'key=value'] },
    { name: 'a tag key the spec forbids', args: ['--db-use-type', 'migration', '--tag', 'a b=c'], says: ['--tag', requestLimits.tags.keyPattern] },
    {
      name: 'more tags than the spec allows',
      args: ['--db-use-type', 'migration', ...Array.from({ length: requestLimits.tags.maxItems + 1 }, (_, i) => ['--tag', `k${i}=v`]).flat()],
      says: ['--tag', String(requestLimits.tags.maxItems)],
    },
    { name: '--per-page 0 with --page 2 (D6)', args: ['--db-use-type', 'migration', '--per-page', '0', '--page', '2'], says: ['--page'] },
    { name: 'a name over 255 characters (D13)', args: ['--db-use-type', 'migration', '--name', 'x'.repeat(256)], says: ['--name', '255'] },
    { name: 'blank --enterprise-project-id (D12)', args: ['--db-use-type', 'migration', '--enterprise-project-id', ' '], says: ['--enterprise-project-id'] },
    { name: 'missing --db-use-type', args: [], says: ['--db-use-type'] },
    { name: '--all with --page', args: ['--db-use-type', 'migration', '--all', '--page', '2'], says: ['--all', '--page'] },
    { name: 'an unknown option', args: ['--db-use-type', 'migration', '--colour'], says: ['--colour'] },
    { name: 'an extra argument', args: ['--db-use-type', 'migration', 'everything'], says: ['too many arguments'] },
  ];
  for (const { name, args, says } of cases) {
    it(name, async () => {
      const { code, stdout, stderr } = await runCli(['list', ...args, ...closed]);
      expect({ code, stdout }).toEqual({ code: exitCodes.usage, stdout: '' });
      for (const text of says) expect(stderr).toContain(text);
      expect(stderr).not.toMatch(/\n\s+at /); // a user error, not a stack trace
    });
  }

  it('a missing token, endpoint or project ID', async () => {
    for (const drop of ['--token', '--endpoint', '--project-id']) {
      const at = closed.indexOf(drop);
      const args = closed.filter((_, i) => i !== at && i !== at + 1);
      const { code, stderr } = await runCli(['list', '--db-use-type', 'migration', ...args]);
      expect(code).toBe(exitCodes.usage);
      expect(stderr).toContain(drop);
    }
  });

  it('an endpoint with user:password (fetch refuses it), without printing the password', async () => {
    const { code, stderr } = await runCli(['list', '--db-use-type', 'migration', ...closed, '--endpoint', 'http://me:hunter2@127.0.0.1:4010']);
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toContain('--endpoint');
    expect(stderr).not.toContain('hunter2');
  });

  it('no command: the usage, exit 2; --help and --version: exit 0', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(exitCodes.usage);
    expect(none.stderr).toContain('Usage: drs-jobs');
    const help = await runCli(['list', '--help']);
    expect(help.code).toBe(exitCodes.ok);
    for (const value of [...enums.DbUseType, ...enums.EngineType, ...enums.NetType, ...enums.TaskStatus]) expect(help.stdout).toContain(value);
    const version = await runCli(['--version']);
    const { version: packageVersion } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
    expect({ code: version.code, stdout: version.stdout }).toEqual({ code: exitCodes.ok, stdout: `${packageVersion}\n` });
  });

  it('an endpoint that is not a URL', async () => {
    const { code, stderr } = await runCli(['list', '--db-use-type', 'migration', ...closed, '--endpoint', 'localhost:4010']);
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toContain('--endpoint');
  });
});

describe('DRS errors: exit 1 with error_code: error_msg and the HTTP status', () => {
  it('an invalid token', async () => {
    const { code, stdout, stderr } = await runCli([...seedFlags, '--endpoint', sandbox.url, '--project-id', seedProjectId], {
      DRS_TOKEN: `${secretToken}-not-known`,
    });
    const error = errorRegistry['DRS.M00100'];
    expect({ code, stdout }).toEqual({ code: exitCodes.drsError, stdout: '' });
    expect(stderr).toMatch(new RegExp(`^error: ${error.code}: ${escape(error['en-us'])} \\(HTTP ${error.status}, request id \\S+\\)\\n$`));
    // Nor the wrong token: it is the token drs-jobs was given.
    expect(stderr).not.toContain('not-known');
  });

  it('a project the token does not hold, in the language of DRS_LANGUAGE', async () => {
    const { code, stderr } = await runCli([...seedFlags, ...connection, '--project-id', 'ffffffffffffffffffffffffffffffff'], {
      DRS_LANGUAGE: 'zh-cn',
    });
    const error = errorRegistry['DRS.M00261'];
    expect(code).toBe(exitCodes.drsError);
    expect(stderr).toContain(`${error.code}: ${error['zh-cn']} (HTTP ${error.status}`);
  });
});

describe('no answer: exit 3 naming the endpoint', () => {
  it('connection refused', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const { code, stdout, stderr } = await runCli([...seedFlags, ...connection, '--endpoint', endpoint, '--retries', '1']);
    expect({ code, stdout }).toEqual({ code: exitCodes.unreachable, stdout: '' });
    expect(stderr).toMatch(new RegExp(`^error: cannot reach ${escape(endpoint)}: .*ECONNREFUSED.*\\(2 attempts\\)\\n$`));
  });

  it('a timeout', async () => {
    const silent = await silentServer();
    try {
      const { code, stderr } = await runCli([...seedFlags, ...connection, '--endpoint', silent.url, '--timeout', '300', '--retries', '0', '-v']);
      expect(code).toBe(exitCodes.unreachable);
      expect(stderr).toContain(`error: no answer from ${silent.url} within 300 ms (1 attempt)`);
    } finally {
      await silent.close();
    }
  });

});

describe('a server that is not DRS', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/gateway/')) res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream is down');
      else if (req.url?.startsWith('/echo/')) {
        // A careless server that quotes the token back.
        const error_msg = `Token ${String(req.headers['x-auth-token'])} is not valid here.`;
        res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error_code: 'DRS.M00100', error_msg }));
      }
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total_record: '5', jobs: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('another error status: exit 1 with the status and the body', async () => {
    const { code, stdout, stderr } = await runCli([...seedFlags, ...connection, '--endpoint', `${url}/gateway`, '--retries', '0']);
    expect({ code, stdout }).toEqual({ code: exitCodes.drsError, stdout: '' });
    expect(stderr).toBe(`error: ${url}/gateway answered HTTP 503 upstream is down\n`);
  });

  it('a token echoed back by the server is redacted, also with --verbose', async () => {
    const { code, stderr } = await runCli([...seedFlags, ...connection, '--endpoint', `${url}/echo`, '--verbose']);
    expect(code).toBe(exitCodes.drsError);
    expect(stderr).toContain('error: DRS.M00100: Token [redacted] is not valid here. (HTTP 403)');
  });

  it('a 200 that breaks the contract: exit 4 naming the endpoint and the violation', async () => {
    const { code, stdout, stderr } = await runCli([...seedFlags, ...connection, '--endpoint', url]);
    expect({ code, stdout }).toEqual({ code: exitCodes.contract, stdout: '' });
    expect(stderr).toContain(`error: the answer of ${url} breaks the DRS contract`);
    expect(stderr).toContain('/total_record');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
