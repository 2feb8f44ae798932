// Output formats of `drs-jobs list`: a table for people, JSON and NDJSON for programs.
import Table from 'cli-table3';
import stringWidth from 'string-width';
import { type JobInfo, type ShowJobListResponse, redact } from '@drs-contract/client';

export const outputFormats = ['table', 'json', 'ndjson'] as const;
export type OutputFormat = (typeof outputFormats)[number];

interface Column {
  header: string;
  value: (job: JobInfo) => string;
  /** Narrowest this column is cut to (or its natural width, when smaller). */
  floor: number;
  /** Columns of tier 1 (long free text) are cut first; tier 2 only when tier 1 is at its floors. */
  tier: 1 | 2;
}

/** The table's columns, in order. */
export const columns: readonly Column[] = [
  { header: 'ID', value: (job) => job.id, floor: 8, tier: 1 },
  { header: 'NAME', value: (job) => job.name, floor: 10, tier: 1 },
  { header: 'STATUS', value: (job) => job.status, floor: 10, tier: 1 },
  { header: 'ENGINE', value: (job) => job.engine_type, floor: 6, tier: 2 },
  { header: 'NET', value: (job) => job.net_type, floor: 3, tier: 2 },
  { header: 'DIRECTION', value: (job) => job.job_direction, floor: 7, tier: 2 },
  { header: 'TASK TYPE', value: (job) => job.task_type, floor: 9, tier: 1 },
  // The date part of `YYYY-MM-DD HH:mm:ss` stays readable.
  { header: 'CREATED', value: (job) => job.create_time, floor: 11, tier: 2 },
];

/** Space between two columns. */
export const gap = 2;

/**
 * Column widths that fit `width` characters: while the row is too wide, the widest column of the
 * lowest tier that can still give gives up one character. No column goes below its floor; if even
 * the floors do not fit, the table stays wider than the terminal rather than becoming unreadable.
 */
export function fitWidths(
  natural: readonly number[],
  layout: readonly { floor: number; tier: number }[],
  width: number | undefined,
): number[] {
  const widths = [...natural];
  if (width === undefined) return widths;
  const floor = natural.map((w, i) => Math.min(w, layout[i]?.floor ?? w));
  const tier = (i: number) => layout[i]?.tier ?? 1;
  let excess = widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1) - width;
  while (excess > 0) {
    let pick = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! <= floor[i]!) continue;
      if (pick < 0 || tier(i) < tier(pick) || (tier(i) === tier(pick) && widths[i]! > widths[pick]!)) pick = i;
    }
    if (pick < 0) break;
    widths[pick]!--;
    excess--;
  }
  return widths;
}

/** Control characters (C0, DEL, C1) are shown as spaces: a task name must not drive the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

const ansi = {
  bold: (s: string) => `\u001b[1m${s}\u001b[22m`,
  red: (s: string) => `\u001b[31m${s}\u001b[39m`,
  green: (s: string) => `\u001b[32m${s}\u001b[39m`,
  dim: (s: string) => `\u001b[2m${s}\u001b[22m`,
};

function colourStatus(status: string): string {
  if (status.endsWith('_FAILED')) return ansi.red(status);
  if (status.endsWith('_COMPLETE')) return ansi.green(status);
  return status;
}

export interface TableOptions {
  /** total_record of the answer: the footer says "showing N of total". */
  total: number;
  /** Terminal width to fit into; undefined for no limit. */
  width: number | undefined;
  color: boolean;
  /** A hint appended to the footer, e.g. how to get the next page. */
  more?: string | undefined;
  /** Values never shown (the token): removed from each cell before it is cut to its width. */
  secrets?: Iterable<string>;
}

/** The jobs as a table (id, name, status, engine, net, direction, task type, created) and a footer line. */
export function formatTable(jobs: readonly JobInfo[], options: TableOptions): string {
  const secrets = [...(options.secrets ?? [])];
  // Redacted before the cut: a cut cell would keep the start of a token a server echoed into it.
  const rows = jobs.map((job) => columns.map((column) => printable(redact(String(column.value(job) ?? ''), secrets))));
  const natural = columns.map((column, i) => Math.max(stringWidth(column.header), ...rows.map((row) => stringWidth(row[i]!))));
  const widths = fitWidths(natural, columns, options.width);
  const table = new Table({
    head: columns.map((column) => (options.color ? ansi.bold(column.header) : column.header)),
    colWidths: widths,
    // kubectl-like: no box, two spaces between columns, so more of each value fits.
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' '.repeat(gap),
    },
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [], compact: true },
  });
  const statusColumn = columns.findIndex((column) => column.header === 'STATUS');
  for (const row of rows) {
    table.push(options.color ? row.map((cell, i) => (i === statusColumn ? colourStatus(cell) : cell)) : row);
  }
  // cli-table3 pads the last column too; trailing spaces only get in the way of copy and paste.
  const body = table.toString().split('\n').map((line) => line.trimEnd()).join('\n');
  const footer = `showing ${jobs.length} of ${options.total}${options.more ? ` ${options.more}` : ''}`;
  return `${body}\n${options.color ? ansi.dim(footer) : footer}\n`;
}

/** The raw 200 body, pretty. */
export function formatJson(body: ShowJobListResponse): string {
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** One job per line (for `jq`). */
export function formatNdjsonLine(job: JobInfo): string {
  return `${JSON.stringify(job)}\n`;
}
