// The generated data must be the spec's, read from the bundled document (nothing hand-copied).
import { describe, expect, it } from 'vitest';
import { at, operation, schemas, spec, type Json } from '../../../openapi/test/support.ts';
import { enums, errorRegistry, requestLimits } from '../src/index.ts';
import { errorCodes, rules } from '../src/generated/spec-data.ts';

const schema = (pointer: string): Record<string, Json> => at(spec, pointer) as Record<string, Json>;

describe('generated spec data', () => {
  it('enums are the enum lists of #/components/schemas', () => {
    for (const [name, values] of Object.entries(enums)) expect(values, name).toEqual(schema(`/components/schemas/${name}`).enum);
    const declared = Object.entries(schemas).filter(([, s]) => Array.isArray((s as Record<string, Json>).enum)).map(([name]) => name);
    expect(Object.keys(enums).sort()).toEqual(declared.sort());
  });

  it('requestLimits are the limits and defaults of ShowJobListRequest', () => {
    const p = (name: string): Record<string, Json> => schema(`/components/schemas/ShowJobListRequest/properties/${name}`);
    expect(requestLimits.perPage).toEqual({ min: p('per_page').minimum, max: p('per_page').maximum, default: p('per_page').default });
    expect(requestLimits.curPage).toEqual({ min: p('cur_page').minimum, max: p('cur_page').maximum, default: p('cur_page').default });
    const tag = schema('/components/schemas/ResourceTag/properties');
    const key = tag.key as Record<string, Json>;
    const value = tag.value as Record<string, Json>;
    expect(requestLimits.tags).toEqual({
      maxItems: p('tags').maxItems,
      keyMinLength: key.minLength,
      keyMaxLength: key.maxLength,
      valueMaxLength: value.maxLength,
      keyPattern: key.pattern,
      valuePattern: value.pattern,
    });
    expect(requestLimits.engineTypeDefault).toBe(p('engine_type').default);
    expect(requestLimits.languageDefault).toBe(schema('/components/schemas/Language').default);
  });

  it('errorRegistry is x-drs-error-codes, keyed by code', () => {
    const declared = spec['x-drs-error-codes'] as Json[];
    expect(Object.values(errorRegistry)).toEqual(declared);
    expect([...errorCodes]).toEqual(declared.map((e) => (e as Record<string, Json>).code));
  });

  it('rules are the x-drs-rules of the operation', () => {
    expect(rules).toEqual(operation['x-drs-rules']);
  });
});
