// One test per decision the seed page forces (D1..D12 in the spec's description and x-drs-decisions).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { at, obj, operation, readJson, schemas, spec, specDir, validate, type Json, type JsonObject } from './support.ts';

const seedRequest = readJson<JsonObject>(join(specDir, 'examples/request-seed.json')).value as JsonObject;
const seedResponse = readJson<JsonObject>(join(specDir, 'examples/response-200-seed.json')).value as JsonObject;
const seedJobs = seedResponse.jobs as JsonObject[];
const request = obj(schemas.ShowJobListRequest);
const requestProps = obj(request.properties);
const job = obj(schemas.JobInfo);
const enumOf = (name: string) => obj(schemas[name]).enum as string[];
const withBody = (patch: JsonObject) => validate('request.body', { ...seedRequest, ...patch });
const withJob = (patch: JsonObject) =>
  validate('response.200', { ...seedResponse, jobs: [{ ...seedJobs[0], ...patch }] });
const refsOf = (prop: string) => ((obj(requestProps[prop]).anyOf ?? []) as JsonObject[]).map((s) => s.$ref);

describe('decisions recorded in the spec', () => {
  it('lists D1..D12 in x-drs-decisions, each described in info.description, each place resolving', () => {
    const decisions = spec['x-drs-decisions'] as JsonObject[];
    expect(decisions.map((d) => d.id)).toEqual(Array.from({ length: 13 }, (_, i) => `D${i + 1}`));
    const description = String(obj(spec.info).description);
    for (const d of decisions) {
      expect(description).toContain(`**${String(d.id)}**`);
      for (const pointer of String(d.where).match(/#\/[^,\s]+/g) ?? []) expect(at(spec, pointer), pointer).toBeDefined();
    }
  });

  it('D1: optional string filters accept "" (the seed request validates)', () => {
    expect(validate('request.body', seedRequest)).toEqual([]);
    for (const p of ['engine_type', 'net_type', 'status']) expect(refsOf(p)).toContain('#/components/schemas/NoFilter');
    expect(withBody({ service_name: '', name: '' })).toEqual([]);
    expect(enumOf('NoFilter')).toEqual(['']);
    // the required scenario is no filter: "" is refused there
    expect(withBody({ db_use_type: '' })).toContainEqual({ pointer: '/db_use_type', keyword: 'enum' });
  });

  it('D2: job_direction allows up, down and non-dbs', () => {
    expect(enumOf('JobDirection')).toEqual(['up', 'down', 'non-dbs']);
    expect(seedJobs.map((j) => j.job_direction)).toContain('non-dbs');
    expect(withJob({ job_direction: 'non-dbs' })).toEqual([]);
  });

  it('D3: a job may carry error_msg, and need not', () => {
    expect(obj(job.properties).error_msg).toMatchObject({ type: 'string' });
    expect(job.required).not.toContain('error_msg');
    expect(seedJobs.filter((j) => 'error_msg' in j)).toHaveLength(1);
  });

  it('D4: ids are plain strings; create_time is YYYY-MM-DD HH:mm:ss', () => {
    expect(obj(obj(job.properties).id)).not.toHaveProperty('format');
    expect(withJob({ id: 'not-a-uuid-jb101' })).toEqual([]);
    expect(withJob({ create_time: '2020-12-21 10:57:49' })).toEqual([]);
    for (const bad of ['2020-12-21T10:57:49Z', '2020-12-21', '2020-13-01 00:00:00', '2020-12-21 24:00:00']) {
      expect(withJob({ create_time: bad }), bad).toContainEqual({ pointer: '/jobs/0/create_time', keyword: 'pattern' });
    }
  });

  it('D5: JobInfo requires exactly the 12 fields every example job has; ChildrenJobInfo requires none', () => {
    const common = Object.keys(seedJobs[0] ?? {}).filter((k) => seedJobs.every((j) => k in j));
    expect([...(job.required as string[])].sort()).toEqual(common.sort());
    expect(job.required).toHaveLength(12);
    expect(obj(schemas.ChildrenJobInfo)).not.toHaveProperty('required');
    expect(withJob({ children: [{}] })).toEqual([]);
  });

  it('D6: paging bounds, cur_page 0 for all, and the per_page 0 rule declared for the validator', () => {
    expect(obj(requestProps.cur_page)).toMatchObject({ type: 'integer', minimum: 0, default: 1 });
    expect(obj(requestProps.per_page)).toMatchObject({ type: 'integer', minimum: 0, maximum: 100, default: 10 });
    expect(withBody({ cur_page: 0, per_page: 0 })).toEqual([]);
    const rules = operation['x-drs-rules'] as JsonObject[];
    expect(rules).toContainEqual(expect.objectContaining({ id: 'per-page-zero-needs-first-page', decision: 'D6', 'error-code': 'DRS.M00210' }));
    // JSON Schema alone lets it through: the validator package owns this one rule
    expect(withBody({ cur_page: 2, per_page: 0 })).toEqual([]);
    expect(seedResponse.total_record).toBeGreaterThan(seedJobs.length);
  });

  it('D7: absent engine_type defaults to mysql; "" means any engine', () => {
    expect(obj(requestProps.engine_type).default).toBe('mysql');
    expect(enumOf('EngineType')).toContain('mysql');
    expect(request.required).not.toContain('engine_type');
  });

  it('D8: tags is an array of ResourceTag; the SDK string map is refused', () => {
    expect(obj(requestProps.tags)).toMatchObject({ type: 'array', maxItems: 20, items: { $ref: '#/components/schemas/ResourceTag' } });
    expect(withBody({ tags: [{ key: 'team', value: 'payments' }] })).toEqual([]);
    expect(withBody({ tags: { team: 'payments' } })).toContainEqual({ pointer: '/tags', keyword: 'type' });
    expect(String(obj(requestProps.tags).description)).toMatch(/SDKs send a string map/);
  });

  it('D9: unknown properties are allowed in requests and responses', () => {
    expect(JSON.stringify(spec)).not.toMatch(/"additionalProperties":\s*false/);
    expect(withBody({ some_future_filter: 'x' })).toEqual([]);
    expect(validate('response.200', { ...seedResponse, next_marker: 'x', jobs: [{ ...seedJobs[0], new_field: 1 }] })).toEqual([]);
  });

  it('D10: the seed response is ordered by create_time descending, then id', () => {
    const keys = seedJobs.map((j) => `${String(j.create_time)}|${String(j.id)}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(String(obj(obj(schemas.ShowJobListResponse).properties).jobs && obj(obj(obj(schemas.ShowJobListResponse).properties).jobs).description)).toMatch(/create_time.*descending/s);
  });

  it('D11: the status filter takes all 22 task statuses', () => {
    expect(enumOf('TaskStatus')).toHaveLength(22);
    expect(refsOf('status')).toContain('#/components/schemas/TaskStatus');
    for (const s of enumOf('TaskStatus')) expect(withBody({ status: s })).toEqual([]);
  });

  it('D12: enterprise_project_id must not be blank when sent', () => {
    expect(withBody({ enterprise_project_id: '' })).toContainEqual({ pointer: '/enterprise_project_id', keyword: 'minLength' });
    expect(withBody({ enterprise_project_id: ' \t ' })).toContainEqual({ pointer: '/enterprise_project_id', keyword: 'pattern' });
    expect(withBody({ enterprise_project_id: '0' })).toEqual([]);
    expect(withBody({ enterprise_project_id: ' 0 ' })).toEqual([]);
  });

  it('D13: free-text filters are at most 255 characters', () => {
    for (const field of ['name', 'service_name', 'enterprise_project_id']) {
      expect(withBody({ [field]: 'x'.repeat(255) }), field).toEqual([]);
      expect(withBody({ [field]: 'x'.repeat(256) }), field).toContainEqual({ pointer: `/${field}`, keyword: 'maxLength' });
    }
  });
});

describe('generator hints', () => {
  it('x-enum-varnames name every value of its enum, in order, as UPPER_SNAKE identifiers', () => {
    const hinted = Object.entries(schemas).filter(([, s]) => 'x-enum-varnames' in obj(s));
    expect(hinted.map(([name]) => name).sort()).toEqual(['EngineType', 'JobDirection', 'Language', 'NoFilter']);
    for (const [name, s] of hinted) {
      const names = obj(s)['x-enum-varnames'] as string[];
      expect(names, name).toHaveLength((obj(s).enum as string[]).length);
      for (const n of names) expect(n, name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });
});

describe('error registry (x-drs-error-codes)', () => {
  const registry = spec['x-drs-error-codes'] as JsonObject[];
  const codesIn = (text: string) => new Set(text.match(/DRS\.M\d{5}/g) ?? []);
  const responses = obj(operation.responses);

  it('every registry code is documented in a response description, and every documented code is in the registry', () => {
    const documented = new Set<string>();
    for (const [status, r] of Object.entries(responses)) {
      if (status === '200') continue;
      const resolved = obj(at(spec, String(obj(r).$ref)));
      for (const code of codesIn(String(resolved.description))) documented.add(code);
    }
    expect([...documented].sort()).toEqual(registry.map((e) => String(e.code)).sort());
  });

  it('each error response example uses a registry code with the status it is documented under', () => {
    for (const [status, r] of Object.entries(responses)) {
      if (status === '200') continue;
      const examples = obj(at(obj(at(spec, String(obj(r).$ref))), '/content/application~1json/examples'));
      for (const ex of Object.values(examples)) {
        const value = obj(obj(at(spec, String(obj(ex).$ref))).value);
        const entry = registry.find((e) => e.code === value.error_code);
        expect(entry, String(value.error_code)).toBeDefined();
        expect(entry?.status).toBe(Number(status));
      }
    }
  });

  it('has an English and a Chinese message for every code', () => {
    for (const e of registry) {
      expect(String(e['en-us'])).toMatch(/\S/);
      expect(String(e['zh-cn'])).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('the seed page, table by table', () => {
  const seed = readFileSync(join(specDir, 'reference/drs_03_0138.rst'), 'utf8');
  const table = (n: number) => {
    const start = seed.indexOf(`**Table ${n}**`);
    const end = seed.indexOf('.. table::', start + 10);
    return seed.slice(start, end === -1 ? undefined : end);
  };
  const firstColumn = (text: string) =>
    [...text.matchAll(/^\s*\|\s([a-zA-Z_]+)\s+\|\s+(?:Yes|No|Integer|String|Boolean|Array)/gm)].map((m) => m[1]);
  const bolds = (text: string) => [...text.matchAll(/-\s+\*\*([A-Za-z_-]+)\*\*/g)].map((m) => m[1] as Json);

  it('Table 1: the project_id path parameter', () => {
    expect(obj(at(spec, '/components/parameters/ProjectId'))).toMatchObject({ name: 'project_id', in: 'path', required: true });
  });

  it('Table 2: X-Auth-Token as apiKey, X-Language with its values and default', () => {
    expect(obj(at(spec, '/components/securitySchemes/iamToken'))).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Auth-Token' });
    expect(operation.security).toEqual([{ iamToken: [] }]);
    expect(enumOf('Language')).toEqual(bolds(table(2)).filter((v) => v !== 'application'));
    expect(obj(schemas.Language).default).toBe('en-us');
    expect(Object.keys(obj(at(operation, '/requestBody/content')))).toEqual(['application/json']);
  });

  it('Table 3: every request field, with its required flag and every listed value', () => {
    const t = table(3);
    const rows = [...t.matchAll(/^\s*\|\s([a-z_]+)\s+\|\s+(Yes|No)\s/gm)].map((m) => [m[1], m[2]] as const);
    expect(rows).toHaveLength(10);
    expect(Object.keys(requestProps).sort()).toEqual(rows.map(([n]) => n).sort());
    for (const [name, mandatory] of rows) expect((request.required as string[]).includes(String(name)), String(name)).toBe(mandatory === 'Yes');
    const listed = new Set(bolds(t));
    const specValues = new Set([...enumOf('DbUseType'), ...enumOf('EngineType'), ...enumOf('NetType'), ...enumOf('TaskStatus')]);
    for (const v of listed) expect(specValues.has(String(v)), String(v)).toBe(true);
  });

  it('Tables 5 and 6: every JobInfo and ChildrenJobInfo field, and every value they list', () => {
    for (const [n, name] of [[5, 'JobInfo'], [6, 'ChildrenJobInfo']] as const) {
      const fields = firstColumn(table(n));
      const props = Object.keys(obj(obj(schemas[name]).properties));
      for (const f of fields) expect(props, `${name}.${String(f)}`).toContain(f);
      const values = new Set(Object.values(schemas).flatMap((s) => (obj(s).enum as string[] | undefined) ?? []));
      for (const v of bolds(table(n))) expect(values.has(String(v)), `${name}: ${String(v)}`).toBe(true);
    }
    expect(Object.keys(obj(obj(schemas.ShowJobListResponse).properties)).sort()).toEqual(firstColumn(table(4)).sort());
  });

  it('the examples are the page\'s own, byte for byte after JSON parsing', () => {
    const blocks: Json[] = [];
    for (const m of seed.matchAll(/code-block::\s*\n\s*\n\s*\{/g)) {
      const start = (m.index ?? 0) + m[0].length - 1;
      let depth = 0;
      let end = start;
      let inString = false;
      for (let i = start; i < seed.length; i++) {
        const c = seed[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '{') depth++;
        else if (c === '}' && --depth === 0) {
          end = i + 1;
          break;
        }
      }
      blocks.push(JSON.parse(seed.slice(start, end)) as Json);
    }
    expect(blocks).toEqual([seedRequest, seedResponse]);
  });
});
