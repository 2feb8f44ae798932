// The published surface: browser-safe runtime imports and the exports map consumers resolve.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

it('the runtime code imports only its own modules and openapi-fetch (nothing Node-only)', () => {
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  expect(files).toContain('client.ts');
  for (const file of files) {
    const source = readFileSync(join(root, 'src', file), 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\b(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    if (file === 'client.ts') expect(specifiers).toContain('openapi-fetch');
    for (const specifier of specifiers) expect(`${file}: ${specifier}`).toMatch(/: (\.\.?\/|openapi-fetch$)/);
    expect(source, file).not.toMatch(/\brequire\(|\bimport\(|\bprocess\.|\bBuffer\b/);
  }
});

it('exports types first and dist for import, with the source condition for the workspace', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; files: string[] };
  expect(Object.keys(pkg.exports)).toEqual(['.', './package.json']);
  expect(pkg.exports['.']).toEqual({ '@drs-contract/source': './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js', default: './dist/index.js' });
  expect(pkg.files).toEqual(['dist', 'README.md']);
});
