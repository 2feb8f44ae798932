// The breaking-change gate on a temporary copy of the repository in which every release project is
// tagged as released: compatible changes pass, a breaking change fails until a commit declares it
// (`!` / `BREAKING CHANGE:`) so that nx release bumps the spec package's major. Also runs the real
// gate of this repository, as CI does through `npm run spec:diff`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { runGate } from '../src/gate.ts';
import { lastReleaseTag } from '../src/git.ts';
import { specDir, specFile, specProject, workspaceRoot } from '../src/paths.ts';
import { copyRepo, run, type RepoCopy } from './support/repo-copy.ts';

let repo: RepoCopy;
let specVersion = '';

function editSpec(edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(repo.read(specFile));
  edit(doc);
  return doc.toString();
}

beforeAll(() => {
  repo = copyRepo();
  specVersion = repo.projects.find((p) => p.name === specProject)!.version;
}, 120_000);

afterAll(() => repo?.remove());

describe('breaking-change gate on a released repository copy', () => {
  it('compares with the last release tag and passes when nothing changed', () => {
    const report = runGate({ cwd: repo.dir });
    expect(report.baseRef).toBe(`${specProject}@${specVersion}`);
    expect(report.ok).toBe(true);
    expect(report.classification?.changes).toEqual([]);
  });

  it('passes a compatible change (new optional request field) without asking nx for a version', () => {
    repo.commit(
      'feat(spec): add an optional region filter',
      specFile,
      editSpec((doc) => doc.setIn(['components', 'schemas', 'ShowJobListRequest', 'properties', 'region_hint'], doc.createNode({ type: 'string', description: 'test' }))),
    );
    const report = runGate({ cwd: repo.dir });
    expect(report.ok).toBe(true);
    expect(report.classification?.breaking).toBe(false);
    expect(report.classification?.changes.map((c) => c.id)).toContain('new-optional-request-property');
    expect(report.nextVersion).toBeNull();
  });

  it('fails a breaking change (removed request enum value) committed as a plain fix', () => {
    repo.commit(
      'fix(spec): drop a replication scenario',
      specFile,
      editSpec((doc) => {
        const values = doc.getIn(['components', 'schemas', 'DbUseType', 'enum']) as { items: unknown[] };
        values.items.pop();
      }),
    );
    const report = runGate({ cwd: repo.dir });
    console.log(report.message);
    expect(report.ok).toBe(false);
    expect(report.classification?.changes.find((c) => c.id === 'request-property-enum-value-removed')?.impact).toBe('breaking');
    // feat + fix since the tag: nx release would make a minor, which does not announce a break
    expect(report.nextVersion).toMatch(new RegExp(`^${Number(specVersion.split('.')[0])}\\.`));
    expect(report.message).toContain('BREAKING CHANGE');
  }, 60_000);

  it('passes the same change once a commit declares it breaking, because the spec package then gets a new major', () => {
    repo.commit(
      'feat(spec)!: replication scenarios are the ones DRS still offers\n\nBREAKING CHANGE: the removed db_use_type value is rejected.',
      specFile,
      editSpec((doc) => doc.setIn(['components', 'schemas', 'DbUseType', 'description'], 'Replication scenario (the ones DRS still offers).')),
    );
    const report = runGate({ cwd: repo.dir });
    console.log(report.message);
    expect(report.ok).toBe(true);
    expect(report.classification?.breaking).toBe(true);
    expect(report.nextVersion).toBe(`${Number(specVersion.split('.')[0]) + 1}.0.0`);
  }, 60_000);

  it('compares with a given ref instead (reviewer mode): against the tag itself nothing changed', () => {
    expect(runGate({ cwd: repo.dir, base: `${specProject}@${specVersion}` }).baseRef).toBe(`${specProject}@${specVersion}`);
    const report = runGate({ cwd: repo.dir, base: 'HEAD' });
    expect(report.classification?.changes).toEqual([]);
    expect(() => runGate({ cwd: repo.dir, base: 'no-such-ref' })).toThrow(/does not name a commit/);
  });

  it('exits 1 from the command line when the gate fails', () => {
    // release the declared major as nx release would (version commit + tag), then break again with a plain fix
    const released = `${Number(specVersion.split('.')[0]) + 1}.0.0`;
    const pkgPath = `${specDir}/package.json`;
    repo.commit('chore(release): publish', pkgPath, repo.read(pkgPath).replace(`"version": "${specVersion}"`, `"version": "${released}"`));
    repo.git('tag', `${specProject}@${released}`);
    repo.commit(
      'fix(spec): tighten the page size',
      specFile,
      editSpec((doc) => doc.setIn(['components', 'schemas', 'ShowJobListRequest', 'properties', 'per_page', 'maximum'], 50)),
    );
    let status = 0;
    let out = '';
    try {
      run(repo.dir, 'npx', ['tsx', `${workspaceRoot}/packages/spec-review/src/cli.ts`]);
    } catch (error) {
      const e = error as { status: number; stdout: string };
      status = e.status;
      out = e.stdout;
    }
    expect(status).toBe(1);
    expect(out).toContain('request-property-max-decreased');
  }, 60_000);
});

describe('the gate of this repository (what `npm run spec:diff` runs in CI)', () => {
  it('passes', () => {
    const report = runGate();
    console.log(report.message);
    expect(report.ok, report.message).toBe(true);
    if (lastReleaseTag(workspaceRoot) === null) expect(report.message).toContain('no release tag');
  });
});
