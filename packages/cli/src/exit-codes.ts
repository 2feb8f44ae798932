/** The exit codes of drs-jobs. Scripts can tell "the service said no" from "bad flags" from "no answer". */
export const exitCodes = {
  ok: 0,
  /** The service answered with a DRS error (or another non-2xx status). */
  drsError: 1,
  /** Bad arguments, rejected before any request. */
  usage: 2,
  /** No answer: the endpoint could not be reached, or it timed out. */
  unreachable: 3,
  /** A 2xx answer that breaks the contract (not JSON, or rejected by the response validator). */
  contract: 4,
  /** A bug in drs-jobs: printed with its stack (EX_SOFTWARE of sysexits.h). */
  internal: 70,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A user error found in the arguments: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
