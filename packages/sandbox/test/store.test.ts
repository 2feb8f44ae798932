// The store and the generated data: every enum value covered, deterministic, valid; indexes used;
// and filters over thousands of generated jobs agree with a plain-array reading of the spec.
import { afterAll, describe, expect, it } from 'vitest';
import { enums, requestLimits, validateResponse, type ShowJobListRequest } from '@drs-contract/validator';
import { generateJobs, generatedProjectIds, JobStore, openStore, toFilter, toStored, type SandboxJob } from '../src/index.ts';

const n = 6000;
const jobs = [...generateJobs(n)];
const store = openStore({ jobs: [], generate: n });
afterAll(() => store.close());

describe('generated jobs', () => {
  it('are the same on every run', () => {
    expect([...generateJobs(50)]).toEqual(jobs.slice(0, 50));
  });

  it('spread over several projects and every value of every enum', () => {
    expect(new Set(jobs.map((j) => j.project_id))).toEqual(new Set(generatedProjectIds()));
    const covered = (pick: (j: SandboxJob) => string) => new Set(jobs.map(pick));
    expect(covered((j) => j.db_use_type)).toEqual(new Set(enums.DbUseType));
    expect(covered((j) => j.engine_type)).toEqual(new Set(enums.EngineType));
    expect(covered((j) => j.net_type)).toEqual(new Set(enums.NetType));
    expect(covered((j) => j.status)).toEqual(new Set(enums.TaskStatus));
    expect(covered((j) => j.job_direction)).toEqual(new Set(enums.JobDirection));
    expect(covered((j) => j.task_type)).toEqual(new Set(enums.TaskType));
    // every scenario × engine × network × status combination, in every project, once N ≥ 990 × 4
    const combos = new Set(jobs.map((j) => `${j.project_id}|${j.db_use_type}|${j.engine_type}|${j.net_type}|${j.status}`));
    expect(combos.size).toBe(4 * 990);
  });

  it('are valid JobInfo answers', () => {
    const answered = jobs.slice(0, 2000).map((j) => toStored(j).job);
    expect(validateResponse(200, { total_record: answered.length, jobs: answered }).errors).toEqual([]);
  });

  it('are all in the store', () => {
    expect(store.size()).toBe(n);
    expect(store.projects().map((p) => p.jobs)).toEqual([1500, 1500, 1500, 1500]);
  });
});

describe('queries', () => {
  const project = generatedProjectIds()[0] as string;

  it('serve the status + engine + net filter from one index, without a sort', () => {
    const plan = store.plan(project, toFilter({ cur_page: 1, per_page: 100, db_use_type: 'sync', engine_type: 'mysql', status: 'CONFIGURATION', net_type: 'vpc' })).join('\n');
    expect(plan).toContain('USING INDEX jobs_by_engine_status_net');
    expect(plan).not.toMatch(/TEMP B-TREE|SCAN jobs\b(?! USING)/);
  });

  it('never scan the whole table, whatever the filters', () => {
    const bodies: ShowJobListRequest[] = [
      { cur_page: 1, per_page: 10, db_use_type: 'migration', engine_type: '' },
      { cur_page: 1, per_page: 10, db_use_type: 'migration', engine_type: '', status: 'CREATING' },
      { cur_page: 1, per_page: 10, db_use_type: 'migration', engine_type: '', net_type: 'vpn' },
      { cur_page: 1, per_page: 10, db_use_type: 'migration', name: 'orders' },
      { cur_page: 1, per_page: 10, db_use_type: 'migration', tags: [{ key: 'team', value: 'search' }] },
    ];
    for (const body of bodies) {
      const plan = store.plan(project, toFilter(body)).join('\n');
      expect(plan, JSON.stringify(body)).toMatch(/SEARCH jobs USING (COVERING )?INDEX/);
    }
  });

  // The spec's semantics read straight off the array, to compare the store's SQL with.
  const oracle = (projectId: string, body: ShowJobListRequest) => {
    const engine = body.engine_type === undefined ? requestLimits.engineTypeDefault : body.engine_type;
    const matches = jobs
      .filter(
        (j) =>
          j.project_id === projectId &&
          j.db_use_type === body.db_use_type &&
          (engine === '' || j.engine_type === engine) &&
          (!body.net_type || j.net_type === body.net_type) &&
          (!body.status || j.status === body.status) &&
          (body.enterprise_project_id === undefined || j.enterprise_project_id === body.enterprise_project_id) &&
          (!body.name || j.name.toLowerCase().includes(body.name.toLowerCase()) || j.id === body.name) &&
          (body.tags ?? []).every((t) => (j.tags ?? []).some((jt) => jt.key === t.key && jt.value === t.value)),
      )
      .sort((a, b) => (a.create_time === b.create_time ? (a.id < b.id ? 1 : -1) : a.create_time < b.create_time ? 1 : -1));
    return matches;
  };

  it('agree with the spec read off a plain array over 300 varied requests', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const one = <T>(values: readonly T[]) => values[Math.floor(rnd() * values.length)] as T;
    let nonEmpty = 0;
    for (let i = 0; i < 300; i++) {
      const body: ShowJobListRequest = { cur_page: 1 + Math.floor(rnd() * 3), per_page: one([1, 5, 10, 100]), db_use_type: one(enums.DbUseType) };
      if (rnd() < 0.8) body.engine_type = one(['', ...enums.EngineType]);
      if (rnd() < 0.5) body.net_type = one(['', ...enums.NetType]);
      if (rnd() < 0.3) body.status = one(['', ...enums.TaskStatus]);
      if (rnd() < 0.2) body.name = one(['orders', 'DRS-00', 'BILLING', 'sandbox-000000042-jb101']);
      if (rnd() < 0.2) body.enterprise_project_id = one(['0', '6f1c0a52-3b7e-4d19-8c2a-5e4f3d2c1b0a']);
      if (rnd() < 0.3) body.tags = one([[{ key: 'team', value: 'payments' }], [{ key: 'team', value: 'search' }, { key: 'env', value: 'prod' }]]);
      const projectId = one(generatedProjectIds());
      const expected = oracle(projectId, body);
      const filter = toFilter(body);
      expect(store.count(projectId, filter)).toBe(expected.length);
      const offset = (body.cur_page - 1) * body.per_page;
      const page = store.page(projectId, filter, body.per_page, offset).map((d) => (JSON.parse(d) as { id: string }).id);
      expect(page, JSON.stringify(body)).toEqual(expected.slice(offset, offset + body.per_page).map((j) => j.id));
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('return every match in keyset batches, in order', () => {
    const filter = toFilter({ cur_page: 0, per_page: 0, db_use_type: 'migration', engine_type: '' });
    const batches = [...store.batches(project, filter, 64)];
    expect(batches.length).toBeGreaterThan(3);
    const streamed = batches.flat().map((d) => (JSON.parse(d) as { id: string }).id);
    expect(streamed).toEqual(oracle(project, { cur_page: 0, per_page: 0, db_use_type: 'migration', engine_type: '' }).map((j) => j.id));
  });
});

describe('the store file', () => {
  it('refuses a file that is not a sandbox database', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'drs-store-'));
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE jobs (x); PRAGMA user_version = 99');
    other.close();
    expect(() => new JobStore(join(dir, 'other.db'))).toThrow(/not a sandbox database/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces a job loaded twice instead of duplicating it, tags included', () => {
    const s = new JobStore();
    const [first] = [...generateJobs(1)];
    if (!first) throw new Error('no job');
    s.insert([toStored({ ...first, tags: [{ key: 'team', value: 'a' }] })]);
    s.insert([toStored({ ...first, name: 'renamed', tags: [{ key: 'team', value: 'b' }] })]);
    expect(s.size()).toBe(1);
    const projectId = first.project_id as string;
    const base = { dbUseType: first.db_use_type };
    expect(s.count(projectId, { ...base, tags: [{ key: 'team', value: 'a' }] })).toBe(0);
    expect(s.count(projectId, { ...base, tags: [{ key: 'team', value: 'b' }] })).toBe(1);
    expect(JSON.parse(s.page(projectId, base, 1, 0)[0] ?? '{}')).toMatchObject({ name: 'renamed' });
    s.close();
  });
});
