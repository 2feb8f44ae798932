#!/usr/bin/env node
// Runs @openapitools/openapi-generator-cli with the generator version pinned in openapitools.json.
//
//   node tools/openapi-generator.mjs generate <generator-key>   regenerate one SDK (its output folder is emptied first)
//   node tools/openapi-generator.mjs validate [spec]            validate the bundled spec; any unexplained warning fails
//   node tools/openapi-generator.mjs jar                        only make sure the pinned jar is there
//
// The jar: the npm wrapper downloads it from Maven Central into its storage folder on first use. Nx
// runs several generator targets at once, so the first download happens under a lock (otherwise each
// would fetch 30 MB into the same file). If the wrapper's download fails, Maven fetches the same
// artifact (`mvn dependency:copy`, checksum-verified, from Maven's own repository settings). A jar
// already in place is used as it is: no second download.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const configFile = join(root, 'openapitools.json');
const wrapperDir = dirname(createRequire(import.meta.url).resolve('@openapitools/openapi-generator-cli/package.json'));
const wrapperMain = join(wrapperDir, 'main.js');
const config = JSON.parse(readFileSync(configFile, 'utf8'))['generator-cli'];
const version = config.version;
// Same rule as the wrapper: a custom storageDir is relative to the working folder, else `versions/` beside it.
const storage = config.storageDir ? resolve(root, config.storageDir.replace('~', homedir())) : join(wrapperDir, 'versions');
const jar = join(storage, `${version}.jar`);
const lock = join(storage, `${version}.lock`);

// Warnings of `validate` that we accept, each with the reason (none so far).
const acceptedWarnings = new Map();

/** Runs the npm wrapper from the workspace root; it finds openapitools.json there. */
function wrapper(args, capture = false) {
  const result = spawnSync(process.execPath, [wrapperMain, '--openapitools', configFile, ...args], {
    cwd: root,
    env: { ...process.env, PWD: root },
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return result;
}

function jarIsComplete() {
  return existsSync(jar) && statSync(jar).size > 1_000_000;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** mkdir is atomic: whoever creates the lock folder downloads; the others wait for the jar. */
function withLock(fn) {
  mkdirSync(storage, { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock left by a killed run is stale after 5 minutes (it may also vanish between mkdir and stat).
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function viaMaven() {
  const out = join(storage, `.maven-${process.pid}`);
  const artifact = `org.openapitools:openapi-generator-cli:${version}:jar`;
  const result = spawnSync('mvn', ['-q', '-B', '-Dstyle.color=never', 'dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${out}`, '-Dmdep.stripVersion=true'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`mvn dependency:copy of ${artifact} failed (exit ${result.status ?? result.error})`);
  renameSync(join(out, 'openapi-generator-cli.jar'), jar);
  rmSync(out, { recursive: true, force: true });
}

export function ensureJar() {
  // While another run holds the lock, the jar may still be being written.
  if (jarIsComplete() && !existsSync(lock)) return jar;
  withLock(() => {
    if (jarIsComplete()) return;
    rmSync(jar, { force: true });
    // `version` makes the wrapper download the pinned jar, then prints it.
    const result = wrapper(['version'], true);
    if (jarIsComplete() && result.status === 0) {
      console.error(`openapi-generator ${version}: jar downloaded by the npm wrapper into ${storage}`);
      return;
    }
    const reason = `${result.stdout}${result.stderr}`.split('\n').find((line) => /Download failed/.test(line)) ?? `exit ${result.status}`;
    console.error(`openapi-generator ${version}: the npm wrapper could not download the jar (${reason.trim()}), trying Maven`);
    rmSync(jar, { force: true });
    viaMaven();
    console.error(`openapi-generator ${version}: jar fetched by Maven into ${storage}`);
  });
  return jar;
}

function generate(key) {
  const generator = config.generators?.[key];
  if (!generator) throw new Error(`openapitools.json declares no generator "${key}"`);
  // Regenerate from scratch so a schema removed from the spec leaves no stale file behind.
  rmSync(resolve(root, generator.output), { recursive: true, force: true });
  const result = wrapper(['generate', '--generator-key', key], true);
  const log = `${result.stdout}${result.stderr}`;
  // The wrapper prints every INFO line of the generator; keep warnings and errors.
  const kept = log.split('\n').filter((line) => /\] (WARN|ERROR) /.test(line));
  if (kept.length) console.log(kept.join('\n'));
  if (result.status !== 0 || /Code generation failed/.test(log)) {
    console.error(log);
    process.exit(result.status || 1);
  }
  console.log(`generated ${key} -> ${generator.output} (openapi-generator ${version})`);
}

function validate(spec = 'openapi/dist/openapi.json') {
  const result = wrapper(['validate', '-i', spec, '--recommend'], true);
  const log = `${result.stdout}${result.stderr}`;
  process.stdout.write(log);
  if (result.status !== 0) process.exit(result.status || 1);
  if (/No validation issues detected/.test(log)) return;
  // Anything else is a list of errors or warnings: fail unless each one is accepted above.
  const issues = log.split('\n').filter((line) => /^\s*-\s/.test(line)).map((line) => line.replace(/^\s*-\s*/, '').trim());
  const unexplained = issues.filter((issue) => !acceptedWarnings.has(issue));
  if (issues.length === 0 || unexplained.length > 0) {
    console.error(`openapi-generator validate: ${unexplained.length || 'unparsed'} unexplained issue(s) in ${spec}`);
    process.exit(1);
  }
  for (const issue of issues) console.log(`accepted: ${issue} (${acceptedWarnings.get(issue)})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, key] = process.argv.slice(2);
  ensureJar();
  if (command === 'generate') generate(key);
  else if (command === 'validate') validate(key);
  else if (command === 'jar') console.log(jar);
  else {
    console.error('usage: node tools/openapi-generator.mjs generate <generator-key> | validate | jar');
    process.exit(2);
  }
}
