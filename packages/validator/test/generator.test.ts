// The OpenAPI 3.0 -> JSON Schema steps of the generator (scripts/schemas.ts), on small documents beside the test.
import { describe, expect, it } from 'vitest';
import { toJsonSchema, type JsonObject } from '../scripts/schemas.ts';
import { validateResponse } from '../src/index.ts';
import { exampleValue } from './support.ts';

const doc: JsonObject = {
  components: {
    schemas: {
      A: { type: 'string', enum: ['a', 'b'], description: 'A' },
      Empty: { type: 'string', enum: [''] },
      Obj: { type: 'object', properties: { x: { type: 'string' } } },
    },
  },
};

describe('toJsonSchema', () => {
  it('turns format int32 into the bounds it implies, keeping tighter ones', () => {
    expect(toJsonSchema(doc, { type: 'integer', format: 'int32', minimum: 0 }, '#')).toEqual({ type: 'integer', minimum: 0, maximum: 2147483647 });
    expect(toJsonSchema(doc, { type: 'integer', format: 'int32', maximum: 100 }, '#')).toEqual({ type: 'integer', minimum: -2147483648, maximum: 100 });
  });

  it('merges an anyOf of string enums into one enum, and leaves other anyOf alone', () => {
    const merged = { default: 'a', anyOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/Empty' }] };
    expect(toJsonSchema(doc, merged, '#')).toEqual({ default: 'a', type: 'string', enum: ['a', 'b', ''] });
    const mixed = { anyOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/Obj' }] };
    expect(toJsonSchema(doc, mixed, '#')).toEqual({ anyOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/Obj' }] });
  });

  it('drops OpenAPI-only annotations, maps nullable, and rewrites component refs', () => {
    expect(toJsonSchema(doc, { type: 'string', example: 'x', description: 'd', nullable: true, enum: ['x'] }, '#')).toEqual({ type: ['string', 'null'], enum: ['x', null] });
    expect(toJsonSchema(doc, { type: 'array', items: { $ref: '#/components/schemas/Obj' } }, '#')).toEqual({ type: 'array', items: { $ref: '#/$defs/Obj' } });
  });

  it('refuses what it does not translate instead of guessing', () => {
    expect(() => toJsonSchema(doc, { type: 'string', format: 'date-time' }, '#/x')).toThrow(/format "date-time"/);
    expect(() => toJsonSchema(doc, { oneOf: [] }, '#/y')).toThrow(/oneOf/);
  });
});

describe('the translation as the generated validators apply it', () => {
  it('total_record is an int32: 2^31 - 1 passes, 2^31 fails maximum', () => {
    const page = exampleValue<{ total_record: number }>('response-200-seed');
    expect(validateResponse(200, { ...page, total_record: 2 ** 31 - 1 }).valid).toBe(true);
    expect(validateResponse(200, { ...page, total_record: 2 ** 31 }).errors).toEqual([expect.objectContaining({ pointer: '/total_record', keyword: 'maximum' })]);
  });
});
