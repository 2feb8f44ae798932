// What drs-jobs does on a terminal, run in-process with streams that say they are TTYs: the table by
// default, colours unless NO_COLOR, the width of the terminal, the --all progress line; and a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { generateJobs, seedProjectId, seedResponse, startSandbox, type SandboxHandle } from '@drs-contract/sandbox';
import { exitCodes } from '../src/exit-codes.ts';
import { columns, fitWidths, gap } from '../src/format.ts';
import type { Io, OutStream } from '../src/io.ts';
import { run } from '../src/run.ts';
import { secretToken } from './support.ts';

class Capture implements OutStream {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns?: number,
  ) {}
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

const esc = '\u001b[';
let sandbox: SandboxHandle;
let args: string[];

beforeAll(async () => {
  const jobs = [...seedResponse.jobs, ...generateJobs(230, { projectIds: [seedProjectId] })].map((job) => ({ ...job, db_use_type: 'migration' as const }));
  sandbox = await startSandbox({ port: 0, jobs, tokens: { [secretToken]: [seedProjectId] } });
  args = ['node', 'drs-jobs', 'list', '--db-use-type', 'migration', '--engine', '', '--endpoint', sandbox.url, '--project-id', seedProjectId, '--token', secretToken];
});
afterAll(() => sandbox?.close());

async function onTerminal(extra: string[], env: Io['env'] = {}, width = 200) {
  const io = { stdout: new Capture(true, width), stderr: new Capture(true, width), env };
  const code = await run([...args, ...extra], io);
  expect(io.stdout.text + io.stderr.text).not.toContain(secretToken);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe('on a terminal', () => {
  it('the table is the default, with colours', async () => {
    const failed = seedResponse.jobs.find((job) => job.status.endsWith('_FAILED'))!;
    const { code, stdout } = await onTerminal(['--status', failed.status]);
    expect(code).toBe(exitCodes.ok);
    expect(stdout.startsWith(`${esc}1mID${esc}22m`)).toBe(true);
    expect(stdout).toContain(failed.id);
    expect(stdout).toContain(`${esc}31m${failed.status}${esc}39m`);
    expect(stdout).toMatch(/showing \d+ of \d+/);
  });

  it('NO_COLOR turns colours off', async () => {
    const { code, stdout } = await onTerminal(['--per-page', '20'], { NO_COLOR: '1' });
    expect(code).toBe(exitCodes.ok);
    expect(stdout).not.toContain(esc);
    expect(stdout.split('\n')[0]!.split(/\s{2,}/)).toEqual(columns.map((column) => column.header));
  });

  it('the table fits the terminal width (80 columns and up)', async () => {
    for (const width of [80, 100, 132]) {
      const { stdout } = await onTerminal(['--per-page', '20'], { NO_COLOR: '1' }, width);
      for (const line of stdout.trimEnd().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it('--all shows a progress line on stderr and clears it; stdout has only the jobs', async () => {
    const { code, stdout, stderr } = await onTerminal(['--all', '-o', 'ndjson']);
    expect(code).toBe(exitCodes.ok);
    expect(stdout.trimEnd().split('\n')).toHaveLength(seedResponse.jobs.length + 230);
    expect(stderr).toContain('fetched 3 page(s), 200 tasks so far');
    expect(stderr.endsWith(`\r${esc}2K`)).toBe(true);
  });

  it('no progress line with --verbose (it has its own lines)', async () => {
    const { stderr } = await onTerminal(['--all', '-o', 'ndjson', '--verbose']);
    expect(stderr).not.toContain('tasks so far');
    expect(stderr.match(/^> POST /gm)).toHaveLength(3);
  });
});

it('a crash prints its stack and exits 70', async () => {
  const stdout: OutStream = {
    write() {
      throw new TypeError('the output went away');
    },
  };
  const stderr = new Capture(false);
  const code = await run([...args, '--per-page', '1'], { stdout, stderr, env: {} });
  expect(code).toBe(exitCodes.internal);
  expect(stderr.text).toContain('drs-jobs crashed');
  expect(stderr.text).toMatch(/TypeError: the output went away\n\s+at /);
});

describe('fitWidths', () => {
  const natural = [36, 27, 25, 7, 3, 9, 15, 19];
  const total = (widths: number[]) => widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);

  it('keeps natural widths without a limit or when they fit', () => {
    expect(fitWidths(natural, columns, undefined)).toEqual(natural);
    expect(fitWidths(natural, columns, 500)).toEqual(natural);
  });

  it('cuts the free-text columns first, then the others, never below their floors', () => {
    const at120 = fitWidths(natural, columns, 120);
    expect(total(at120)).toBe(120);
    expect(at120.slice(3)).toEqual([7, 3, 9, 15, 19]);
    const at80 = fitWidths(natural, columns, 80);
    expect(total(at80)).toBe(80);
    at80.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(Math.min(natural[i]!, columns[i]!.floor)));
    const tiny = fitWidths(natural, columns, 20);
    expect(tiny).toEqual(natural.map((w, i) => Math.min(w, columns[i]!.floor)));
  });
});
