// The committed redocly.yaml must turn an example that contradicts its schema into a lint error.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { specDir } from './support.ts';

const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const config = join(specDir, '../redocly.yaml');
const work = mkdtempSync(join(tmpdir(), 'drs-lint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lint(dir: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [redocly, 'lint', join(dir, 'openapi.yaml'), '--config', config, '--format', 'stylish'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

describe('redocly lint', () => {
  it('passes the committed spec with no warnings', () => {
    const res = lint(specDir);
    expect(res.code).toBe(0);
    expect(res.output).not.toMatch(/warning/i);
  });

  it('fails when an example contradicts its schema (total_record as a string)', () => {
    const copy = join(work, 'spec');
    cpSync(join(specDir, 'openapi.yaml'), join(copy, 'openapi.yaml'), { recursive: true });
    cpSync(join(specDir, 'examples'), join(copy, 'examples'), { recursive: true });
    const file = join(copy, 'examples/response-200-seed.json');
    const example = JSON.parse(readFileSync(file, 'utf8')) as { value: { total_record: unknown } };
    example.value.total_record = '7';
    writeFileSync(file, JSON.stringify(example));
    const res = lint(copy);
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/no-invalid-media-type-examples/);
    expect(res.output).toMatch(/total_record/);
  });
});
