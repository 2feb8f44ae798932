// The entry point as a person runs it: a real process, real HTTP, real files, real signals.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { devToken, seedProjectId, seedRequest, seedResponse } from '../src/index.ts';
import { job, projectA } from './support.ts';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'drs-sandbox-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  running.clear();
});

function launch(args: string[], env: Record<string, string> = {}): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--conditions=@drs-contract/source', '--import', 'tsx', 'src/bin.ts', ...args], {
    cwd: root,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function start(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const p = launch(args, env);
  const deadline = Date.now() + 150_000;
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(p.stdout())?.[1];
    if (url && p.stdout().includes('curl ')) return { ...p, url };
    if (p.child.exitCode !== null) throw new Error(`exited ${p.child.exitCode}: ${p.stderr()}`);
    if (Date.now() > deadline) throw new Error(`no start-up banner: ${p.stdout()} ${p.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(r: Running): Promise<number | null> {
  r.child.kill('SIGTERM');
  return r.exited;
}

const seedCall = (url: string, token = devToken, body: unknown = seedRequest, projectId = seedProjectId) =>
  fetch(`${url}/v3/${projectId}/jobs`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token }, body: JSON.stringify(body) });

// Each test starts real processes; a busy CI machine can be slow to boot them.
describe('drs-sandbox', { timeout: 180_000 }, () => {
  it('prints the URL, the development token and a curl that answers the seed response when pasted into a shell', async () => {
    const r = await start([]);
    expect(r.stdout()).toContain(devToken);
    const curl = r.stdout().slice(r.stdout().indexOf('curl '));
    const command = curl.slice(0, curl.indexOf('\n\n') > 0 ? curl.indexOf('\n\n') : undefined);
    const { stdout } = await promisify(execFile)('bash', ['-c', command]);
    expect(JSON.parse(stdout)).toStrictEqual(seedResponse);
    expect(await stop(r)).toBe(0);
  });

  it('logs one JSON line per request (method, path, status, duration, request id) and never the token', async () => {
    const r = await start([]);
    const ok = await seedCall(r.url);
    const denied = await seedCall(r.url, 'a-secret-token-that-must-not-leak');
    await fetch(`${r.url}/nowhere`, { headers: { 'X-Auth-Token': devToken } });
    expect(await stop(r)).toBe(0);
    const lines = r
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
      ['POST', `/v3/${seedProjectId}/jobs`, 200],
      ['POST', `/v3/${seedProjectId}/jobs`, 403],
      ['GET', '/nowhere', 404],
    ]);
    expect(lines.map((l) => l.request_id)).toEqual([ok.headers.get('x-request-id'), denied.headers.get('x-request-id'), expect.any(String)]);
    for (const l of lines) expect(typeof l.duration_ms).toBe('number');
    expect(r.stdout() + r.stderr()).not.toContain('a-secret-token-that-must-not-leak');
    const log = r
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(log.join('\n')).not.toContain(devToken);
  });

  it('shuts down gracefully on SIGINT too', async () => {
    const r = await start([]);
    r.child.kill('SIGINT');
    expect(await r.exited).toBe(0);
  });

  it('keeps the data of --db across a restart', async () => {
    const db = join(dir, 'persist.db');
    const fixture = join(dir, 'persist.json');
    writeFileSync(fixture, JSON.stringify([job({ id: 'kept-1', project_id: seedProjectId }), job({ id: 'kept-2', project_id: seedProjectId, create_time: '2020-01-01 00:00:00' })]));
    const body = { cur_page: 0, per_page: 0, db_use_type: 'migration', engine_type: '' };

    const first = await start(['--db', db, '--fixture', fixture]);
    const before = await (await seedCall(first.url, devToken, body)).json();
    expect(await stop(first)).toBe(0);

    const second = await start(['--db', db]);
    expect(second.stdout()).toContain('2 jobs in 1 project(s)');
    const after = await (await seedCall(second.url, devToken, body)).json();
    expect(after).toEqual(before);
    expect((after as { jobs: { id: string }[] }).jobs.map((j) => j.id)).toEqual(['kept-1', 'kept-2']);
    expect(await stop(second)).toBe(0);
  });

  it('takes its tokens from --tokens FILE, and the development token is then unknown', async () => {
    const tokens = join(dir, 'tokens.json');
    writeFileSync(tokens, JSON.stringify({ 'team-token': [seedProjectId] }));
    const r = await start(['--tokens', tokens]);
    expect(r.stdout()).not.toContain(devToken);
    expect((await seedCall(r.url, 'team-token')).status).toBe(200);
    const refused = await seedCall(r.url, devToken);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error_code: string }).error_code).toBe('DRS.M00100');
    await stop(r);
  });

  it('takes its tokens from DRS_SANDBOX_TOKENS', async () => {
    const r = await start([], { DRS_SANDBOX_TOKENS: JSON.stringify({ 'env-token': [projectA] }) });
    const answer = await seedCall(r.url, 'env-token');
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { error_code: string }).error_code).toBe('DRS.M00261');
    await stop(r);
  });

  it('--generate N adds the same N jobs on every run', async () => {
    const body = { cur_page: 1, per_page: 100, db_use_type: 'sync', engine_type: 'postgresql' };
    const answers: unknown[] = [];
    for (let run = 0; run < 2; run++) {
      const r = await start(['--generate', '3000']);
      expect(r.stdout()).toContain('3007 jobs in 5 project(s)');
      const token = devToken;
      const projects = /holds (\d+) project/.exec(r.stdout())?.[1];
      expect(projects).toBe('5');
      const { generatedProjectIds } = await import('../src/index.ts');
      const res = await seedCall(r.url, token, body, generatedProjectIds()[1]);
      const json = (await res.json()) as { total_record: number };
      expect(json.total_record).toBeGreaterThan(0);
      answers.push(json);
      await stop(r);
    }
    expect(answers[0]).toEqual(answers[1]);
  });
});

describe('bad input to drs-sandbox is refused with a clear message and exit code 2', { timeout: 180_000 }, () => {
  const refuse = async (args: string[], env: Record<string, string> = {}) => {
    const p = launch(args, env);
    const code = await p.exited;
    return { code, stderr: p.stderr(), stdout: p.stdout() };
  };

  it.each([
    ['a job with an unknown status', [job({ id: 'ok' }), { ...job({ id: 'bad' }), status: 'RUNNING' }], 'job 1: field status'],
    ['a job without create_time', [(({ create_time: _c, ...rest }) => rest)(job({ id: 'no-time' }))], 'job 0: field create_time'],
    ['a job with an ISO create_time', [job({ id: 'ok' }), job({ id: 'ok2' }), job({ id: 'iso', create_time: '2021-01-01T00:00:00Z' })], 'job 2: field create_time'],
    ['a job with a bad tag', [job({ id: 'tagged', tags: [{ key: 'a b', value: 'x' }] })], 'job 0: field tags.0.key'],
    ['a job with a blank enterprise project', [job({ id: 'ep', enterprise_project_id: '' })], 'job 0: field enterprise_project_id'],
    ['two jobs with the same ID in a project', [job({ id: 'twice' }), job({ id: 'twice' })], 'job 1: field id'],
    ['an object without jobs', { total_record: 1 }, 'expected an array of jobs'],
  ])('refuses a fixture with %s, naming the file, the job and the field', async (_what, content, expected) => {
    const file = join(dir, `bad-${expected.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(content));
    const { code, stderr, stdout } = await refuse(['--fixture', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(file);
    expect(stderr).toContain(expected);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).not.toContain('listening');
  });

  it('refuses a fixture that is not JSON, or missing', async () => {
    const file = join(dir, 'not-json.json');
    writeFileSync(file, '[{"id": ');
    const bad = await refuse(['--fixture', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${file}: is not valid JSON`);
    const missing = await refuse(['--fixture', join(dir, 'absent.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('absent.json: cannot be read (ENOENT)');
  });

  it('refuses a bad token file, a bad PORT and a bad --generate', async () => {
    const tokens = join(dir, 'bad-tokens.json');
    writeFileSync(tokens, JSON.stringify({ t: 'not-an-array' }));
    expect((await refuse(['--tokens', tokens])).code).toBe(2);
    const port = await refuse([], { PORT: 'eighty' });
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('PORT must be an integer');
    expect((await refuse(['--generate', '-5'])).code).not.toBe(0);
  });
});
