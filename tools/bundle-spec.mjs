#!/usr/bin/env node
// Bundles openapi/openapi.yaml and its example files into one self-contained document,
// written as openapi/dist/openapi.json and openapi/dist/openapi.yaml: the input of every generator.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'openapi/dist');
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

mkdirSync(out, { recursive: true });
execFileSync(process.execPath, [redocly, 'bundle', 'openapi/openapi.yaml', '--output', 'openapi/dist/openapi.json', '--config', 'redocly.yaml'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});

const doc = JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8'));
const unresolved = JSON.stringify(doc).match(/"\$ref":"(?!#)[^"]*"/);
if (unresolved) throw new Error(`bundle still holds an external reference: ${unresolved[0]}`);
writeFileSync(join(out, 'openapi.json'), JSON.stringify(doc, null, 2) + '\n');
writeFileSync(join(out, 'openapi.yaml'), stringify(doc, { lineWidth: 0 }));
console.log(`bundled ${doc.info.title} ${doc.info.version} -> openapi/dist/openapi.{json,yaml}`);
