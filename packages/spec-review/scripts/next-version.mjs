#!/usr/bin/env node
// Prints what `nx release version` would make of one project right now, as one JSON line after
// a marker, so the breaking-change gate asks Nx (conventional commits since the last tag) instead
// of re-implementing its rules. Run with the workspace root as cwd; Nx's own log goes to stderr.
import { releaseVersion } from 'nx/release';

const project = process.argv[2];
if (!project) {
  console.error('usage: next-version.mjs <nx project name>');
  process.exit(2);
}
const log = console.log;
console.log = (...args) => console.error(...args);
const result = await releaseVersion({
  projects: [project],
  dryRun: true,
  verbose: false,
  gitCommit: false,
  gitTag: false,
  stageChanges: false,
});
const data = result.projectsVersionData[project];
log(`@@next-version@@${JSON.stringify({ project, currentVersion: data?.currentVersion ?? null, newVersion: data?.newVersion ?? null })}`);
