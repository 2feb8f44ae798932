import { describe, expect, it } from 'vitest';
import { invalidCorpus, specExamples, validate } from './support.ts';

describe('every example in the spec validates against its schema', () => {
  const examples = specExamples();
  it('holds the seed request, the every-filter request and one example per error status', () => {
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining(['request seed', 'request everyFilter', 'response 200 seed', ...['400', '401', '403', '413', '415', '500'].map((s) => expect.stringMatching(new RegExp(`^response ${s} `)))]),
    );
  });
  it.each(examples.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    expect(validate(example.target, example.value)).toEqual([]);
  });
});

describe('invalid-input corpus (openapi/examples/invalid)', () => {
  const corpus = invalidCorpus();
  it('has at least 20 cases, each naming its pointer and keyword', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    for (const c of corpus) {
      expect(c.expect.pointer, c.file).toMatch(/^(\/.*)?$/);
      expect(c.expect.keyword, c.file).toMatch(/^[a-zA-Z-]+$/);
      if (c.target.startsWith('request.')) expect(c.expect.errorCode, c.file).toMatch(/^DRS\.M\d{5}$/);
    }
  });
  const schemaCases = corpus.filter((c) => c.schemaCatches);
  it.each(schemaCases.map((c) => [c.file, c] as const))('%s fails at its pointer with its keyword', (_file, c) => {
    expect(validate(c.target, c.input)).toContainEqual({ pointer: c.expect.pointer, keyword: c.expect.keyword });
  });
  it.each(corpus.filter((c) => !c.schemaCatches).map((c) => [c.file, c] as const))(
    '%s passes JSON Schema alone: it is a cross-field rule the validator package enforces',
    (_file, c) => {
      expect(validate(c.target, c.input)).toEqual([]);
    },
  );
});
