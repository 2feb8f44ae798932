#!/usr/bin/env node
// Installs the pinned oasdiff (a Go module) into packages/spec-review/.tools/bin with `go install`,
// so a fresh clone needs only Go, which every machine of this project has at /usr/local/go/bin.
// Idempotent: a binary that already reports the pinned version is kept.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OASDIFF_MODULE = 'github.com/oasdiff/oasdiff';
export const OASDIFF_VERSION = '1.39.0';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const gobin = join(projectRoot, '.tools', 'bin');
const binary = join(gobin, 'oasdiff');

function installedVersion() {
  if (!existsSync(binary)) return null;
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function findGo() {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    try {
      execFileSync(candidate, ['version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('oasdiff needs Go to install (looked for `go` on PATH and /usr/local/go/bin/go)');
}

const wanted = `oasdiff version ${OASDIFF_VERSION}`;
if (installedVersion() === wanted) {
  console.log(`${wanted} already at ${binary}`);
} else {
  mkdirSync(gobin, { recursive: true });
  const go = findGo();
  console.log(`installing ${OASDIFF_MODULE}@v${OASDIFF_VERSION} with ${go} into ${gobin} (first time: a few minutes; later runs keep the binary)`);
  execFileSync(go, ['install', `${OASDIFF_MODULE}@v${OASDIFF_VERSION}`], {
    stdio: 'inherit',
    // GOTOOLCHAIN=local: never download a Go toolchain; GOFLAGS keeps the module cache deletable.
    env: { ...process.env, GOBIN: gobin, GOTOOLCHAIN: 'local', GOFLAGS: '-modcacherw', CGO_ENABLED: '0' },
  });
  const got = installedVersion();
  if (got !== wanted) throw new Error(`oasdiff install finished but ${binary} reports ${JSON.stringify(got)}`);
  console.log(`installed ${got} at ${binary}`);
}
