import { describe, expect, it } from 'vitest';
import { validateRequestBody, validateResponse } from '../src/index.ts';
import { check, exampleValue, invalidCorpus, runtimeAjv, schemaFor, specExamples, standaloneFor } from './support.ts';

const corpus = invalidCorpus();
const examples = specExamples();

describe('the invalid-input corpus of openapi/', () => {
  it('is there to test (at least 20 cases, request and response targets)', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((c) => c.target.split('.')[0]))).toEqual(new Set(['request', 'response']));
  });

  it.each(corpus.map((c) => [c.file, c] as const))('%s fails with its pointer, keyword and DRS code', (_file, c) => {
    const result = check(c.target, c.input);
    expect(result.valid).toBe(false);
    expect(result.value).toBeUndefined();
    const expected: Record<string, unknown> = { pointer: c.expect.pointer, keyword: c.expect.keyword };
    if (c.expect.errorCode !== undefined) expected.errorCode = c.expect.errorCode;
    if (c.expect.status !== undefined) expected.status = c.expect.status;
    expect(result.errors).toContainEqual(expect.objectContaining(expected));
    for (const e of result.errors) {
      expect(e.message, c.file).not.toMatch(/\n/);
      if (c.target.startsWith('request.')) expect(e.errorCode, c.file).toMatch(/^DRS\.M\d{5}$/);
      else expect(e.errorCode, c.file).toBeUndefined();
    }
  });
});

describe('every example of the spec', () => {
  it('covers requests and every declared response', () => {
    expect(examples.map((e) => e.target)).toEqual(expect.arrayContaining(['request.body', 'response.200', 'response.400', 'response.401', 'response.500']));
  });
  it.each(examples.map((e) => [e.name, e] as const))('%s passes in strict mode', (_name, e) => {
    const result = check(e.target, e.value, 'strict');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ valid: true, warnings: [] });
    expect(result.value).toBe(e.value);
  });
  it("the seed page's request and response pass in strict mode", () => {
    expect(validateRequestBody(exampleValue('request-seed'))).toMatchObject({ valid: true, errors: [] });
    expect(validateResponse(200, exampleValue('response-200-seed'), { mode: 'strict' })).toMatchObject({ valid: true, errors: [], warnings: [] });
  });
});

describe('the standalone module agrees with Ajv compiling the same schema at run time', () => {
  const compiled = runtimeAjv();
  const inputs = [
    ...corpus.map((c) => ({ name: c.file, target: c.target, value: c.input as unknown })),
    ...examples.map((e) => ({ name: e.name, target: e.target, value: e.value as unknown })),
  ];
  it.each(inputs.map((i) => [i.name, i] as const))('%s', (_name, i) => {
    const schema = schemaFor(i.target);
    const ours = standaloneFor(schema);
    const theirs = compiled(schema);
    const verdict = ours(i.value);
    expect(verdict).toBe(theirs(i.value));
    expect(ours.errors ?? null).toEqual(theirs.errors ?? null);
    // examples are valid; corpus cases fail JSON Schema alone unless they need the cross-field rule
    const c = corpus.find((k) => k.file === i.name);
    expect(verdict).toBe(c === undefined ? true : !c.schemaCatches);
  });
});
