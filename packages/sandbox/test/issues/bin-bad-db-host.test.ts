// Defect 8: drs-sandbox crashed with a stack trace on a bad --db (a text file, a missing directory,
// a directory, someone else's SQLite database) or an unresolvable --host. Like a bad --fixture, each
// is now one line naming the flag and the file, and exit code 2.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { JobStore, StoreError } from '../../src/index.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'drs-sandbox-bad-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--conditions=@drs-contract/source', '--import', 'tsx', 'src/bin.ts', ...args], { cwd: root, env: { ...process.env, PORT: '0' }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

const textFile = join(dir, 'notes.db');
writeFileSync(textFile, 'this is not a database, just some text that is long enough to have a header\n'.repeat(20));
const foreign = join(dir, 'foreign.db');
const db = new Database(foreign);
db.exec('CREATE TABLE jobs (x INTEGER); INSERT INTO jobs VALUES (1);');
db.close();
const aDirectory = join(dir, 'a-directory');
mkdirSync(aDirectory);

const cases: Record<string, string> = {
  'a text file': textFile,
  'a file in a missing directory': join(dir, 'missing', 'jobs.db'),
  'a directory': aDirectory,
  "someone else's SQLite database": foreign,
};

describe('drs-sandbox with a bad --db or --host', { timeout: 180_000 }, () => {
  for (const [name, path] of Object.entries(cases)) {
    it(`refuses ${name} in one line, exit 2`, async () => {
      const r = await run(['--db', path]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('--db');
      expect(r.stderr).toContain(path);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).not.toContain('listening');
    });
  }

  it('refuses an unresolvable --host in one line, exit 2', async () => {
    const r = await run(['--host', '256.1.1.1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--host 256.1.1.1');
  });

  it('throws a StoreError from the store itself, and leaves the foreign database untouched', () => {
    expect(() => new JobStore(foreign)).toThrow(StoreError);
    const again = new Database(foreign, { readonly: true });
    expect(again.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['jobs']);
    again.close();
  });
});
