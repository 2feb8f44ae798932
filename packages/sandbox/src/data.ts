// The sandbox's data: the default jobs (the seed's example response plus two older migration jobs of
// ours), deterministic synthetic jobs for load tests, and fixture files checked against JobInfo.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { enums, requestLimits, validateRequest, validateResponse, type DbUseType, type JobInfo, type ResourceTag } from '@drs-contract/validator';
import { seedProjectId, seedResponse } from './generated/seed.js';
import type { StoredJob } from './store.js';

/**
 * A job as callers hand it to the sandbox: a JobInfo plus optional tenant data that the filters
 * read but answers never carry (the spec's JobInfo has no such fields). `project_id` defaults to
 * the seed's project.
 */
export type SandboxJob = JobInfo & {
  project_id?: string;
  enterprise_project_id?: string;
  service_name?: string;
  tags?: ResourceTag[];
};

export { seedProjectId };

/**
 * Two migration jobs older than every seed job, so the seed request (5 per page, newest first)
 * answers the seed's five jobs with `total_record` 7, as the reference page's example does.
 */
const olderMigrationJobs: JobInfo[] = [
  {
    id: '3b5c9a1e-7d24-4f0b-9e61-2a8c4d6f0jb101',
    name: 'DRS-1207-orders-archive',
    status: 'FULL_TRANSFER_COMPLETE',
    description: 'One-off copy of the orders archive into RDS for MySQL.',
    create_time: '2020-12-10 09:30:00',
    engine_type: 'mysql',
    net_type: 'vpc',
    billing_tag: false,
    job_direction: 'up',
    db_use_type: 'migration',
    task_type: 'FULL_TRANS',
    node_newFramework: true,
  },
  {
    id: '9e0f2d47-18ac-4b3e-a5d9-6c7b8e1f2jb101',
    name: 'DRS-0913-catalog-mongo',
    status: 'CREATE_FAILED',
    description: '',
    create_time: '2020-11-30 18:05:12',
    error_msg: 'The source database could not be reached over VPN.',
    engine_type: 'mongodb',
    net_type: 'vpn',
    billing_tag: false,
    job_direction: 'up',
    db_use_type: 'migration',
    task_type: 'FULL_INCR_TRANS',
    node_newFramework: false,
  },
];

/** The default data: the seed response's five jobs and two older migration jobs, all in the seed's project. */
export function defaultJobs(): SandboxJob[] {
  return [...seedResponse.jobs, ...olderMigrationJobs].map((job) => ({ ...job, project_id: seedProjectId }));
}

/** Splits a SandboxJob into what is answered and what only the filters see. */
export function toStored(job: SandboxJob, defaultProjectId: string = seedProjectId): StoredJob {
  const { project_id, enterprise_project_id, service_name, tags, ...info } = job;
  return {
    projectId: project_id ?? defaultProjectId,
    job: info,
    enterpriseProjectId: enterprise_project_id,
    serviceName: service_name,
    tags,
  };
}

// --- synthetic jobs -------------------------------------------------------------------------

/** The project IDs `--generate` spreads jobs over: 32 hex characters like real ones, stable across runs. */
export function generatedProjectIds(count = 4): string[] {
  return Array.from({ length: count }, (_, i) => createHash('md5').update(`drs-sandbox-project-${i}`).digest('hex'));
}

/** A small deterministic PRNG (mulberry32), so `--generate N` yields the same jobs every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(values: readonly T[], r: number): T => values[Math.floor(r * values.length)] as T;
const words = ['orders', 'billing', 'users', 'inventory', 'analytics', 'payments', 'search', 'audit'];
const teams = ['payments', 'search', 'platform'];
const stages = ['prod', 'test'];
const enterpriseProjects = ['0', '6f1c0a52-3b7e-4d19-8c2a-5e4f3d2c1b0a', 'b2d4f6a8-0c1e-4a3b-9d5f-7e6c8a0b2d4f'];
const epoch = Date.UTC(2024, 0, 1);

function timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export interface GenerateOptions {
  /** Projects to spread the jobs over (default: the four of `generatedProjectIds()`). */
  projectIds?: readonly string[];
  /** Scenarios to spread the jobs over (default: every DbUseType). */
  dbUseTypes?: readonly DbUseType[];
}

/**
 * `n` synthetic jobs. The fields the filters read walk every enum value in a mixed radix (so any
 * N ≥ 990 × projects covers every combination of scenario, engine, network and status evenly);
 * the rest is drawn from a seeded PRNG. Job i is the same in every run.
 */
export function* generateJobs(n: number, options: GenerateOptions = {}): Generator<SandboxJob, void, undefined> {
  const projects = options.projectIds ?? generatedProjectIds();
  const { EngineType, NetType, TaskStatus, JobDirection, TaskType } = enums;
  const DbUseType = options.dbUseTypes ?? enums.DbUseType;
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / projects.length);
    const r = random(i + 1);
    let c = k;
    const next = <T>(values: readonly T[]): T => {
      const value = values[c % values.length] as T;
      c = Math.floor(c / values.length);
      return value;
    };
    const db_use_type = next(DbUseType);
    const engine_type = next(EngineType);
    const net_type = next(NetType);
    const status = next(TaskStatus);
    const failed = status.endsWith('FAILED');
    const tags: ResourceTag[] = [];
    if (r() < 0.7) tags.push({ key: 'team', value: pick(teams, r()) });
    if (r() < 0.5) tags.push({ key: 'env', value: pick(stages, r()) });
    const job: SandboxJob = {
      id: `sandbox-${String(i).padStart(9, '0')}-jb101`,
      name: `DRS-${String(i % 10000).padStart(4, '0')}-${pick(words, r())}`,
      status,
      description: r() < 0.2 ? `Synthetic ${db_use_type} task ${i}` : '',
      create_time: timestamp(epoch - i * 13_000),
      engine_type,
      net_type,
      billing_tag: r() < 0.3,
      job_direction: pick(JobDirection, r()),
      db_use_type,
      task_type: pick(TaskType, r()),
      node_newFramework: r() < 0.5,
      project_id: projects[i % projects.length] as string,
      enterprise_project_id: pick(enterpriseProjects, r()),
      tags,
    };
    if (failed) job.error_msg = `Synthetic failure of task ${i}.`;
    yield job;
  }
}

// --- fixtures -------------------------------------------------------------------------------

/** A fixture file that cannot be loaded: names the file, the job index and the field. */
export class FixtureError extends Error {
  override readonly name = 'FixtureError';
  constructor(
    readonly file: string,
    readonly index: number | undefined,
    readonly field: string | undefined,
    reason: string,
  ) {
    super(`${file}${index === undefined ? '' : `: job ${index}`}${field === undefined ? '' : `: field ${field}`}: ${reason}`);
  }
}

const fieldOf = (pointer: string): string => pointer.split('/').slice(1).join('.') || '(the job itself)';

/**
 * Checks jobs handed to the sandbox: every job a JobInfo (strict, as the spec says), and the
 * tenant data valid by the request schema's own rules (tags, enterprise project, service name,
 * project ID). Throws a FixtureError naming `source`, the job index and the field.
 */
export function checkJobs(jobs: unknown, source: string): SandboxJob[] {
  if (!Array.isArray(jobs)) throw new FixtureError(source, undefined, undefined, 'expected an array of jobs or an object with a "jobs" array');
  const answered: unknown[] = [];
  jobs.forEach((job: unknown, index) => {
    if (job === null || typeof job !== 'object' || Array.isArray(job)) {
      throw new FixtureError(source, index, undefined, 'a job must be an object');
    }
    const { project_id, enterprise_project_id, service_name, tags, ...info } = job as Record<string, unknown>;
    answered.push(info);
    // The tenant fields go through the validator as the request fields they are filtered by.
    const meta = validateRequest({
      projectId: project_id ?? seedProjectId,
      headers: { 'X-Auth-Token': 'fixture' },
      body: {
        cur_page: requestLimits.curPage.default,
        per_page: requestLimits.perPage.default,
        db_use_type: enums.DbUseType[0],
        ...(enterprise_project_id === undefined ? {} : { enterprise_project_id }),
        ...(service_name === undefined ? {} : { service_name }),
        ...(tags === undefined ? {} : { tags }),
      },
    });
    const bad = meta.errors[0];
    if (bad) throw new FixtureError(source, index, fieldOf(bad.pointer), bad.message);
    // A job holds one value per tag key; a second value for a key would silently replace the first.
    if (Array.isArray(tags)) {
      const keys = new Set<unknown>();
      tags.forEach((tag: { key?: unknown }, i) => {
        if (keys.has(tag.key)) throw new FixtureError(source, index, `tags[${i}].key`, `repeats the tag key ${JSON.stringify(tag.key)}`);
        keys.add(tag.key);
      });
    }
  });
  const result = validateResponse(200, { total_record: answered.length, jobs: answered }, { mode: 'strict' });
  const bad = result.errors[0];
  if (bad) {
    const match = /^\/jobs\/(\d+)(\/.*)?$/.exec(bad.pointer);
    if (match) throw new FixtureError(source, Number(match[1]), fieldOf(match[2] ?? ''), bad.message);
    throw new FixtureError(source, undefined, fieldOf(bad.pointer), bad.message);
  }
  const seen = new Map<string, number>();
  (jobs as SandboxJob[]).forEach((job, index) => {
    const key = `${job.project_id ?? seedProjectId}\u0000${job.id}`;
    const first = seen.get(key);
    if (first !== undefined) throw new FixtureError(source, index, 'id', `duplicates the ID of job ${first} in the same project`);
    seen.set(key, index);
  });
  return jobs as SandboxJob[];
}

/** Reads a fixture file: a JSON array of jobs, or an object with a `jobs` array (a saved answer). */
export function loadFixture(file: string): SandboxJob[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FixtureError(file, undefined, undefined, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FixtureError(file, undefined, undefined, `is not valid JSON (${(error as Error).message})`);
  }
  const jobs = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { jobs?: unknown }).jobs : parsed;
  return checkJobs(jobs, file);
}
