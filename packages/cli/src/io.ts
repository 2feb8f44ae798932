// What drs-jobs needs of its surroundings, so tests can hand in their own streams and environment.
import { redact } from '@drs-contract/client';

/** An output stream: process.stdout/stderr, or anything with write() (tests). */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Colours only on a terminal, and never when NO_COLOR is set to a non-empty value (https://no-color.org). */
export function useColor(stream: OutStream, env: Io['env']): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/**
 * Width to fit a table into: the terminal's, else $COLUMNS (so `--output table | less` can be told),
 * else none (undefined: no cutting).
 */
export function terminalWidth(stream: OutStream, env: Io['env']): number | undefined {
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}

/**
 * Replaces each secret (the token) with a marker: every whole occurrence, and the start of one left
 * where a text was cut (the client's rule, so the CLI and the client's messages agree).
 */
export { redact } from '@drs-contract/client';

/** A stream whose writes go through redact(); the secrets are read at each write, so they can be added late. */
export function redacting(stream: OutStream, secrets: ReadonlySet<string>): OutStream {
  return {
    write: (chunk: string) => stream.write(redact(chunk, secrets)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

/** Control characters (C0 but the line feed, DEL, C1) as spaces: text a server sent must not drive the terminal. */
export function printableLines(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
}
