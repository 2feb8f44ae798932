// `npm run release:dry` on a copy of the repository: a fabricated `feat(spec):` commit touching the
// spec must bump the spec package's minor and, since a commit counts for every project it affects
// (nx affected: the client, validator and sandbox are generated from or implement the spec), the
// minor of every release project that depends on it, directly or through another; it must stamp
// info.version in openapi.yaml, preview the changelogs, and leave no commit, tag or file behind.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { projectRoot, specFile, specProject } from '../src/paths.ts';
import { copyRepo, run, type ReleaseProject, type RepoCopy } from './support/repo-copy.ts';

const artifacts = join(projectRoot, 'artifacts');

let repo: RepoCopy;
let output = '';
let headBefore = '';
let tagsBefore = '';
const subject = 'feat(spec): add a region filter to the task query';

function bump(version: string, part: 'minor'): string {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
}

/** Release projects whose package.json depends (any dependency kind, transitively) on the spec package. */
function dependentsOfSpec(projects: ReleaseProject[], read: (path: string) => string): ReleaseProject[] {
  const deps = new Map(
    projects.map((p) => {
      const pkg = JSON.parse(read(`${p.root}/package.json`)) as Record<string, Record<string, string> | undefined>;
      const names = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) => Object.keys(pkg[k] ?? {}));
      return [p.packageName, names] as const;
    }),
  );
  const spec = projects.find((p) => p.name === specProject)!;
  const reached = new Set([spec.packageName]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of projects) {
      if (!reached.has(p.packageName) && deps.get(p.packageName)!.some((d) => reached.has(d))) {
        reached.add(p.packageName);
        grew = true;
      }
    }
  }
  return projects.filter((p) => p !== spec && reached.has(p.packageName));
}

beforeAll(() => {
  repo = copyRepo();
  const doc = parseDocument(repo.read(specFile));
  doc.setIn(['components', 'schemas', 'ShowJobListRequest', 'properties', 'region_hint'], doc.createNode({ type: 'string', description: 'Test-only field.' }));
  repo.commit(subject, specFile, doc.toString());
  headBefore = repo.git('rev-parse', 'HEAD');
  tagsBefore = repo.git('tag', '--list');
  // Nx writes the file previews to stderr and the rest to stdout: read them interleaved, as a reviewer sees them
  output = run(repo.dir, 'sh', ['-c', 'npm run release:dry 2>&1']);
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'release-dry-run.log'), output);
  console.log(`release:dry output saved to ${join(artifacts, 'release-dry-run.log')}`);
}, 150_000);

afterAll(() => repo?.remove());

describe('npm run release:dry after a feat(spec) commit', () => {
  const newVersionOf = (name: string): string | undefined =>
    [...output.matchAll(/^(\S+) .*to get new version (\S+)$/gm)].filter((m) => m[1] === name).at(-1)?.[2];

  it('bumps the spec package by a minor and stamps the new version into info.version', () => {
    const spec = repo.projects.find((p) => p.name === specProject)!;
    const next = bump(spec.version, 'minor');
    expect(newVersionOf(spec.name)).toBe(next);
    expect(output).toMatch(new RegExp(`UPDATE ${specFile.replace('.', '\\.')} \\[dry-run\\][\\s\\S]*?-\\s+version: ${spec.version.replaceAll('.', '\\.')}\\n\\+\\s+version: ${next.replaceAll('.', '\\.')}`));
    expect(output).toContain(`"version": "${next}"`);
  });

  it('bumps every release project that depends on the spec package by a minor too', () => {
    const dependents = dependentsOfSpec(repo.projects, repo.read);
    expect(dependents.length).toBeGreaterThan(0);
    for (const p of dependents) expect(newVersionOf(p.name), p.name).toBe(bump(p.version, 'minor'));
  });

  it('leaves release projects that do not depend on the spec package alone', () => {
    const dependents = new Set(dependentsOfSpec(repo.projects, repo.read));
    for (const p of repo.projects.filter((q) => q.name !== specProject && !dependents.has(q))) expect(newVersionOf(p.name), p.name).toBeUndefined();
  });

  it('previews per-project changelogs with the commit and the dependency updates', () => {
    const spec = repo.projects.find((p) => p.name === specProject)!;
    expect(output).toMatch(new RegExp(`CREATE ${spec.root}/CHANGELOG\\.md \\[dry-run\\][\\s\\S]*?add a region filter to the task query`));
    for (const p of dependentsOfSpec(repo.projects, repo.read)) {
      expect(output).toMatch(new RegExp(`${p.root}/CHANGELOG\\.md \\[dry-run\\][\\s\\S]*?Updated `));
    }
  });

  it('shows the release commit and one tag per bumped project, {projectName}@{version}', () => {
    const spec = repo.projects.find((p) => p.name === specProject)!;
    expect(output).toMatch(/^git commit --message chore\(release\): publish/m);
    for (const p of [spec, ...dependentsOfSpec(repo.projects, repo.read)]) {
      expect(output).toContain(`git tag --annotate ${p.name}@${bump(p.version, 'minor')} `);
    }
  });

  it('commits, tags, publishes and writes nothing', () => {
    expect(repo.git('rev-parse', 'HEAD')).toBe(headBefore);
    expect(repo.git('tag', '--list')).toBe(tagsBefore);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(output).toContain('Skipped publishing packages');
  });
});
