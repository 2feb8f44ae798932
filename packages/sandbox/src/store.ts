// The job store: SQLite through better-sqlite3, in memory or in a file. A job is kept as the exact
// JSON it is answered with (`doc`) plus the columns the filters read, so a page is a few index
// lookups and a string join, never a parse-and-serialize of every job.
import Database from 'better-sqlite3';
import type { JobInfo, ResourceTag } from '@drs-contract/validator';

/** A job as stored: the answered JobInfo and the tenant data the filters use but the answer omits. */
export interface StoredJob {
  projectId: string;
  job: JobInfo;
  enterpriseProjectId?: string | undefined;
  serviceName?: string | undefined;
  tags?: readonly ResourceTag[] | undefined;
}

/** A normalized filter: `undefined` means "do not filter on this". */
export interface JobFilter {
  dbUseType: string;
  engineType?: string | undefined;
  netType?: string | undefined;
  status?: string | undefined;
  enterpriseProjectId?: string | undefined;
  serviceName?: string | undefined;
  /** Case-insensitive substring of the name, or the exact task ID. */
  name?: string | undefined;
  /** A job matches when it carries every one of these key/value pairs. */
  tags?: readonly ResourceTag[] | undefined;
}

const schemaVersion = 1;

/** The database file cannot be opened or is not a sandbox database. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

const filterIndexes = ['jobs_by_use', 'jobs_by_engine', 'jobs_by_engine_status_net', 'jobs_by_status', 'jobs_by_net'];

const schema = `
CREATE TABLE IF NOT EXISTS jobs (
  seq INTEGER PRIMARY KEY,
  project_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name_lower TEXT NOT NULL,
  status TEXT NOT NULL,
  create_time TEXT NOT NULL,
  engine_type TEXT NOT NULL,
  net_type TEXT NOT NULL,
  db_use_type TEXT NOT NULL,
  enterprise_project_id TEXT,
  service_name TEXT,
  doc TEXT NOT NULL,
  UNIQUE (project_id, id)
);
CREATE TABLE IF NOT EXISTS job_tags (
  job INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (job, key)
) WITHOUT ROWID;
-- Every query is scoped to one project and one db_use_type (required) and ordered by
-- create_time, id (D10). The widest index serves the usual engine+status+net filter with no
-- sort; the narrower ones keep other combinations on an index range. name_lower rides along in
-- jobs_by_use so a name search counts its matches from the index alone.
CREATE INDEX IF NOT EXISTS jobs_by_use ON jobs (project_id, db_use_type, create_time, id, name_lower);
CREATE INDEX IF NOT EXISTS jobs_by_engine ON jobs (project_id, db_use_type, engine_type, create_time, id);
CREATE INDEX IF NOT EXISTS jobs_by_engine_status_net ON jobs (project_id, db_use_type, engine_type, status, net_type, create_time, id);
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs (project_id, db_use_type, status, create_time, id);
CREATE INDEX IF NOT EXISTS jobs_by_net ON jobs (project_id, db_use_type, net_type, create_time, id);
`;

const order = 'ORDER BY create_time DESC, id DESC';

/**
 * A LIMIT written into the SQL: a bound LIMIT costs SQLite several times the whole lookup of a
 * small page (measured with better-sqlite3 12.6), while a bound OFFSET does not.
 */
function integer(n: number): number {
  if (!Number.isSafeInteger(n) || n < -1) throw new RangeError(`not a row limit: ${n}`);
  return n;
}

interface Where {
  sql: string;
  params: unknown[];
}

export class JobStore {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private analyzedAt = -1;

  /**
   * @param source a file path, `:memory:` (the default), or a serialized database (a Buffer such as
   *   `readFileSync` of a store file in rollback-journal mode) to work on as an in-memory copy.
   */
  constructor(source: string | Buffer = ':memory:') {
    const path = typeof source === 'string' ? source : ':memory:';
    this.path = path;
    let db: Database.Database | undefined;
    try {
      db = new Database(source);
      const version = db.pragma('user_version', { simple: true }) as number;
      const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
      // A database of someone else's (tables, but not ours) is refused rather than written into.
      if (tables > 0 && version !== schemaVersion) throw new Error(`not a sandbox database of schema version ${schemaVersion} (found version ${version})`);
      if (path !== ':memory:') {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      }
      db.exec(schema);
      db.pragma(`user_version = ${schemaVersion}`);
    } catch (error) {
      db?.close();
      throw new StoreError(`${path}: cannot be used as the sandbox database (${(error as Error).message})`);
    }
    this.db = db;
  }

  get open(): boolean {
    return this.db.open;
  }

  /** Number of jobs in the store, all projects. */
  size(): number {
    return this.prepare('SELECT count(*) FROM jobs').pluck().get() as number;
  }

  /** The projects that hold jobs, with their job counts. */
  projects(): { projectId: string; jobs: number }[] {
    const rows = this.prepare('SELECT project_id, count(*) FROM jobs GROUP BY project_id ORDER BY project_id').raw().all() as [string, number][];
    return rows.map(([projectId, jobs]) => ({ projectId, jobs }));
  }

  /**
   * Adds jobs in one transaction; a job with the ID of one already in its project replaces it.
   * `bulk` (for large loads) drops the filter indexes first and builds them again afterwards,
   * which is several times faster than updating them row by row.
   */
  insert(jobs: Iterable<StoredJob>, options: { bulk?: boolean } = {}): number {
    const columns = 'name_lower, status, create_time, engine_type, net_type, db_use_type, enterprise_project_id, service_name, doc';
    const add = this.prepare(
      `INSERT INTO jobs (project_id, id, ${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, id) DO NOTHING RETURNING seq`,
    ).pluck();
    const replace = this.prepare(
      `UPDATE jobs SET (${columns}) = (?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE project_id = ? AND id = ? RETURNING seq`,
    ).pluck();
    const clearTags = this.prepare('DELETE FROM job_tags WHERE job = ?');
    const addTag = this.prepare('INSERT OR REPLACE INTO job_tags (job, key, value) VALUES (?, ?, ?)');
    const run = this.db.transaction((all: Iterable<StoredJob>) => {
      if (options.bulk) for (const index of filterIndexes) this.db.exec(`DROP INDEX IF EXISTS ${index}`);
      let n = 0;
      for (const { projectId, job, enterpriseProjectId, serviceName, tags } of all) {
        const values = [
          job.name.toLowerCase(),
          job.status,
          job.create_time,
          job.engine_type,
          job.net_type,
          job.db_use_type,
          enterpriseProjectId ?? null,
          serviceName ?? null,
          JSON.stringify(job),
        ];
        let seq = add.get(projectId, job.id, ...values) as number | undefined;
        if (seq === undefined) {
          seq = replace.get(...values, projectId, job.id) as number;
          clearTags.run(seq);
        }
        for (const tag of tags ?? []) addTag.run(seq, tag.key, tag.value);
        n++;
      }
      if (options.bulk) this.db.exec(schema);
      return n;
    });
    try {
      return run(jobs);
    } finally {
      if (options.bulk) this.statements.clear();
      this.analyze();
    }
  }

  /** Number of jobs of `projectId` matching `filter` (D6 `total_record`). */
  count(projectId: string, filter: JobFilter): number {
    const where = this.where(projectId, filter);
    return this.prepare(`SELECT count(*) FROM jobs WHERE ${where.sql}`).pluck().get(...where.params) as number;
  }

  /** One page of matching jobs as their JSON text, newest first (D10); `limit` -1 for all of them. */
  page(projectId: string, filter: JobFilter, limit: number, offset: number): string[] {
    const where = this.where(projectId, filter);
    return this.prepare(`SELECT doc FROM jobs WHERE ${where.sql} ${order} LIMIT ${integer(limit)} OFFSET ?`)
      .pluck()
      .all(...where.params, offset) as string[];
  }

  /**
   * Every matching job, in batches, newest first. Each batch is its own keyset query, so no
   * statement stays open between batches and other requests can use the connection meanwhile.
   */
  *batches(projectId: string, filter: JobFilter, batchSize = 1000): Generator<string[], void, undefined> {
    const where = this.where(projectId, filter);
    const limit = integer(batchSize);
    const first = this.prepare(`SELECT create_time, id, doc FROM jobs WHERE ${where.sql} ${order} LIMIT ${limit}`).raw();
    const next = this.prepare(`SELECT create_time, id, doc FROM jobs WHERE ${where.sql} AND (create_time, id) < (?, ?) ${order} LIMIT ${limit}`).raw();
    let rows = first.all(...where.params) as [string, string, string][];
    while (rows.length > 0) {
      yield rows.map((r) => r[2]);
      const last = rows[rows.length - 1];
      if (rows.length < batchSize || !last) return;
      rows = next.all(...where.params, last[0], last[1]) as [string, string, string][];
    }
  }

  /** The query plan SQLite picks for a filter (for tests and the benchmark). */
  plan(projectId: string, filter: JobFilter): string[] {
    const where = this.where(projectId, filter);
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN SELECT doc FROM jobs WHERE ${where.sql} ${order} LIMIT 100`).all(...where.params) as { detail: string }[];
    return rows.map((r) => r.detail);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private analyze(): void {
    // Statistics let the planner choose between the indexes by selectivity; refresh them when the
    // data grew noticeably since the last time.
    const size = this.size();
    if (this.analyzedAt >= 0 && size < this.analyzedAt * 1.5 + 1000) return;
    // A sampled ANALYZE: good enough to rank the indexes, and quick at a million rows.
    this.db.pragma('analysis_limit = 2000');
    this.db.exec('ANALYZE');
    this.statements.clear();
    this.analyzedAt = size;
  }

  private where(projectId: string, f: JobFilter): Where {
    const clauses = ['project_id = ?', 'db_use_type = ?'];
    const params: unknown[] = [projectId, f.dbUseType];
    const equal = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      clauses.push(`${column} = ?`);
      params.push(value);
    };
    equal('engine_type', f.engineType);
    equal('status', f.status);
    equal('net_type', f.netType);
    equal('enterprise_project_id', f.enterpriseProjectId);
    equal('service_name', f.serviceName);
    if (f.name !== undefined) {
      clauses.push('(instr(name_lower, ?) > 0 OR id = ?)');
      params.push(f.name.toLowerCase(), f.name);
    }
    for (const tag of f.tags ?? []) {
      clauses.push('EXISTS (SELECT 1 FROM job_tags t WHERE t.job = jobs.seq AND t.key = ? AND t.value = ?)');
      params.push(tag.key, tag.value);
    }
    return { sql: clauses.join(' AND '), params };
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= 5000) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
