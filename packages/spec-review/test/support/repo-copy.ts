// A throwaway copy of this repository for tests that run nx release or the gate against git history:
// `git clone` of the committed history, with this working tree's release setup laid over it, the
// workspace's node_modules linked in, and every release project tagged as released at its current version.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '../../src/paths.ts';

/** Files of the release setup copied from the working tree, so the tests see what is about to be committed. */
const overlay = ['nx.json', 'package.json', 'tools/release'];

export interface ReleaseProject {
  name: string;
  root: string;
  packageName: string;
  version: string;
}

export interface RepoCopy {
  dir: string;
  projects: ReleaseProject[];
  git(...args: string[]): string;
  /** Writes a file (relative path) and commits it with the message. */
  commit(message: string, path: string, content: string): void;
  read(path: string): string;
  remove(): void;
}

const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  // plain text: tests read what nx prints
  FORCE_COLOR: '0',
  NO_COLOR: '1',
  GIT_AUTHOR_NAME: 'spec-review test',
  GIT_AUTHOR_EMAIL: 'spec-review@example.invalid',
  GIT_COMMITTER_NAME: 'spec-review test',
  GIT_COMMITTER_EMAIL: 'spec-review@example.invalid',
};

export function run(cwd: string, command: string, args: string[]): string {
  const out = execFileSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  return out.replace(/\x1b\[[0-9;]*m/g, '');
}

export function copyRepo(): RepoCopy {
  const dir = mkdtempSync(join(tmpdir(), 'drs-repo-copy-'));
  run(tmpdir(), 'git', ['clone', '--quiet', '--no-hardlinks', workspaceRoot, dir]);
  for (const path of overlay) cpSync(join(workspaceRoot, path), join(dir, path), { recursive: true });
  symlinkSync(join(workspaceRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // .gitignore's `node_modules/` matches directories only, not this link
  appendFileSync(join(dir, '.git', 'info', 'exclude'), '/node_modules\n');
  const git = (...args: string[]) => run(dir, 'git', args).trim();
  git('add', '--', ...overlay);
  if (git('status', '--porcelain', '--untracked-files=no') !== '') git('commit', '--quiet', '-m', 'chore: working-tree release setup');

  const nxJson = JSON.parse(readFileSync(join(dir, 'nx.json'), 'utf8')) as { release: { projects: string[] } };
  const names = JSON.parse(run(dir, 'npx', ['nx', 'show', 'projects', '--json', '--projects', nxJson.release.projects.join(',')])) as string[];
  const graphFile = join(dir, '.nx-graph.json');
  run(dir, 'npx', ['nx', 'graph', `--file=${graphFile}`]);
  const graph = JSON.parse(readFileSync(graphFile, 'utf8')) as { graph: { nodes: Record<string, { data: { root: string } }> } };
  rmSync(graphFile);
  const projects = names.map((name): ReleaseProject => {
    const root = graph.graph.nodes[name]?.data.root;
    if (root === undefined) throw new Error(`project ${name} is not in the graph`);
    const pkg = JSON.parse(readFileSync(join(dir, root, 'package.json'), 'utf8')) as { name: string; version: string };
    return { name, root, packageName: pkg.name, version: pkg.version };
  });
  // Everything is "released" at HEAD, so only the commits a test adds count (tag pattern {projectName}@{version}).
  for (const p of projects) git('tag', `${p.name}@${p.version}`);

  return {
    dir,
    projects,
    git,
    commit(message, path, content) {
      writeFileSync(join(dir, path), content);
      git('add', '--', path);
      git('commit', '--quiet', '-m', message);
    },
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    remove: () => {
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
