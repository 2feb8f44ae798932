import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { specDir, specFile, specProject } from './paths.ts';

function git(cwd: string, args: string[], input?: Buffer): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] }).trim();
}

/** The git tag glob of the spec package's releases, from nx.json's release.releaseTag.pattern. */
export function releaseTagGlob(cwd: string): string {
  const nxJson = JSON.parse(readFileSync(join(cwd, 'nx.json'), 'utf8')) as { release?: { releaseTag?: { pattern?: string } } };
  const pattern = nxJson.release?.releaseTag?.pattern ?? '{projectName}@{version}';
  return pattern.replace('{projectName}', specProject).replace('{version}', '*');
}

/** The newest release tag of the spec package reachable from HEAD, or null when nothing was released yet. */
export function lastReleaseTag(cwd: string): string | null {
  const tags = git(cwd, ['tag', '--list', releaseTagGlob(cwd), '--merged', 'HEAD', '--sort=-v:refname']);
  return tags.split('\n').find((t) => t !== '') ?? null;
}

/** The first commit that added the spec file (the baseline when no release exists). */
export function firstSpecCommit(cwd: string): string | null {
  const shas = git(cwd, ['log', '--diff-filter=A', '--format=%H', '--', specFile]).split('\n').filter(Boolean);
  return shas.at(-1) ?? null;
}

export function resolveRef(cwd: string, ref: string): string {
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new Error(`git ref ${JSON.stringify(ref)} does not name a commit`);
  }
}

/**
 * Writes the spec (openapi.yaml and the example files it $refs) as it was at `ref` into a new
 * temp directory and returns the path of its openapi.yaml; oasdiff resolves the $refs beside it.
 */
export function specAt(cwd: string, ref: string): string {
  const tar = execFileSync('git', ['archive', '--format=tar', resolveRef(cwd, ref), specDir], { cwd, maxBuffer: 256 * 1024 * 1024 });
  const dir = mkdtempSync(join(tmpdir(), 'spec-review-base-'));
  try {
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return join(dir, specFile);
}

/** The spec package's version in openapi/package.json at `ref`. */
export function specVersionAt(cwd: string, ref: string): string {
  const pkg = JSON.parse(git(cwd, ['show', `${resolveRef(cwd, ref)}:${specDir}/package.json`])) as { version: string };
  return pkg.version;
}
