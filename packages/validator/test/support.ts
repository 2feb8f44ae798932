// Test helpers: the spec's own corpus and examples (openapi/test/support.ts), routed to this package's API,
// and a runtime-compiled Ajv of the very schema document the generator compiled to standalone code.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { invalidCorpus, specExamples, type InvalidCase, type Json } from '../../../openapi/test/support.ts';
import { validateHeaders, validatePathParams, validateRequestBody, validateResponse, type HeadersInput, type Mode, type ValidationResult } from '../src/index.ts';
import { targets } from '../src/generated/spec-data.ts';
import * as standalone from '../src/generated/validators.js';
import { ajvOptions, schemaId, validatorName } from '../scripts/schemas.ts';
import type { StandaloneValidator } from '../src/standalone.ts';

export { invalidCorpus, specExamples, type InvalidCase, type Json };

export const examplesDir = new URL('../../../openapi/examples/', import.meta.url);
export function exampleValue<T = Json>(name: string): T {
  return (JSON.parse(readFileSync(new URL(`${name}.json`, examplesDir), 'utf8')) as { value: T }).value;
}

/** Sends a corpus input to the public function that validates its target. */
export function check(target: InvalidCase['target'], input: unknown, mode?: Mode): ValidationResult<unknown> {
  if (target === 'request.body') return validateRequestBody(input);
  if (target === 'request.headers') return validateHeaders(input as HeadersInput);
  if (target === 'request.path') return validatePathParams(input as Record<string, unknown>);
  return validateResponse(Number(target.slice('response.'.length)), input, mode === undefined ? {} : { mode });
}

/** The schema name that validates a target, as the generator recorded it. */
export function schemaFor(target: InvalidCase['target']): string {
  if (target === 'request.body') return targets.requestBody;
  if (target === 'request.headers') return targets.requestHeaders;
  if (target === 'request.path') return targets.requestPath;
  const status = target.slice('response.'.length) as keyof typeof targets.responses;
  return targets.responses[status];
}

export function standaloneFor(schemaName: string): StandaloneValidator {
  const fn = (standalone as Record<string, StandaloneValidator | undefined>)[validatorName(schemaName)];
  if (fn === undefined) throw new Error(`no standalone validator for ${schemaName}`);
  return fn;
}

export const generatedSchemas = JSON.parse(readFileSync(new URL('../src/generated/schemas.json', import.meta.url), 'utf8')) as object;

/** Ajv compiling the generated schema document at run time, with the generator's options. */
export function runtimeAjv(): (schemaName: string) => ValidateFunction {
  const ajv = new Ajv({ ...ajvOptions, schemas: [generatedSchemas] });
  return (schemaName) => {
    const fn = ajv.getSchema(`${schemaId}#/$defs/${schemaName}`);
    if (fn === undefined) throw new Error(`no schema ${schemaName}`);
    return fn;
  };
}
