// Public API of @drs-contract/validator: precompiled (Ajv standalone) validators of the ShowJobList
// contract, with errors a person can act on. Everything spec-derived comes from ./generated/.
import type { ErrorObject } from 'ajv';
import type { components } from './generated/openapi.js';
import * as data from './generated/spec-data.js';
import {
  validateErrorBody,
  validateRequestHeaders,
  validateRequestPath,
  validateShowJobListRequest,
  validateShowJobListResponse,
} from './generated/validators.js';
import { describeError, fieldLabel, type Part } from './messages.js';
import type { StandaloneValidator } from './standalone.js';

export type { components, operations, paths } from './generated/openapi.js';
export type { StandaloneValidator } from './standalone.js';

type Schemas = components['schemas'];
export type ShowJobListRequest = Schemas['ShowJobListRequest'];
export type ShowJobListResponse = Schemas['ShowJobListResponse'];
export type JobInfo = Schemas['JobInfo'];
export type ChildrenJobInfo = Schemas['ChildrenJobInfo'];
export type ErrorBody = Schemas['ErrorBody'];
export type ResourceTag = Schemas['ResourceTag'];
export type DbUseType = Schemas['DbUseType'];
export type EngineType = Schemas['EngineType'];
export type NetType = Schemas['NetType'];
export type TaskStatus = Schemas['TaskStatus'];
export type JobDirection = Schemas['JobDirection'];
export type TaskType = Schemas['TaskType'];
export type Language = Schemas['Language'];

/** The spec's enum values, as `as const` tuples read from the spec at generate time. */
export const enums = data.enums satisfies {
  DbUseType: readonly DbUseType[];
  EngineType: readonly EngineType[];
  NetType: readonly NetType[];
  TaskStatus: readonly TaskStatus[];
  JobDirection: readonly JobDirection[];
  TaskType: readonly TaskType[];
  Language: readonly Language[];
};

export interface RequestLimits {
  perPage: { min: number; max: number; default: number };
  curPage: { min: number; max: number; default: number };
  tags: { maxItems: number; keyMinLength: number; keyMaxLength: number; valueMaxLength: number; keyPattern: string; valuePattern: string };
  engineTypeDefault: EngineType;
  languageDefault: Language;
}
/** Limits and defaults of the request fields, read from the spec at generate time. */
export const requestLimits = data.requestLimits satisfies RequestLimits;

export type DrsErrorCode = (typeof data.errorCodes)[number];
/** An entry of the spec's `x-drs-error-codes`; the templates may hold `{field}` and `{detail}`. */
export interface DrsErrorDefinition {
  code: DrsErrorCode;
  status: number;
  'en-us': string;
  'zh-cn': string;
}
export const errorRegistry: Readonly<Record<DrsErrorCode, DrsErrorDefinition>> = data.errorRegistry;

export type Mode = 'strict' | 'tolerant';

export interface Violation {
  /** JSON pointer into the validated value ('' for its root); headers '/X-Auth-Token', path '/project_id'. */
  pointer: string;
  /** Ajv keyword ('enum', 'maximum', 'required', ...), or the id of an x-drs-rules rule. */
  keyword: string;
  /** One line naming the field and the allowed values or range. */
  message: string;
  params: Record<string, unknown>;
  /** Requests only: the DRS error code a server answers with. */
  errorCode?: DrsErrorCode;
  /** Requests only: the HTTP status a server answers with. */
  status?: number;
}

export interface ValidationResult<T> {
  valid: boolean;
  errors: Violation[];
  warnings: Violation[];
  value: T | undefined;
  /**
   * Set when the value broke more rules than `maxViolations`: how many further violations were found
   * but not materialised (only the first `maxViolations` are in `errors`/`warnings`).
   */
  omitted?: number;
}

/** At most this many violations are materialised per validated part, so a huge bad input stays cheap. */
export const maxViolations = 100;

export interface ValidatedRequest {
  projectId: string;
  headers: ValidatedHeaders;
  body: ShowJobListRequest;
}

export type HeadersInput = Record<string, string | string[] | undefined> | Headers;

/** Thrown by the `assert…` functions. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation' as const;
  readonly kind: 'request' | 'response';
  readonly errors: Violation[];
  readonly warnings: Violation[];

  constructor(kind: 'request' | 'response', errors: Violation[], warnings: Violation[] = [], omitted = 0) {
    const shown = errors.slice(0, 5).map((e) => e.message);
    const hidden = errors.length - shown.length + omitted;
    const more = hidden > 0 ? `; and ${hidden} more` : '';
    super(`${kind} violates the DRS contract: ${shown.join('; ')}${more}`);
    this.kind = kind;
    this.errors = errors;
    this.warnings = warnings;
  }
}

const codes = {
  missing: 'DRS.M00201',
  invalid: 'DRS.M00202',
  page: 'DRS.M00210',
  noToken: 'DRS.M00103',
} as const satisfies Record<string, DrsErrorCode>;

// The one hand-written rule: x-drs-rules `per-page-zero-needs-first-page`, spec decision D6. `per_page: 0`
// means "every match on one page", so only the first page (cur_page 0 or 1) exists; JSON Schema 3.0
// cannot relate two fields without turning the request into a union type.
const perPageZeroRule = ((id) => {
  const rule = data.rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`the spec no longer declares the x-drs-rules rule ${id}`);
  return rule;
})('per-page-zero-needs-first-page');
const [perPageField, curPageField] = perPageZeroRule.fields;

function perPageZeroNeedsFirstPage(body: unknown): Violation | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const perPage: unknown = Reflect.get(body, perPageField);
  const curPage: unknown = Reflect.get(body, curPageField);
  // cur_page below 0 or not an integer is already a schema violation; only a valid page above 1 breaks the rule.
  if (perPage !== 0 || typeof curPage !== 'number' || !Number.isInteger(curPage) || curPage <= 1) return undefined;
  const code = perPageZeroRule['error-code'];
  return {
    pointer: `/${curPageField}`,
    keyword: perPageZeroRule.id,
    message: `${perPageZeroRule.rule.replaceAll('`', '')} Got ${curPageField} ${curPage} (rule ${perPageZeroRule.id}, ${perPageZeroRule.decision}).`,
    params: { rule: perPageZeroRule.id, decision: perPageZeroRule.decision, fields: [...perPageZeroRule.fields], allowedValues: [0, 1] },
    errorCode: code,
    status: errorRegistry[code].status,
  };
}

// Fields whose faults are page faults (DRS.M00210): the fields of the rules that answer with that code.
const pageFields: ReadonlySet<string> = new Set(data.rules.filter((r) => r['error-code'] === codes.page).flatMap((r) => r.fields));
const tokenHeaders: ReadonlySet<string> = new Set(data.targets.tokenHeaderNames);

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function requestCode(part: Part, pointer: string, keyword: string): DrsErrorCode {
  const first = pointer.split('/')[1] ?? '';
  // An empty token is no token: the service answers both with 401 DRS.M00103.
  if (part === 'headers' && tokenHeaders.has(first) && (keyword === 'required' || keyword === 'minLength')) return codes.noToken;
  if (keyword === 'required') return codes.missing;
  if (part === 'body' && pageFields.has(first)) return codes.page;
  return codes.invalid;
}

interface Found {
  list: Violation[];
  /** Violations found beyond `maxViolations`, not materialised. */
  omitted: number;
}

/**
 * Ajv errors as violations. One fault, one violation: an `enum` error beside a `type` error at the same
 * place is dropped. Only the first `maxViolations` become violations (messages and copied params cost
 * per error, and a 1 MiB body can break a rule 680,000 times); the rest are only counted.
 */
function violations(errors: ErrorObject[] | null | undefined, part: Part, request: boolean, secrets: readonly string[] = []): Found {
  const list = errors ?? [];
  const typeFailed = new Set(list.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: Violation[] = [];
  let omitted = 0;
  for (const e of list) {
    if (e.keyword === 'enum' && typeFailed.has(e.instancePath)) continue;
    if (out.length >= maxViolations) {
      omitted += 1;
      continue;
    }
    const pointer = e.keyword === 'required' ? `${e.instancePath}/${escapePointer(String(e.params.missingProperty))}` : e.instancePath;
    const v: Violation = { pointer, keyword: e.keyword, message: describeError(e, pointer, part, tokenHeaders, secrets), params: structuredClone(e.params) }; // a copy: Ajv's params share the generated schema constants
    if (request) {
      v.errorCode = requestCode(part, pointer, e.keyword);
      v.status = errorRegistry[v.errorCode].status;
    }
    out.push(v);
  }
  return { list: out, omitted };
}

function failed<T>(errors: Violation[], omitted: number, warnings: Violation[] = []): ValidationResult<T> {
  return omitted > 0 ? { valid: false, errors, warnings, value: undefined, omitted } : { valid: false, errors, warnings, value: undefined };
}

/** Validates a ShowJobList request body (JSON Schema plus the x-drs-rules rule). */
export function validateRequestBody(body: unknown, options: { secrets?: readonly string[] } = {}): ValidationResult<ShowJobListRequest> {
  const found = validateShowJobListRequest(body) ? { list: [], omitted: 0 } : violations(validateShowJobListRequest.errors, 'body', true, options.secrets);
  const errors = found.list;
  const rule = perPageZeroNeedsFirstPage(body);
  if (rule) errors.push(rule);
  if (errors.length === 0) return { valid: true, errors, warnings: [], value: body as ShowJobListRequest };
  return failed(errors, found.omitted);
}

function headerValue(headers: HeadersInput, name: string): string | undefined {
  let raw: string | string[] | null | undefined;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) raw = headers.get(name);
  else if (typeof headers !== 'object' || headers === null) raw = undefined; // a JavaScript caller passed no headers at all
  else {
    const wanted = name.toLowerCase();
    const key = Object.keys(headers).find((k) => k.toLowerCase() === wanted);
    raw = key === undefined ? undefined : (headers as Record<string, string | string[] | undefined>)[key];
  }
  if (Array.isArray(raw)) return raw.length === 0 ? undefined : raw.join(', '); // as Node joins repeated headers
  return raw ?? undefined;
}

export interface ValidatedHeaders {
  'X-Auth-Token': string;
  'X-Language': Language;
}

/** Validates the request headers (names matched case-insensitively); an absent X-Language is the spec's default. */
export function validateHeaders(input: HeadersInput): ValidationResult<ValidatedHeaders> {
  const headers: Record<string, string> = {};
  for (const name of data.targets.headerNames) {
    const value = headerValue(input, name);
    if (value !== undefined) headers[name] = value;
  }
  if (!validateRequestHeaders(headers)) {
    const found = violations(validateRequestHeaders.errors, 'headers', true);
    return failed(found.list, found.omitted);
  }
  const language = (headers['X-Language'] as Language | undefined) ?? requestLimits.languageDefault;
  return { valid: true, errors: [], warnings: [], value: { 'X-Auth-Token': headers['X-Auth-Token'] ?? '', 'X-Language': language } };
}

/** Validates the path parameters, e.g. `{ project_id }`. */
export function validatePathParams(params: Record<string, unknown>): ValidationResult<{ project_id: string }> {
  if (validateRequestPath(params)) return { valid: true, errors: [], warnings: [], value: params as { project_id: string } };
  const found = violations(validateRequestPath.errors, 'path', true);
  return failed(found.list, found.omitted);
}

/** Validates a whole request: the path parameter, the headers (names matched case-insensitively) and the body. */
export function validateRequest(input: { projectId: unknown; headers: HeadersInput; body: unknown }): ValidationResult<ValidatedRequest> {
  const [pathName] = data.targets.pathNames;
  const headers = validateHeaders(input.headers);
  const path = validatePathParams(input.projectId === undefined ? {} : { [pathName]: input.projectId });
  // The token, should the body echo it, never shows in a message.
  const secrets = data.targets.tokenHeaderNames.map((name) => headerValue(input.headers, name)).filter((v): v is string => v !== undefined && v !== '');
  const body = validateRequestBody(input.body, { secrets });
  const errors = [...headers.errors, ...path.errors, ...body.errors];
  // A missing token is answered first (401), as the service authenticates before it validates.
  errors.sort((a, b) => Number(b.status === 401) - Number(a.status === 401));
  const omitted = (headers.omitted ?? 0) + (path.omitted ?? 0) + (body.omitted ?? 0);
  if (headers.value === undefined || path.value === undefined || body.value === undefined) return failed(errors, omitted);
  return { valid: true, errors, warnings: [], value: { projectId: path.value.project_id, headers: headers.value, body: body.value } };
}

type ResponseSchemaName = (typeof data.targets.responses)[keyof typeof data.targets.responses];
const responseValidators: Record<ResponseSchemaName, StandaloneValidator> = {
  ShowJobListResponse: validateShowJobListResponse,
  ErrorBody: validateErrorBody,
};
const responseStatuses: Readonly<Record<string, ResponseSchemaName>> = data.targets.responses;

function responseValidator(status: number): StandaloneValidator | undefined {
  const name = Object.hasOwn(responseStatuses, String(status)) ? responseStatuses[String(status)] : undefined;
  return name === undefined ? undefined : responseValidators[name];
}

/**
 * Validates a response body for its HTTP status. Strict mode (the default) fails on anything the contract
 * does not allow; tolerant mode reports an enum value the contract does not list (a status the service
 * added later) as a warning, while wrong types and missing fields still fail.
 */
export interface ResponseOptions {
  mode?: Mode;
  /**
   * Strings (the caller's token) replaced by `[redacted]` wherever a message would show a value
   * holding them, before the value is shortened, so not even a prefix of them shows.
   */
  secrets?: readonly string[];
}

export function validateResponse(status: number, body: unknown, options: ResponseOptions = {}): ValidationResult<ShowJobListResponse | ErrorBody> {
  const validate = responseValidator(status);
  if (validate === undefined) {
    const declared = Object.keys(responseStatuses);
    const error: Violation = { pointer: '', keyword: 'status', message: `HTTP status ${status} is not declared by the contract (declared: ${declared.join(', ')})`, params: { status, allowedValues: declared.map(Number) } };
    return { valid: false, errors: [error], warnings: [], value: undefined };
  }
  if (validate(body)) return { valid: true, errors: [], warnings: [], value: body as ShowJobListResponse | ErrorBody };
  const found = violations(validate.errors, 'response', false, options.secrets);
  const all = found.list;
  const tolerant = options.mode === 'tolerant';
  const errors = tolerant ? all.filter((v) => v.keyword !== 'enum') : all;
  const warnings = tolerant ? all.filter((v) => v.keyword === 'enum') : [];
  // With violations left uncounted, a tolerant result cannot claim validity from the first few alone.
  if (errors.length === 0 && found.omitted === 0) return { valid: true, errors, warnings, value: body as ShowJobListResponse | ErrorBody };
  return failed(errors, found.omitted, warnings);
}

export function isShowJobListRequest(value: unknown): value is ShowJobListRequest {
  return validateShowJobListRequest(value) && perPageZeroNeedsFirstPage(value) === undefined;
}

export function isShowJobListResponse(value: unknown, options: ResponseOptions = {}): value is ShowJobListResponse {
  if (validateShowJobListResponse(value)) return true;
  return options.mode === 'tolerant' && validateResponse(200, value, options).valid;
}

export function assertShowJobListRequest(value: unknown): asserts value is ShowJobListRequest {
  const result = validateRequestBody(value);
  if (!result.valid) throw new ContractViolation('request', result.errors, [], result.omitted);
}

export function assertResponse(status: number, body: unknown, options: ResponseOptions = {}): void {
  const result = validateResponse(status, body, options);
  if (!result.valid) throw new ContractViolation('response', result.errors, result.warnings, result.omitted);
}

const clipText = (s: string, max = 300) => {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
};

/**
 * The DRS error body a server answers a request violation with, from the registry's template in the
 * caller's language. Throws a TypeError for a violation without an error code (a response violation).
 */
export function toErrorBody(violation: Violation, language: Language = requestLimits.languageDefault): ErrorBody {
  if (violation.errorCode === undefined) throw new TypeError('only request violations carry a DRS error code');
  const template = errorRegistry[violation.errorCode][language];
  return {
    error_code: violation.errorCode,
    // Replacement functions: a `$&` or `$'` in user text stays literal text (string replacements expand it).
    error_msg: template
      .replaceAll('{field}', () => clipText(fieldLabel(violation.pointer)))
      .replaceAll('{detail}', () => clipText(violation.message))
      .trim(),
  };
}
