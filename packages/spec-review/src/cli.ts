#!/usr/bin/env -S node --import tsx
// `npm run spec:diff [-- --base <git ref>]` (= `nx run openapi:diff`): classify the spec changes and
// apply the breaking-change gate. Exit 0 when the gate passes, 1 when it fails, 2 on a usage or tool error.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { runGate } from './gate.ts';

try {
  const { values } = parseArgs({ options: { base: { type: 'string' }, json: { type: 'boolean', default: false } }, allowPositionals: false });
  const cwd = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  const report = runGate(values.base === undefined ? { cwd } : { cwd, base: values.base });
  console.log(values.json ? JSON.stringify(report, null, 2) : report.message);
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  console.error(`spec:diff: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
