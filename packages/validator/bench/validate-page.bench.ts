// Benchmark: validate a full 100-job page built from the seed's jobs. Prints validations/s and, measured
// in the same run on the same text, the ratio to JSON.parse and to Ajv compiling the same schema at run time.
// Run: npm run bench -w packages/validator (or: npx nx run validator:bench)
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { validateResponse, type JobInfo, type ShowJobListResponse } from '../src/index.ts';
import { validateShowJobListResponse } from '../src/generated/validators.js';
import { targets } from '../src/generated/spec-data.ts';
import { ajvOptions, schemaId } from '../scripts/schemas.ts';

const seed = (JSON.parse(readFileSync(new URL('../../../openapi/examples/response-200-seed.json', import.meta.url), 'utf8')) as { value: ShowJobListResponse }).value;
const jobs: JobInfo[] = Array.from({ length: 100 }, (_, i) => {
  const job = structuredClone(seed.jobs[i % seed.jobs.length] as JobInfo);
  job.id = `${job.id.slice(0, -3)}${String(i).padStart(3, '0')}`; // unique, same length as the seed's IDs
  return job;
});
const text = JSON.stringify({ total_record: 1000, jobs } satisfies ShowJobListResponse);
const page: unknown = JSON.parse(text);

const ajv = new Ajv({ ...ajvOptions, schemas: [JSON.parse(readFileSync(new URL('../src/generated/schemas.json', import.meta.url), 'utf8')) as object] });
const runtimeCompiled = ajv.getSchema(`${schemaId}#/$defs/${targets.responses['200']}`);
if (runtimeCompiled === undefined) throw new Error('schema not found');
if (!validateShowJobListResponse(page) || !runtimeCompiled(page) || !validateResponse(200, page).valid) throw new Error('the benchmark page must be valid');

let sink = 0;
const cases: Record<string, () => void> = {
  'JSON.parse (baseline)': () => {
    sink += (JSON.parse(text) as { jobs: unknown[] }).jobs.length;
  },
  'standalone validator (generated)': () => {
    sink += validateShowJobListResponse(page) ? 1 : 0;
  },
  'validateResponse(200, page) (public API)': () => {
    sink += validateResponse(200, page).valid ? 1 : 0;
  },
  'Ajv compiled at run time': () => {
    sink += runtimeCompiled(page) ? 1 : 0;
  },
};

/**
 * Operations per CPU-second of `fn` over a slice of about `ms` ms of this process's CPU time. CPU time
 * rather than wall time, so other work on a shared machine does not count against whichever case it hits.
 */
function opsPerSecond(fn: () => void, ms: number): number {
  let n = 0;
  const start = process.cpuUsage();
  let used = 0;
  while (used < ms * 1000) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    const d = process.cpuUsage(start);
    used = d.user + d.system;
  }
  return n / (used / 1e6);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

for (const fn of Object.values(cases)) opsPerSecond(fn, 300); // warm-up: let V8 optimise every case
const rounds = 8;
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const order = Object.entries(cases);
for (let r = 0; r < rounds; r++) {
  // interleaved rounds, each starting one case later, so no case always follows JSON.parse's garbage
  for (let k = 0; k < order.length; k++) {
    const [name, fn] = order[(r + k) % order.length] ?? [];
    if (name !== undefined && fn !== undefined) samples[name]?.push(opsPerSecond(fn, 250));
  }
}
const ops = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));

const parse = ops['JSON.parse (baseline)'] ?? 0;
const standalone = ops['standalone validator (generated)'] ?? 0;
const api = ops['validateResponse(200, page) (public API)'] ?? 0;
const runtime = ops['Ajv compiled at run time'] ?? 0;

console.log(`page: ${jobs.length} jobs, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB of JSON; node ${process.version}; median of ${rounds} interleaved rounds, per CPU-second`);
console.table(Object.fromEntries(Object.entries(ops).map(([k, v]) => [k, { 'ops/s': Math.round(v), 'µs/op': Number((1e6 / v).toFixed(2)) }])));
console.log(`validation time / JSON.parse time:        standalone ${(parse / standalone).toFixed(3)}x, public API ${(parse / api).toFixed(3)}x   (target <= 0.1x)`);
console.log(`validation time / runtime-compiled Ajv:   standalone ${(runtime / standalone).toFixed(3)}x, public API ${(runtime / api).toFixed(3)}x   (target <= 1x)`);
if (sink === 0) console.log('(unreachable)');
