// Test helpers for the spec itself: load the bundled document, its examples and the invalid-input
// corpus, and validate values against the spec's schemas with an Ajv compiled here, in the test.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

export const specDir = join(import.meta.dirname, '..');
export const bundledPath = join(specDir, 'dist/openapi.json');

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface InvalidCase {
  file: string;
  description: string;
  target: 'request.body' | 'request.headers' | 'request.path' | `response.${number}`;
  input: Json;
  expect: { pointer: string; keyword: string; errorCode?: string; status?: number };
  overHttp: boolean;
  schemaCatches: boolean;
}

export function readJson<T = Json>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export const spec = readJson<JsonObject>(bundledPath);

export function at(doc: Json, pointer: string): Json | undefined {
  if (pointer === '' || pointer === '#') return doc;
  let node: Json | undefined = doc;
  for (const raw of pointer.replace(/^#?\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

export function obj(value: Json | undefined): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value;
}

export const operation = obj(at(spec, '/paths/~1v3~1{project_id}~1jobs/post'));
export const schemas = obj(at(spec, '/components/schemas'));

export function invalidCorpus(): InvalidCase[] {
  const dir = join(specDir, 'examples/invalid');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...readJson<Omit<InvalidCase, 'file'>>(join(dir, file)) }));
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addVocabulary(['example', 'components', 'x-enum-varnames']);
  ajv.addSchema({ $id: 'spec.json', components: spec.components ?? {} } as object);
  return ajv;
}

const ajv = makeAjv();

/** The schemas of the request's path parameters and headers, as the spec declares them. */
function parameterSchema(location: 'path' | 'header'): object {
  const properties: Record<string, Json> = {};
  const required: string[] = [];
  for (const ref of operation.parameters as Json[]) {
    const param = obj(at(spec, String(obj(ref).$ref ?? '')) ?? ref);
    if (param.in !== location) continue;
    properties[String(param.name)] = refToSpec(param.schema ?? {});
    if (param.required === true) required.push(String(param.name));
  }
  if (location === 'header') {
    for (const scheme of Object.values(obj(at(spec, '/components/securitySchemes')))) {
      const s = obj(scheme);
      if (s.type === 'apiKey' && s.in === 'header') {
        properties[String(s.name)] = { type: 'string', minLength: 1 };
        required.push(String(s.name));
      }
    }
  }
  return { type: 'object', required, properties };
}

function refToSpec(schema: Json): Json {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"spec.json#/')) as Json;
}

function mediaSchema(pointer: string): object {
  return refToSpec(obj(at(spec, pointer))) as object;
}

const validators = new Map<string, ValidateFunction>();

export function validatorFor(target: InvalidCase['target']): ValidateFunction {
  let v = validators.get(target);
  if (v) return v;
  if (target === 'request.body') v = ajv.compile(mediaSchema('#/paths/~1v3~1{project_id}~1jobs/post/requestBody/content/application~1json/schema'));
  else if (target === 'request.headers') v = ajv.compile(parameterSchema('header'));
  else if (target === 'request.path') v = ajv.compile(parameterSchema('path'));
  else {
    const status = target.slice('response.'.length);
    const response = obj(at(spec, `/paths/~1v3~1{project_id}~1jobs/post/responses/${status}`));
    const resolved = response.$ref ? obj(at(spec, String(response.$ref))) : response;
    v = ajv.compile(refToSpec(obj(at(resolved, '/content/application~1json/schema'))) as object);
  }
  validators.set(target, v);
  return v;
}

/** Ajv's errors as (pointer, keyword) pairs; `required` points at the missing property. */
export function problems(errors: ErrorObject[] | null | undefined): { pointer: string; keyword: string }[] {
  return (errors ?? []).map((e) => ({
    pointer: e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath,
    keyword: e.keyword,
  }));
}

export function validate(target: InvalidCase['target'], value: Json): { pointer: string; keyword: string }[] {
  const v = validatorFor(target);
  return v(value) ? [] : problems(v.errors);
}

/** Every Example Object the spec holds, with the schema target it belongs to. */
export function specExamples(): { name: string; target: InvalidCase['target']; value: Json }[] {
  const out: { name: string; target: InvalidCase['target']; value: Json }[] = [];
  const resolve = (node: Json): JsonObject => {
    const o = obj(node);
    return o.$ref ? obj(at(spec, String(o.$ref))) : o;
  };
  const body = obj(at(operation, '/requestBody/content/application~1json/examples'));
  for (const [name, ex] of Object.entries(body)) out.push({ name: `request ${name}`, target: 'request.body', value: resolve(ex).value ?? null });
  for (const [status, response] of Object.entries(obj(operation.responses))) {
    const examples = at(resolve(response), '/content/application~1json/examples');
    for (const [name, ex] of Object.entries(obj(examples ?? {}))) {
      out.push({ name: `response ${status} ${name}`, target: `response.${Number(status)}`, value: resolve(ex).value ?? null });
    }
  }
  return out;
}
