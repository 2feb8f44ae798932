// Before/after pairs, each made by one mutation of the bundled spec (openapi/dist/openapi.json), so
// the pairs follow the real document; every pair must be classified as expected, for the expected reason.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../src/classify.ts';
import { projectRoot, workspaceRoot } from '../src/paths.ts';

type Json = Record<string, any>;
interface Pair {
  name: string;
  breaking: boolean;
  /** the oasdiff check that must report it (none for a change no check rates, e.g. a description) */
  check: string | null;
  mutate(spec: Json): void;
}

const bundled = JSON.parse(readFileSync(join(workspaceRoot, 'openapi/dist/openapi.json'), 'utf8')) as Json;
const operation = (s: Json): Json => s.paths['/v3/{project_id}/jobs'].post;
const schema = (s: Json, name: string): Json => {
  const found = s.components.schemas[name];
  if (!found) throw new Error(`the bundled spec has no schema ${name}`);
  return found;
};
const optionalProperty = (s: Json, name: string): string => {
  const sch = schema(s, name);
  const found = Object.keys(sch.properties).find((p) => !(sch.required ?? []).includes(p) && sch.properties[p].type === 'string');
  if (!found) throw new Error(`${name} has no optional string property`);
  return found;
};
const integerWithMaximum = (s: Json): [string, Json] => {
  const entry = Object.entries(schema(s, 'ShowJobListRequest').properties as Json).find(([, v]) => v.type === 'integer' && typeof v.maximum === 'number' && v.maximum > 1);
  if (!entry) throw new Error('the request has no bounded integer field');
  return entry as [string, Json];
};

const pairs: Pair[] = [
  // breaking for requests
  {
    name: 'new-required-request-field',
    breaking: true,
    check: 'new-required-request-property',
    mutate: (s) => {
      const req = schema(s, 'ShowJobListRequest');
      req.properties.region_hint = { type: 'string', description: 'test' };
      req.required.push('region_hint');
    },
  },
  { name: 'removed-request-enum-value', breaking: true, check: 'request-property-enum-value-removed', mutate: (s) => schema(s, 'DbUseType').enum.pop() },
  {
    name: 'narrowed-request-range',
    breaking: true,
    check: 'request-property-max-decreased',
    mutate: (s) => {
      const [, field] = integerWithMaximum(s);
      field.maximum = Math.floor(field.maximum / 2);
    },
  },
  {
    name: 'removed-parameter',
    breaking: true,
    check: 'request-parameter-removed',
    mutate: (s) => {
      const op = operation(s);
      const before = op.parameters.length;
      const resolve = (p: Json): Json => (p.$ref ? s.components.parameters[String(p.$ref).split('/').at(-1)!] : p);
      op.parameters = op.parameters.filter((p: Json) => resolve(p).in !== 'header');
      if (op.parameters.length === before) throw new Error('the operation has no header parameter to remove');
    },
  },
  { name: 'removed-request-field', breaking: true, check: 'request-property-removed', mutate: (s) => delete schema(s, 'ShowJobListRequest').properties[optionalProperty(s, 'ShowJobListRequest')] },
  // breaking for responses
  { name: 'removed-response-field', breaking: true, check: 'response-optional-property-removed', mutate: (s) => delete schema(s, 'JobInfo').properties[optionalProperty(s, 'JobInfo')] },
  { name: 'removed-response-required-entry', breaking: true, check: 'response-property-became-optional', mutate: (s) => schema(s, 'JobInfo').required.shift() },
  {
    name: 'changed-response-type',
    breaking: true,
    check: 'response-property-type-changed',
    mutate: (s) => {
      const total = schema(s, 'ShowJobListResponse').properties.total_record;
      total.type = 'string';
      delete total.format;
      delete total.minimum;
    },
  },
  { name: 'new-response-enum-value', breaking: true, check: 'response-property-enum-value-added', mutate: (s) => schema(s, 'JobDirection').enum.push('sideways') },
  // non-breaking
  { name: 'new-optional-request-field', breaking: false, check: 'new-optional-request-property', mutate: (s) => (schema(s, 'ShowJobListRequest').properties.region_hint = { type: 'string', description: 'test' }) },
  { name: 'new-response-field', breaking: false, check: 'response-optional-property-added', mutate: (s) => (schema(s, 'JobInfo').properties.region = { type: 'string', description: 'test' }) },
  { name: 'widened-request-enum', breaking: false, check: 'request-parameter-enum-value-added', mutate: (s) => schema(s, 'Language').enum.push('fr-fr') },
  {
    name: 'widened-request-range',
    breaking: false,
    check: 'request-property-max-increased',
    mutate: (s) => {
      const [, field] = integerWithMaximum(s);
      field.maximum = field.maximum * 2;
    },
  },
  { name: 'request-field-became-optional', breaking: false, check: 'request-property-became-optional', mutate: (s) => schema(s, 'ShowJobListRequest').required.pop() },
  { name: 'description-change', breaking: false, check: null, mutate: (s) => (operation(s).description += '\nReworded for the test.') },
];

const pairsDir = join(projectRoot, 'artifacts', 'pairs');
const results = new Map<string, ReturnType<typeof classify>>();

beforeAll(() => {
  rmSync(pairsDir, { recursive: true, force: true });
  for (const pair of pairs) {
    const dir = join(pairsDir, pair.name);
    mkdirSync(dir, { recursive: true });
    const after = structuredClone(bundled);
    pair.mutate(after);
    writeFileSync(join(dir, 'before.json'), JSON.stringify(bundled, null, 2));
    writeFileSync(join(dir, 'after.json'), JSON.stringify(after, null, 2));
    results.set(pair.name, classify(join(dir, 'before.json'), join(dir, 'after.json')));
  }
  console.log(`spec pairs written to ${pairsDir}`);
});

describe('breaking-change classification of spec pairs', () => {
  it('has at least 10 pairs, half of them breaking', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    expect(pairs.filter((p) => p.breaking).length).toBeGreaterThanOrEqual(pairs.length / 2 - 1);
    expect(pairs.filter((p) => !p.breaking).length).toBeGreaterThanOrEqual(5);
  });

  it('finds no change between the spec and itself', () => {
    const path = join(pairsDir, pairs[0]!.name, 'before.json');
    expect(classify(path, path)).toEqual({ breaking: false, changes: [] });
  });

  it.each(pairs.map((p) => [p.name, p] as const))('%s', (_, pair) => {
    const result = results.get(pair.name)!;
    const summary = result.changes.map((c) => `${c.impact} ${c.id}: ${c.text}`).join('\n');
    expect(result.breaking, summary).toBe(pair.breaking);
    if (pair.check) {
      const hit = result.changes.find((c) => c.id === pair.check);
      expect(hit, summary).toBeDefined();
      expect(hit!.impact).toBe(pair.breaking ? 'breaking' : 'compatible');
    }
  });
});
