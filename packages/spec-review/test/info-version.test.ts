// The spec's info.version is the spec package's version: nx release writes both (tools/release/
// version-actions.cjs), nobody edits either by hand. This checks the tree as it is, and that the
// stamping changes exactly the info.version scalar of openapi.yaml, whatever its quoting.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specDir, specFile, workspaceRoot } from '../src/paths.ts';

const { stampInfoVersion } = createRequire(import.meta.url)(join(workspaceRoot, 'tools/release/version-actions.cjs')) as {
  stampInfoVersion(source: string, version: string, file: string): string;
};
const source = readFileSync(join(workspaceRoot, specFile), 'utf8');

describe('info.version of the spec', () => {
  it('equals the version of the spec package', () => {
    const pkg = JSON.parse(readFileSync(join(workspaceRoot, specDir, 'package.json'), 'utf8')) as { version: string };
    expect((parse(source) as { info: { version: string } }).info.version).toBe(pkg.version);
  });

  it('is stamped by the release without touching any other line', () => {
    const stamped = stampInfoVersion(source, '7.8.9', specFile);
    expect((parse(stamped) as { info: { version: string } }).info.version).toBe('7.8.9');
    const before = source.split('\n');
    const changed = stamped.split('\n').filter((line, i) => line !== before[i]);
    expect(changed).toEqual([expect.stringMatching(/^\s+version: 7\.8\.9$/)]);
  });

  it('replaces a quoted version too, and refuses a document without info.version', () => {
    expect(stampInfoVersion("openapi: 3.0.3\ninfo:\n  title: t\n  version: '1.2.3' # keep\n", '2.0.0', 'x')).toBe('openapi: 3.0.3\ninfo:\n  title: t\n  version: 2.0.0 # keep\n');
    expect(() => stampInfoVersion('openapi: 3.0.3\ninfo:\n  title: t\n', '2.0.0', 'x.yaml')).toThrow(/x\.yaml has no info\.version/);
  });
});
