// Calls per second through createDrsClient() against raw fetch, same keep-alive server, same run.
// Run: npm run bench -w packages/client  (or NX_DAEMON=false npx nx run client:bench); the source
// condition lets it run on the workspace packages' TypeScript without building them.
// The variants run interleaved in short batches, in random order, so a busy machine slows them alike.
// Per variant: the median batch as calls/s and µs per call (wall clock), the CPU time of this process
// per call, and the median over rounds of the ratio to each baseline.
// Options: BENCH_CALLS (calls per batch, default 100), BENCH_ROUNDS (batches per variant, default 40),
// BENCH_CONCURRENCY (calls in flight, default "1,8").
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import * as validator from '@drs-contract/validator';
import { createDrsClient, type ShowJobListRequest } from '../src/index.ts';

const calls = Number(process.env.BENCH_CALLS ?? 100);
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? '1,8').split(',').map(Number);
const target = 1.1;

const query = (JSON.parse(readFileSync(join(import.meta.dirname, '../../../openapi/examples/request-seed.json'), 'utf8')) as { value: ShowJobListRequest }).value;
const projectId = '054ba152d480d55b2f5dc0069e7ddef0';
const token = 'bench-token-'.padEnd(64, 'x');

const child = fork(join(import.meta.dirname, 'server.mjs'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve((m as { port: number }).port)));
const endpoint = `http://127.0.0.1:${port}`;
const url = `${endpoint}/v3/${projectId}/jobs`;

type Call = () => Promise<unknown>;
const variants: Array<[string, Call]> = [
  [
    'raw fetch',
    async () => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-auth-token': token },
        body: JSON.stringify(query),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
  ],
  [
    // The client's per-attempt timeout is an AbortSignal; undici's handling of it alone costs a share of
    // a loopback call, so this baseline shows what the wrapper adds beyond the timeout it must carry.
    'raw fetch + timeout signal',
    async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-auth-token': token },
          body: JSON.stringify(query),
          signal: controller.signal,
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return await res.json();
      } finally {
        clearTimeout(timer);
      }
    },
  ],
  ['client, validation off', ((c) => () => c.listJobs(query))(createDrsClient({ endpoint, projectId, token }))],
  ['client, validation on', ((c) => () => c.listJobs(query))(createDrsClient({ endpoint, projectId, token, validate: validator }))],
];

/** Wall-clock and CPU microseconds per call over `calls` calls, `concurrency` in flight at a time. */
async function measure(call: Call, concurrency: number): Promise<{ wall: number; cpu: number }> {
  let next = 0;
  const worker = async () => {
    while (next++ < calls) await call();
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = ((performance.now() - start) * 1000) / calls;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / calls };
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`node ${process.version}; ${rounds} batches of ${calls} calls per variant, interleaved, random order per round, ${collectGarbage ? 'GC before each batch' : 'no --expose-gc'}`);
console.log(`machine: ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (a busy machine widens the spread)`);
let worst = 0;
try {
  for (const concurrency of concurrencies) {
    for (const [, call] of variants) await measure(call, concurrency); // warm-up: connections, JIT
    const wall = new Map<string, number[]>(variants.map(([name]) => [name, []]));
    const cpu = new Map<string, number[]>(variants.map(([name]) => [name, []]));
    for (let r = 0; r < rounds; r++) {
      // A fresh random order each round, and a full GC before each batch (with --expose-gc), so no
      // variant pays for the garbage or the FinalizationRegistry work of the one before it.
      for (const [name, call] of shuffled(variants)) {
        collectGarbage?.();
        const m = await measure(call, concurrency);
        wall.get(name)!.push(m.wall);
        cpu.get(name)!.push(m.cpu);
      }
    }
    // Ratios are medians of per-round ratios: each round's batches ran back to back, so a load swing on
    // the machine hits both sides of a ratio.
    const ratio = (name: string, base: string, m: Map<string, number[]>) => median(m.get(name)!.map((x, i) => x / m.get(base)![i]!));
    console.log(`\nconcurrency ${concurrency}`);
    console.log(
      'variant'.padEnd(28) + 'calls/s'.padStart(9) + 'µs/call'.padStart(9) + 'vs raw'.padStart(8) + 'vs raw+timeout'.padStart(16) +
        'CPU µs/call'.padStart(13) + 'vs raw'.padStart(8),
    );
    for (const [name] of variants) {
      const w = median(wall.get(name)!);
      const vsRaw = ratio(name, 'raw fetch', wall);
      if (name === 'client, validation off') worst = Math.max(worst, vsRaw);
      console.log(
        name.padEnd(28) + (1e6 / w).toFixed(0).padStart(9) + w.toFixed(0).padStart(9) + `${vsRaw.toFixed(3)}x`.padStart(8) +
          `${ratio(name, 'raw fetch + timeout signal', wall).toFixed(3)}x`.padStart(16) +
          median(cpu.get(name)!).toFixed(0).padStart(13) + `${ratio(name, 'raw fetch', cpu).toFixed(3)}x`.padStart(8),
      );
    }
  }
  console.log(`\nclient with validation off: worst ${worst.toFixed(3)}x raw fetch time per call (target ≤ ${target.toFixed(2)}x): ${worst <= target ? 'OK' : 'ABOVE TARGET'}`);
} finally {
  child.disconnect();
  child.kill();
}
