// Benchmark of the sandbox (npm run bench -w packages/sandbox). Prints figures and ratios measured in
// this one run; it asserts nothing and is not part of `npm test`.
//
//  1. The seed request, 10 s, 10 connections: sandbox vs the Prism mock vs a bare node:http server
//     answering the same bytes. Targets: ≥ 10× Prism, ≥ 0.6× bare.
//  2. 1,000,000 generated jobs: p99 latency of filtered pages (status + engine + net, per_page 100),
//     target < 20 ms; and `cur_page: 0` over one project of 250,000 jobs, streamed with a peak RSS
//     growth of the server process under 100 MB.
//
// Every server runs in its own process; autocannon runs in this one. BENCH_SECONDS shortens the runs;
// BENCH_ONLY=1 or 2 runs one part.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { freePort, startPrism } from '../../../tools/prism.mjs';
import { enums } from '@drs-contract/validator';
import { devToken, generateJobs, generatedProjectIds, JobStore, seedProjectId, seedRequest, toStored } from '../src/index.ts';

const root = join(import.meta.dirname, '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 10;
const jobsUrl = (base: string, project: string) => `${base}/v3/${project}/jobs`;
const headers = { 'content-type': 'application/json', 'x-auth-token': devToken };

interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function waitUntilAnswering(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr()}`);
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`server at ${url} did not answer: ${stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Starts a server process on a free port; its stdout (the request log) goes to /dev/null. */
async function spawnServer(args: string[], env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(url, child, () => err);
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const sandboxArgs = (...flags: string[]) => ['--conditions=@drs-contract/source', '--import', 'tsx', 'src/bin.ts', ...flags];

async function cannon(title: string, options: autocannon.Options): Promise<autocannon.Result> {
  await autocannon({ ...options, duration: 1 }); // warm-up
  const result = await autocannon({ connections, duration: seconds, ...options, title });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${title}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

interface Measured {
  requests: number;
  seconds: number;
  p99: number[];
}

async function throughput(): Promise<void> {
  // The three servers run side by side and are measured in turns (rounds of seconds/5 each), so a
  // change in the machine's load during the run weighs on all three alike.
  const rounds = 5;
  console.log(`\n1. Seed request, ${seconds} s per server in ${rounds} alternating rounds, ${connections} connections`);
  const body = JSON.stringify(seedRequest);
  const request = { method: 'POST' as const, headers, body };

  const sandbox = await spawnServer(sandboxArgs());
  const dir = mkdtempSync(join(tmpdir(), 'drs-bench-'));
  const answerFile = join(dir, 'seed-response.json');
  let prism: Awaited<ReturnType<typeof startPrism>> | undefined;
  let bare: Server | undefined;
  try {
    const answer = await fetch(jobsUrl(sandbox.url, seedProjectId), request);
    writeFileSync(answerFile, Buffer.from(await answer.arrayBuffer()));
    prism = await startPrism({ verbose: 'error' });
    bare = await spawnServer([join(root, 'bench/bare-server.mjs'), answerFile]);

    const targets = [
      ['sandbox (Fastify + validator + SQLite, request log on)', sandbox.url],
      ['Prism mock (-v error)', prism.url],
      ['bare node:http, same bytes', bare.url],
    ] as const;
    const measured = new Map<string, Measured>(targets.map(([name]) => [name, { requests: 0, seconds: 0, p99: [] }]));
    for (const [name, url] of targets) await autocannon({ url: jobsUrl(url, seedProjectId), ...request, connections, duration: 1, title: `${name} warm-up` });
    for (let round = 0; round < rounds; round++) {
      for (const [name, url] of targets) {
        const r = await autocannon({ url: jobsUrl(url, seedProjectId), ...request, connections, duration: seconds / rounds, title: name });
        if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
        const m = measured.get(name) as Measured;
        m.requests += r.requests.total;
        m.seconds += r.duration;
        m.p99.push(r.latency.p99);
      }
    }
    const rate = (name: string) => {
      const m = measured.get(name) as Measured;
      return m.requests / m.seconds;
    };
    for (const [name] of targets) {
      const m = measured.get(name) as Measured;
      console.log(`   ${name.padEnd(56)} ${fmt(rate(name)).padStart(8)} req/s   p99 per round ${m.p99.map((v) => fmt(v)).join('/')} ms`);
    }
    const vsPrism = rate(targets[0][0]) / rate(targets[1][0]);
    const vsBare = rate(targets[0][0]) / rate(targets[2][0]);
    console.log(`   sandbox / Prism = ${fmt(vsPrism, 1)}×  (target ≥ 10×)  ${verdict(vsPrism >= 10)}`);
    console.log(`   sandbox / bare  = ${fmt(vsBare, 2)}×  (target ≥ 0.6×) ${verdict(vsBare >= 0.6)}`);
  } finally {
    await sandbox.stop();
    await prism?.close();
    await bare?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The 1,000,000-job database: three projects over every scenario, one project of 250,000 migration jobs. Built once, then reused. */
function millionJobsDb(): { file: string; projects: string[]; streamProject: string } {
  const projects = generatedProjectIds(4);
  const spread = projects.slice(0, 3);
  const streamProject = projects[3] as string;
  const file = join(tmpdir(), 'drs-sandbox-bench-1m-v2.db');
  if (!existsSync(file)) {
    const building = `${file}.building`;
    rmSync(building, { force: true });
    const started = performance.now();
    const store = new JobStore(building);
    const stored = function* (jobs: Iterable<Parameters<typeof toStored>[0]>) {
      for (const job of jobs) yield toStored(job);
    };
    store.insert(stored(generateJobs(750_000, { projectIds: spread })), { bulk: true });
    store.insert(stored(generateJobs(250_000, { projectIds: [streamProject], dbUseTypes: ['migration'] })), { bulk: true });
    const size = store.size();
    store.close();
    // A rollback-journal file can be loaded as an in-memory image (a WAL one cannot).
    const db = new Database(building);
    db.pragma('journal_mode = DELETE');
    db.close();
    renameSync(building, file);
    console.log(`   built ${file}: ${fmt(size)} jobs in ${fmt((performance.now() - started) / 1000, 1)} s (reused by later runs)`);
  } else {
    console.log(`   reusing ${file}`);
  }
  return { file, projects: spread, streamProject };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb) * 1024;
}

async function millionJobs(): Promise<void> {
  console.log('\n2. 1,000,000 generated jobs');
  const { file, projects, streamProject } = millionJobsDb();
  // The store in memory, as `--generate` holds it (a file store would measure the disk cache instead).
  const sandbox = await spawnServer(['--expose-gc', '--conditions=@drs-contract/source', '--import', 'tsx', 'bench/memory-server.ts', file]);
  try {
    // Filtered pages over every status × engine × net combination and scenario, pages 1 to 3.
    const bodies: string[] = [];
    let i = 0;
    for (const status of enums.TaskStatus)
      for (const engine_type of enums.EngineType)
        for (const net_type of enums.NetType) {
          const db_use_type = enums.DbUseType[i % enums.DbUseType.length];
          bodies.push(JSON.stringify({ cur_page: 1 + (i % 3), per_page: 100, db_use_type, engine_type, status, net_type }));
          i++;
        }
    const project = projects[0] as string;
    let next = 0;
    const filtered = (conns: number) =>
      cannon(`filtered, ${conns} connection(s)`, {
        url: jobsUrl(sandbox.url, project),
        method: 'POST',
        headers,
        connections: conns,
        requests: [
          {
            method: 'POST',
            path: `/v3/${project}/jobs`,
            headers,
            setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
          },
        ],
      });
    // One connection: the latency of a page itself. Ten: the same under concurrent load (queueing included).
    for (const conns of [1, connections]) {
      const r = await filtered(conns);
      const judged = conns === 1 ? `  (target p99 < 20 ms) ${verdict(r.latency.p99 < 20)}` : '';
      console.log(
        `   filtered page (status + engine + net, per_page 100, ${bodies.length} combinations), ${conns} connection(s): ${fmt(r.requests.average)} req/s, ` +
          `p50 ${fmt(r.latency.p50, 1)} ms, p99 ${fmt(r.latency.p99, 1)} ms, max ${fmt(r.latency.max, 1)} ms${judged}`,
      );
    }

    // cur_page 0 over the 250,000 jobs of one project, read as it streams.
    const before = rssOf(sandbox.child.pid ?? 0);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(sandbox.child.pid ?? 0))), 5);
    const started = performance.now();
    const res = await fetch(jobsUrl(sandbox.url, streamProject), {
      method: 'POST',
      headers,
      body: JSON.stringify({ cur_page: 0, per_page: 0, db_use_type: 'migration', engine_type: '' }),
    });
    const chunks: Buffer[] = [];
    let bytes = 0;
    const reader = res.body?.getReader();
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      chunks.push(Buffer.from(read.value));
      bytes += read.value.length;
    }
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(sandbox.child.pid ?? 0));
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { jobs: unknown[]; total_record: number };
    const growth = (peak - before) / 2 ** 20;
    console.log(
      `   cur_page 0 over one project: ${fmt(parsed.jobs.length)} jobs (total_record ${fmt(parsed.total_record)}), ${fmt(bytes / 2 ** 20, 1)} MiB ` +
        `${res.headers.get('transfer-encoding') === 'chunked' ? 'streamed (chunked)' : 'NOT chunked'} in ${fmt(elapsed / 1000, 2)} s; ` +
        `server RSS ${fmt(before / 2 ** 20)} MiB → peak ${fmt(peak / 2 ** 20)} MiB, growth ${fmt(growth, 1)} MiB (target < 100 MB) ${verdict(growth * 2 ** 20 < 100e6)}`,
    );
  } finally {
    await sandbox.stop();
  }
}

console.log(`DRS sandbox benchmark — Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs`);
const only = process.env.BENCH_ONLY; // '1' or '2' runs one part
if (only !== '2') await throughput();
if (only !== '1') await millionJobs();
