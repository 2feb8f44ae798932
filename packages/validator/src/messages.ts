// One-line messages for Ajv errors that name the field and what it allows (Ajv's own say only
// "must be <= 100"). Ajv runs with `verbose`, so each error carries its parentSchema and the bad data.
import type { ErrorObject } from 'ajv';

export type Part = 'headers' | 'path' | 'body' | 'response';

const roots: Record<Part, string> = { headers: 'the request headers', path: 'the request path', body: 'the request body', response: 'the response body' };

function segments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** `/jobs/3/status` -> `jobs[3].status`; with a part, headers and path parameters say what they are. */
export function fieldLabel(pointer: string, part?: Part): string {
  const parts = segments(pointer);
  if (parts.length === 0) return part === undefined ? 'body' : roots[part];
  const name = parts.reduce((acc, s) => (acc === '' ? s : /^\d+$/.test(s) ? `${acc}[${s}]` : `${acc}.${s}`), '');
  if (part === 'headers') return `header ${name}`;
  if (part === 'path') return `path parameter ${name}`;
  return name;
}

const article: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'the integer' : 'the number';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value}`;
}

export const redactedMark = '[redacted]';

/** `value` as a message shows it: secrets replaced first, then clipped (never clip first: a cut secret no longer matches). */
function showValue(value: unknown, secrets: readonly string[] = []): string {
  if (typeof value === 'string') {
    const clean = secrets.reduce((text, secret) => (secret === '' ? text : text.replaceAll(secret, () => redactedMark)), value);
    const chars = [...clean];
    return JSON.stringify(chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : clean);
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'an array' : 'an object';
}

function allowed(values: unknown): string {
  return (Array.isArray(values) ? values : []).map((v) => (v === '' ? '"" (no filter)' : JSON.stringify(v))).join(', ');
}

function num(schema: Record<string, unknown>, key: string): number | undefined {
  const v = schema[key];
  return typeof v === 'number' ? v : undefined;
}

function range(schema: Record<string, unknown>): string {
  const kind = schema.type === 'integer' ? 'an integer' : 'a number';
  const min = num(schema, 'minimum');
  const max = num(schema, 'maximum');
  const xmin = num(schema, 'exclusiveMinimum');
  const xmax = num(schema, 'exclusiveMaximum');
  const low = min !== undefined ? `>= ${min}` : xmin !== undefined ? `> ${xmin}` : undefined;
  const high = max !== undefined ? `<= ${max}` : xmax !== undefined ? `< ${xmax}` : undefined;
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  return `${kind} ${[low, high].filter((s) => s !== undefined).join(' and ')}`;
}

function length(schema: Record<string, unknown>, unit: string): string {
  const min = num(schema, `min${unit === 'characters' ? 'Length' : 'Items'}`);
  const max = num(schema, `max${unit === 'characters' ? 'Length' : 'Items'}`);
  if (min !== undefined && max !== undefined) return `${min} to ${max} ${unit}`;
  if (min !== undefined) return `at least ${min} ${unit}`;
  return `at most ${max ?? '?'} ${unit}`;
}

/** One line: the field, what it allows, and (except for secrets) what it got. */
export function describeError(e: ErrorObject, pointer: string, part: Part, secretHeaders: ReadonlySet<string>, secrets: readonly string[] = []): string {
  const label = fieldLabel(pointer, part);
  const secret = part === 'headers' && secretHeaders.has(segments(pointer)[0] ?? '');
  const show = (value: unknown) => showValue(value, secrets);
  const got = secret ? '' : `; got ${show(e.data)}`;
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${label} is required`;
    case 'type':
      return `${label} must be ${article[String(e.params.type)] ?? String(e.params.type)}${secret ? '' : `; got ${kindOf(e.data)}${typeof e.data === 'object' ? '' : ` ${show(e.data)}`}`}`;
    case 'enum':
      return `${label} must be one of ${allowed(e.params.allowedValues)}${got}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${label} must be ${range(schema)}${got}`;
    case 'minLength':
    case 'maxLength': {
      if (num(schema, 'minLength') === 1 && num(schema, 'maxLength') === undefined) return `${label} must not be empty`;
      const text = typeof e.data === 'string' ? e.data : '';
      return `${label} must be ${length(schema, 'characters')} long; got ${[...text].length}${secret ? '' : ` (${show(text)})`}`;
    }
    case 'minItems':
    case 'maxItems':
      return `${label} must have ${length(schema, 'items')}; got ${Array.isArray(e.data) ? e.data.length : '?'}`;
    case 'pattern':
      return `${label} must match the pattern ${String(e.params.pattern)}${got}`;
    default:
      return `${label} ${e.message ?? 'is invalid'}${got}`;
  }
}
