// The breaking-change gate: the spec of the working tree against the spec of the last release tag
// (or a given ref). Breaking changes pass only when the spec package's next version, as nx release
// derives it from conventional commits (a `BREAKING CHANGE:` footer or `type!:`), raises the major.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { classify, formatChanges, type Classification } from './classify.ts';
import { firstSpecCommit, lastReleaseTag, releaseTagGlob, specAt, specVersionAt } from './git.ts';
import { projectRoot, specDir, specFile, specProject, workspaceRoot } from './paths.ts';

export interface NextVersion {
  currentVersion: string | null;
  newVersion: string | null;
}

export interface GateOptions {
  /** Workspace root (a git work tree); defaults to this repository. */
  cwd?: string;
  /** Compare with this git ref instead of the last release tag. */
  base?: string;
}

export interface GateReport {
  ok: boolean;
  /** The ref compared with; null when no release exists and none was given. */
  baseRef: string | null;
  baseVersion: string | null;
  nextVersion: string | null;
  classification: Classification | null;
  message: string;
}

const major = (version: string): number => Number(version.split('.')[0]);

/** Asks nx release (dry run) what the spec package's next version would be. */
export function nextSpecVersion(cwd: string): NextVersion {
  const out = execFileSync(process.execPath, [join(projectRoot, 'scripts', 'next-version.mjs'), specProject], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = out.split('\n').find((l) => l.startsWith('@@next-version@@'));
  if (!line) throw new Error(`nx release version printed no result:\n${out}`);
  return JSON.parse(line.slice('@@next-version@@'.length)) as NextVersion;
}

function diffAgainst(cwd: string, ref: string): Classification {
  const basePath = specAt(cwd, ref);
  try {
    return classify(basePath, join(cwd, specFile));
  } finally {
    rmSync(dirname(dirname(basePath)), { recursive: true, force: true });
  }
}

export function runGate(options: GateOptions = {}): GateReport {
  const cwd = options.cwd ?? workspaceRoot;
  const baseRef = options.base ?? lastReleaseTag(cwd);

  if (baseRef === null) {
    // Nothing was released, so no consumer holds a version that a change could break.
    const first = firstSpecCommit(cwd);
    let info = '';
    if (first) {
      try {
        info = `\nFor information, the changes since the spec's first commit ${first.slice(0, 8)}:\n${formatChanges(diffAgainst(cwd, first).changes)}`;
      } catch (error) {
        // information only: an old spec that oasdiff cannot read must not fail the gate
        info = `\n(The changes since the spec's first commit ${first.slice(0, 8)} could not be listed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
      }
    }
    return {
      ok: true,
      baseRef: null,
      baseVersion: null,
      nextVersion: null,
      classification: null,
      message: `spec:diff: no release tag matching ${JSON.stringify(releaseTagGlob(cwd))} yet, so nothing released can break: the breaking-change gate passes (it applies from the first release on).${info}`,
    };
  }

  const classification = diffAgainst(cwd, baseRef);
  const baseVersion = specVersionAt(cwd, baseRef);
  const header = `spec:diff: ${specFile} (working tree) against ${baseRef} (spec ${baseVersion}):\n${formatChanges(classification.changes)}`;
  if (!classification.breaking) {
    return { ok: true, baseRef, baseVersion, nextVersion: null, classification, message: `${header}\nNo breaking change: the gate passes.` };
  }

  const diskVersion = (JSON.parse(readFileSync(join(cwd, specDir, 'package.json'), 'utf8')) as { version: string }).version;
  const next = nextSpecVersion(cwd).newVersion ?? diskVersion;
  const bumped = Math.max(major(next), major(diskVersion)) > major(baseVersion);
  const nextVersion = major(next) >= major(diskVersion) ? next : diskVersion;
  if (bumped) {
    return {
      ok: true,
      baseRef,
      baseVersion,
      nextVersion,
      classification,
      message: `${header}\nBreaking changes, and the spec package goes from ${baseVersion} to ${nextVersion} (a major bump): the gate passes.`,
    };
  }
  return {
    ok: false,
    baseRef,
    baseVersion,
    nextVersion,
    classification,
    message:
      `${header}\nBreaking changes, but the spec package would go from ${baseVersion} to ${nextVersion}, not to a new major.\n` +
      'Either undo them, or declare them: a commit touching openapi/ whose message has a `BREAKING CHANGE:` footer ' +
      'or a `!` after the type (e.g. `feat(spec)!: ...`), so nx release bumps the major.',
  };
}
