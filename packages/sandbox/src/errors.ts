// DRS error bodies. Every code, status and message template comes from the spec's
// x-drs-error-codes registry as the validator package generates it; nothing here invents a code.
import { enums, errorRegistry, requestLimits, toErrorBody, type DrsErrorCode, type ErrorBody, type Language, type Violation } from '@drs-contract/validator';

export interface DrsError {
  status: number;
  body: ErrorBody;
}

/** The language of `error_msg`: the request's X-Language when it is one the spec allows. */
export function languageOf(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header[0] : header;
  return enums.Language.find((l) => l === value) ?? requestLimits.languageDefault;
}

/** User text as it may appear in a message: at most `max` characters. */
export function clipText(text: string, max = 200): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** An error answer for a registry code, its template filled with `field` and `detail`. */
export function drsError(code: DrsErrorCode, language: Language, fill: { field?: string; detail?: string } = {}): DrsError {
  const entry = errorRegistry[code];
  // Replacement functions: `$&`, "$`" and `$'` in user text must stay literal text.
  const message = entry[language]
    .replace('{field}', () => clipText(fill.field ?? ''))
    .replace('{detail}', () => clipText(fill.detail ?? ''))
    .trim();
  return { status: entry.status, body: { error_code: code, error_msg: message } };
}

/** The error answer for a request violation found by the validator (its own registry-based body). */
export function violationError(v: Violation, language: Language): DrsError {
  const body = toErrorBody(v, language);
  return { status: v.status ?? errorRegistry[body.error_code as DrsErrorCode].status, body };
}

/**
 * The registry's code for an HTTP status the operation itself does not declare (404, 405). Until
 * the registry holds one, such answers use DRS.M00202 (an invalid path or method), with the status.
 */
export function codeForStatus(status: number): DrsErrorCode | undefined {
  return Object.values(errorRegistry).find((e) => e.status === status)?.code;
}
