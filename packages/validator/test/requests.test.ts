import { describe, expect, it } from 'vitest';
import {
  assertShowJobListRequest,
  ContractViolation,
  enums,
  errorRegistry,
  isShowJobListRequest,
  requestLimits,
  toErrorBody,
  validateHeaders,
  validateRequest,
  validateRequestBody,
  type ShowJobListRequest,
} from '../src/index.ts';
import { exampleValue } from './support.ts';

const seed = exampleValue<ShowJobListRequest>('request-seed');
const token = 'secret-token-value';

describe('request body', () => {
  it('reports every fault, not only the first: three faults, three violations', () => {
    const result = validateRequestBody({ ...seed, per_page: 101, db_use_type: 'backup', tags: [{ key: 'team' }] });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.pointer, e.keyword, e.errorCode])).toEqual(
      expect.arrayContaining([
        ['/per_page', 'maximum', 'DRS.M00210'],
        ['/db_use_type', 'enum', 'DRS.M00202'],
        ['/tags/0/value', 'required', 'DRS.M00201'],
      ]),
    );
    expect(result.errors).toHaveLength(3);
  });

  it('answers each code with the status of the registry', () => {
    const result = validateRequestBody({ per_page: -1, db_use_type: 'sync', engine_type: 'oracle' });
    for (const e of result.errors) expect(e.status).toBe(errorRegistry[e.errorCode ?? 'DRS.M00004'].status);
    expect(result.errors.map((e) => e.errorCode).sort()).toEqual(['DRS.M00201', 'DRS.M00202', 'DRS.M00210']);
  });

  it('reports an anyOf-of-enums filter as one enum violation naming every allowed value, "" included', () => {
    const result = validateRequestBody({ ...seed, engine_type: 'oracle' });
    expect(result.errors).toHaveLength(1);
    const [e] = result.errors;
    expect(e).toMatchObject({ pointer: '/engine_type', keyword: 'enum', errorCode: 'DRS.M00202' });
    expect(e?.params.allowedValues).toEqual([...enums.EngineType, '']);
    for (const value of enums.EngineType) expect(e?.message).toContain(`"${value}"`);
    expect(e?.message).toContain('"" (no filter)');
    expect(e?.message).toContain('"oracle"');
  });

  it("a caller mutating a violation's params does not change the validator", () => {
    const first = validateRequestBody({ ...seed, db_use_type: 'backup' }).errors[0];
    (first?.params.allowedValues as string[]).push('backup');
    const again = validateRequestBody({ ...seed, db_use_type: 'backup' }).errors[0];
    expect(again?.params.allowedValues).toEqual([...enums.DbUseType]);
  });

  it('reports a wrong type once, not as a type and an enum fault', () => {
    const result = validateRequestBody({ ...seed, status: 7 });
    expect(result.errors.map((e) => [e.pointer, e.keyword])).toEqual([['/status', 'type']]);
  });

  it('messages name the field and the allowed range or values', () => {
    const message = (body: object): string => validateRequestBody({ ...seed, ...body }).errors[0]?.message ?? '';
    expect(message({ per_page: 101 })).toBe(`per_page must be an integer from ${requestLimits.perPage.min} to ${requestLimits.perPage.max}; got 101`);
    expect(message({ cur_page: '1' })).toBe('cur_page must be an integer; got the string "1"');
    expect(message({ db_use_type: 'backup' })).toBe(`db_use_type must be one of ${enums.DbUseType.map((v) => `"${v}"`).join(', ')}; got "backup"`);
    expect(message({ tags: [{ key: 'k'.repeat(37), value: 'v' }] })).toMatch(new RegExp(`^tags\\[0\\]\\.key must be ${requestLimits.tags.keyMinLength} to ${requestLimits.tags.keyMaxLength} characters long; got 37`));
    expect(message({ tags: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' })) })).toBe(`tags must have at most ${requestLimits.tags.maxItems} items; got 21`);
    expect(message({ tags: [{ key: 'team', value: 'pay ments' }] })).toBe(`tags[0].value must match the pattern ${requestLimits.tags.valuePattern}; got "pay ments"`);
    expect(validateRequestBody({ db_use_type: 'sync', per_page: 1 }).errors[0]?.message).toBe('cur_page is required');
  });

  it('keeps the body as given (no defaults written into it)', () => {
    const body = { cur_page: 1, per_page: 10, db_use_type: 'sync' };
    const result = validateRequestBody(body);
    expect(result.value).toBe(body);
    expect(body).not.toHaveProperty('engine_type');
  });
});

describe('the cross-field rule per-page-zero-needs-first-page (D6)', () => {
  it.each([0, 1])('per_page 0 with cur_page %i is valid', (cur) => {
    expect(validateRequestBody({ ...seed, per_page: 0, cur_page: cur }).valid).toBe(true);
    expect(isShowJobListRequest({ ...seed, per_page: 0, cur_page: cur })).toBe(true);
  });
  it.each([2, 7, 2147483647])('per_page 0 with cur_page %i breaks the rule, one violation at /cur_page', (cur) => {
    const result = validateRequestBody({ ...seed, per_page: 0, cur_page: cur });
    expect(result.errors).toEqual([
      expect.objectContaining({ pointer: '/cur_page', keyword: 'per-page-zero-needs-first-page', errorCode: 'DRS.M00210', status: 400 }),
    ]);
    expect(result.errors[0]?.message).toContain('cur_page must be 0 or 1');
    expect(isShowJobListRequest({ ...seed, per_page: 0, cur_page: cur })).toBe(false);
  });
  it('does not fire when per_page is not 0, and does not double-report a schema fault', () => {
    expect(validateRequestBody({ ...seed, per_page: 5, cur_page: 9 }).valid).toBe(true);
    expect(validateRequestBody({ ...seed, per_page: 0, cur_page: -1 }).errors.map((e) => e.keyword)).toEqual(['minimum']);
  });
});

describe('headers', () => {
  it.each([
    ['canonical', { 'X-Auth-Token': token, 'X-Language': 'zh-cn' }],
    ['lower case', { 'x-auth-token': token, 'x-language': 'zh-cn' }],
    ['upper case', { 'X-AUTH-TOKEN': token, 'X-LANGUAGE': 'zh-cn' }],
    ['a Headers object', new Headers({ 'x-auth-token': token, 'X-Language': 'zh-cn' })],
    ['single-value arrays', { 'x-auth-token': [token], 'x-language': ['zh-cn'] }],
  ])('matches names case-insensitively: %s', (_name, headers) => {
    expect(validateHeaders(headers)).toEqual({ valid: true, errors: [], warnings: [], value: { 'X-Auth-Token': token, 'X-Language': 'zh-cn' } });
  });

  it("defaults X-Language to the spec's default", () => {
    expect(validateHeaders({ 'x-auth-token': token }).value).toEqual({ 'X-Auth-Token': token, 'X-Language': requestLimits.languageDefault });
  });

  it.each([
    ['missing', {}],
    ['empty', { 'x-auth-token': '' }],
    ['an empty list', { 'x-auth-token': [] }],
    ['undefined', { 'x-auth-token': undefined }],
  ])('a %s X-Auth-Token is 401 DRS.M00103', (_name, headers) => {
    const [e] = validateHeaders(headers).errors;
    expect(e).toMatchObject({ pointer: '/X-Auth-Token', errorCode: 'DRS.M00103', status: 401 });
  });

  it('treats absent headers (a JavaScript caller passing nothing) as no headers', () => {
    expect(validateHeaders(undefined as unknown as Record<string, string>).errors).toEqual([expect.objectContaining({ pointer: '/X-Auth-Token', status: 401 })]);
  });

  it('never echoes the token in a message', () => {
    const result = validateRequest({ projectId: 'p', headers: { 'X-Auth-Token': ['a-secret', 'b-secret'], 'X-Language': 'fr-fr' }, body: seed });
    expect(result.valid).toBe(false); // the joined repeated header is still a token, X-Language is not
    expect(JSON.stringify(result.errors)).not.toContain('secret');
    expect(result.errors[0]?.message).toBe(`header X-Language must be one of ${enums.Language.map((v) => `"${v}"`).join(', ')}; got "fr-fr"`);
  });
});

describe('whole request', () => {
  it('validates path, headers and body together and returns them typed', () => {
    const result = validateRequest({ projectId: '054ba152d480d55b2f5dc0069e7ddef0', headers: { 'x-auth-token': token }, body: seed });
    expect(result).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      value: { projectId: '054ba152d480d55b2f5dc0069e7ddef0', headers: { 'X-Auth-Token': token, 'X-Language': 'en-us' }, body: seed },
    });
  });

  it('collects faults of every part, the missing token (401) first', () => {
    const result = validateRequest({ projectId: '', headers: { 'X-Language': 'de' }, body: { ...seed, per_page: 200 } });
    expect(result.errors.map((e) => [e.pointer, e.errorCode])).toEqual([
      ['/X-Auth-Token', 'DRS.M00103'],
      ['/X-Language', 'DRS.M00202'],
      ['/project_id', 'DRS.M00202'],
      ['/per_page', 'DRS.M00210'],
    ]);
    expect(validateRequest({ projectId: undefined, headers: { 'X-Auth-Token': token }, body: seed }).errors).toEqual([
      expect.objectContaining({ pointer: '/project_id', keyword: 'required', errorCode: 'DRS.M00201' }),
    ]);
  });
});

describe('type guard, assertion and error body', () => {
  it('isShowJobListRequest narrows valid bodies only', () => {
    expect(isShowJobListRequest(seed)).toBe(true);
    expect(isShowJobListRequest({ ...seed, cur_page: 1.5 })).toBe(false);
    expect(isShowJobListRequest(null)).toBe(false);
  });

  it('assertShowJobListRequest throws a ContractViolation carrying every violation', () => {
    expect(() => assertShowJobListRequest(seed)).not.toThrow();
    let thrown: unknown;
    try {
      assertShowJobListRequest({ per_page: 'ten' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractViolation);
    const violation = thrown as ContractViolation;
    expect(violation).toMatchObject({ name: 'ContractViolation', kind: 'request', warnings: [] });
    expect(violation.errors.map((e) => e.pointer).sort()).toEqual(['/cur_page', '/db_use_type', '/per_page']);
    expect(violation.message).toContain('per_page must be an integer');
  });

  it('toErrorBody fills the registry template in the caller language', () => {
    const [e] = validateRequestBody({ ...seed, per_page: 101 }).errors;
    if (e === undefined) throw new Error('expected a violation');
    const fill = (template: string): string => template.replace('{field}', 'per_page').replace('{detail}', e.message);
    expect(toErrorBody(e)).toEqual({ error_code: 'DRS.M00210', error_msg: fill(errorRegistry['DRS.M00210']['en-us']) });
    expect(toErrorBody(e, 'zh-cn').error_msg).toBe(fill(errorRegistry['DRS.M00210']['zh-cn']));
    expect(toErrorBody(e, 'zh-cn').error_msg).toContain('per_page');
    expect(() => toErrorBody({ ...e, errorCode: undefined })).toThrow(TypeError);
  });
});
