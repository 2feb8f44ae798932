export { createDrsClient, defaultTimeoutMs } from './client.js';
export type { CallOptions, ContractDrift, DrsClient, DrsClientOptions, DrsResponseValidator, ValidateOptions } from './client.js';
export {
  DrsAbortError,
  DrsApiError,
  DrsContractError,
  DrsError,
  DrsNetworkError,
  DrsTimeoutError,
  isDrsError,
  redact,
} from './errors.js';
export type { ContractIssue, DrsClientError, DrsErrorKind } from './errors.js';
export { defaultRetry, parseRetryAfter } from './retry.js';
export type { RetryOptions } from './retry.js';
export { paging } from './generated/paging.js';
export type { components, operations, paths } from './generated/schema.js';
export type * from './types.js';
