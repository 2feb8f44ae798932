// Turns the bundled OpenAPI 3.0 document into the JSON Schema document Ajv compiles, and holds the Ajv
// options. Shared by the generator (standalone code), the tests and the benchmark (runtime-compiled
// Ajv of the very same schema), so the three never drift apart.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Options } from 'ajv';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const bundledSpecPath = fileURLToPath(new URL('../../../openapi/dist/openapi.json', import.meta.url));
export const schemaId = 'drs-contract';

/** Options of every Ajv instance that compiles these schemas (generator, tests, benchmark). */
export const ajvOptions = {
  allErrors: true, // report every fault, not only the first
  verbose: true, // errors carry parentSchema, so messages can name the whole allowed range
  strict: true,
  allowUnionTypes: true, // `nullable: true` becomes `type: [t, 'null']`
  code: { source: true, esm: true },
} as const satisfies Options;

export function readSpec(path = bundledSpecPath): JsonObject {
  return obj(JSON.parse(readFileSync(path, 'utf8')) as Json, path);
}

export function obj(value: Json | undefined, where: string): JsonObject {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where}: expected an object`);
  }
  return value;
}

/** Resolves a local `#/...` pointer. */
export function at(doc: Json, pointer: string): Json {
  let node: Json | undefined = doc;
  for (const raw of pointer.replace(/^#?\/?/, '').split('/').filter((s) => s !== '')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (Array.isArray(node) ? node[Number(key)] : node[key]) : undefined;
    if (node === undefined) throw new Error(`unresolved pointer ${pointer}`);
  }
  return node;
}

export function deref(doc: JsonObject, node: Json | undefined, where: string): JsonObject {
  const o = obj(node, where);
  return typeof o.$ref === 'string' ? deref(doc, at(doc, o.$ref), o.$ref) : o;
}

const componentRef = /^#\/components\/schemas\/([^/]+)$/;

/** `#/components/schemas/X` -> `X` for a schema that is only a reference to a component. */
export function componentName(schema: JsonObject, where: string): string {
  const name = typeof schema.$ref === 'string' ? componentRef.exec(schema.$ref)?.[1] : undefined;
  if (name === undefined) throw new Error(`${where}: expected a $ref to #/components/schemas/*`);
  return name;
}

const int32 = { minimum: -(2 ** 31), maximum: 2 ** 31 - 1 };
// Annotations Ajv does not need; `example` and `x-` extensions (e.g. `x-enum-varnames`, names for
// generators) are OpenAPI-only and unknown to JSON Schema (strict mode).
const dropped = new Set(['example', 'description']);
const isExtension = (key: string) => key.startsWith('x-');
const unsupported = new Set(['discriminator', 'xml', 'externalDocs', 'not', 'oneOf']);

/**
 * One OpenAPI 3.0 Schema Object to JSON Schema (draft-07, as Ajv reads it):
 * - `format: int32` becomes the bounds it implies, so an out-of-range number fails `minimum`/`maximum`
 *   with a message that names the range rather than an opaque format error;
 * - `nullable` becomes a `null` type;
 * - an `anyOf` whose branches are all string enums (the `EngineType | NoFilter` shape of D1) becomes one
 *   enum of every allowed value, so a bad value is one `enum` violation naming all of them, `""` included.
 */
export function toJsonSchema(doc: JsonObject, node: Json, where: string): Json {
  if (Array.isArray(node)) return node.map((n, i) => toJsonSchema(doc, n, `${where}/${i}`));
  const schema = obj(node, where);
  if (typeof schema.$ref === 'string') return { $ref: `#/$defs/${componentName(schema, where)}` };
  for (const key of Object.keys(schema)) {
    if (unsupported.has(key)) throw new Error(`${where}: OpenAPI keyword ${key} is not handled by the validator generator`);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (dropped.has(key) || isExtension(key) || key === 'nullable' || key === 'format') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(obj(value, where)).map(([k, v]) => [k, toJsonSchema(doc, v, `${where}/properties/${k}`)]));
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = typeof value === 'boolean' ? value : toJsonSchema(doc, value, `${where}/${key}`);
    } else if (key === 'allOf' || key === 'anyOf') {
      out[key] = toJsonSchema(doc, value, `${where}/${key}`);
    } else {
      out[key] = value;
    }
  }
  if (schema.format === 'int32') {
    out.minimum = Math.max(typeof out.minimum === 'number' ? out.minimum : -Infinity, int32.minimum);
    out.maximum = Math.min(typeof out.maximum === 'number' ? out.maximum : Infinity, int32.maximum);
  } else if (schema.format !== undefined) {
    throw new Error(`${where}: format ${JSON.stringify(schema.format)} is not handled by the validator generator`);
  }
  if (schema.nullable === true) {
    out.type = [String(schema.type), 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.map((b, i) => deref(doc, b, `${where}/anyOf/${i}`));
    const enumOnly = branches.every((b) => b.type === 'string' && Array.isArray(b.enum) && Object.keys(b).every((k) => ['type', 'enum', 'description', 'default'].includes(k) || isExtension(k)));
    if (enumOnly) {
      delete out.anyOf;
      out.type = 'string';
      out.enum = [...new Set(branches.flatMap((b) => b.enum as Json[]))];
    }
  }
  return out;
}

export interface ContractSchemas {
  /** `{ $id, $defs }`: every component schema plus the request's header and path parameter objects. */
  document: JsonObject;
  /** Schema names (keys of `$defs`) by what they validate. */
  targets: { requestBody: string; requestHeaders: string; requestPath: string; responses: Record<string, string> };
  /** Header names as the spec spells them; the security scheme's token header first. */
  headerNames: string[];
  /** Headers that carry the apiKey token of a security scheme: never echoed in a message. */
  tokenHeaderNames: string[];
  /** The path parameter names. */
  pathNames: string[];
}

export const operationPointer = '#/paths/~1v3~1{project_id}~1jobs/post';

/** Builds the JSON Schema document of the one operation of the contract. */
export function contractSchemas(doc: JsonObject): ContractSchemas {
  const operation = obj(at(doc, operationPointer), operationPointer);
  const $defs: JsonObject = {};
  for (const [name, schema] of Object.entries(obj(at(doc, '#/components/schemas'), 'components/schemas'))) {
    $defs[name] = toJsonSchema(doc, schema, `#/components/schemas/${name}`);
  }

  const parameterObject = (location: 'header' | 'path', extra: { name: string; schema: Json; required: boolean }[]): JsonObject => {
    const properties: JsonObject = {};
    const required: string[] = [];
    const params = (operation.parameters ?? []) as Json[];
    const all = [...extra, ...params.map((p, i) => deref(doc, p, `${operationPointer}/parameters/${i}`)).filter((p) => p.in === location).map((p) => ({ name: String(p.name), schema: p.schema ?? {}, required: p.required === true }))];
    for (const p of all) {
      properties[p.name] = toJsonSchema(doc, p.schema, `${operationPointer}/parameters/${p.name}`);
      if (p.required) required.push(p.name);
    }
    return { type: 'object', required, properties };
  };

  // The apiKey security scheme is a required, non-empty header ("it must not be empty").
  const security = ((operation.security ?? doc.security ?? []) as Json[]).flatMap((req) => Object.keys(obj(req, 'security')));
  const tokenHeaders = security
    .map((name) => obj(at(doc, `#/components/securitySchemes/${name}`), name))
    .filter((s) => s.type === 'apiKey' && s.in === 'header')
    .map((s) => ({ name: String(s.name), schema: { type: 'string', minLength: 1 } as Json, required: true }));

  $defs.RequestHeaders = parameterObject('header', tokenHeaders);
  $defs.RequestPath = parameterObject('path', []);

  const bodySchema = obj(at(operation, '/requestBody/content/application~1json/schema'), 'requestBody schema');
  const responses: Record<string, string> = {};
  for (const [status, response] of Object.entries(obj(operation.responses, 'responses'))) {
    const schema = at(deref(doc, response, `responses/${status}`), '/content/application~1json/schema');
    responses[status] = componentName(obj(schema, `responses/${status}`), `responses/${status}`);
  }
  const headers = obj($defs.RequestHeaders, 'headers');
  return {
    document: { $id: schemaId, $defs },
    targets: { requestBody: componentName(bodySchema, 'requestBody'), requestHeaders: 'RequestHeaders', requestPath: 'RequestPath', responses },
    headerNames: Object.keys(obj(headers.properties, 'headers')),
    tokenHeaderNames: tokenHeaders.map((h) => h.name),
    pathNames: Object.keys(obj(obj($defs.RequestPath, 'path').properties, 'path')),
  };
}

/** Export name of the standalone validator of a `$defs` schema. */
export function validatorName(schemaName: string): string {
  return `validate${schemaName}`;
}
