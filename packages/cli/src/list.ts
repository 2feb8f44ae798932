// `drs-jobs list`: flags → a checked ShowJobListRequest → the client → one of the output formats.
import {
  createDrsClient,
  type DrsClient,
  type JobInfo,
  type JobQuery,
  type ShowJobListRequest,
  paging,
} from '@drs-contract/client';
import { validateRequestBody, validateResponse } from '@drs-contract/validator';
import { UsageError } from './exit-codes.js';
import { formatJson, formatNdjsonLine, formatTable, type OutputFormat } from './format.js';
import { printableLines, terminalWidth, useColor, type Io } from './io.js';
import type { ListFlags } from './program.js';

/** Request field → the flag that sets it, so a violation names what the user typed. */
const flagOf: Readonly<Record<string, string>> = {
  cur_page: '--page',
  per_page: '--per-page',
  db_use_type: '--db-use-type',
  engine_type: '--engine',
  net_type: '--net',
  status: '--status',
  name: '--name',
  enterprise_project_id: '--enterprise-project-id',
  service_name: '--service-name',
  tags: '--tag',
};

/** The filters of the flags, as the request's fields (paging left out). */
export function queryOf(flags: ListFlags): JobQuery {
  const query: JobQuery = { db_use_type: flags.dbUseType };
  if (flags.engine !== undefined) query.engine_type = flags.engine;
  if (flags.net !== undefined) query.net_type = flags.net;
  if (flags.status !== undefined) query.status = flags.status;
  if (flags.name !== undefined) query.name = flags.name;
  if (flags.enterpriseProjectId !== undefined) query.enterprise_project_id = flags.enterpriseProjectId;
  if (flags.serviceName !== undefined) query.service_name = flags.serviceName;
  if (flags.tag.length > 0) query.tags = flags.tag;
  return query;
}

/** Rejects a request the spec forbids (a tag key too long, --per-page 0 with --page 2, …) before sending it. */
export function checkRequest(body: ShowJobListRequest): void {
  const { valid, errors } = validateRequestBody(body);
  if (valid) return;
  const lines = errors.map((violation) => {
    const field = violation.pointer.split('/')[1] ?? '';
    const flag = flagOf[field];
    return flag ? `${flag}: ${violation.message}` : violation.message;
  });
  throw new UsageError(lines.join('\n'));
}

/** The endpoint without user:password@, fit for messages. */
export function showEndpoint(endpoint: string): string {
  const url = new URL(endpoint);
  url.username = '';
  url.password = '';
  return url.href.replace(/\/$/, '');
}

function defaultFormat(io: Io): OutputFormat {
  return io.stdout.isTTY ? 'table' : 'json';
}

/** A fetch that tells --verbose and the progress line about each request. */
function observedFetch(io: Io, flags: ListFlags, onAnswer: () => void): (request: Request) => Promise<Response> {
  return async (request) => {
    const started = performance.now();
    if (flags.verbose) {
      const headers = [...request.headers].map(([name, value]) => `  ${name}: ${name.toLowerCase() === 'x-auth-token' ? '[redacted]' : value}`);
      const body = await request.clone().text();
      io.stderr.write(`> ${request.method} ${showEndpoint(request.url)}\n${headers.join('\n')}\n  ${body}\n`);
    }
    try {
      const response = await fetch(request);
      if (flags.verbose) {
        const ms = Math.round(performance.now() - started);
        const id = response.headers.get('x-request-id');
        io.stderr.write(printableLines(`< HTTP ${response.status} ${response.statusText} in ${ms} ms${id ? ` (request id ${id})` : ''}`) + '\n');
      }
      onAnswer();
      return response;
    } catch (error) {
      if (flags.verbose) io.stderr.write(`< no answer: ${printableLines((error as Error).message)}\n`);
      throw error;
    }
  };
}

export async function list(flags: ListFlags, io: Io): Promise<void> {
  const format = flags.output ?? defaultFormat(io);
  const query = queryOf(flags);
  // --all pages the way the client's iterator does: from page 1 at the spec's largest page size.
  checkRequest(flags.all ? { ...query, cur_page: 1, per_page: paging.per_page.maximum } : { ...query, cur_page: flags.page, per_page: flags.perPage });

  const progress = flags.all === true && io.stderr.isTTY === true && !flags.verbose;
  let pages = 0;
  let received = 0;
  // One line, rewritten after each page; \r + erase-line keeps it from scrolling.
  const showProgress = () => io.stderr.write(`\r\u001b[2Kfetched ${pages} page(s), ${received} tasks so far…`);
  const onAnswer = () => {
    pages++;
    if (progress) showProgress();
  };
  const client: DrsClient = clientOf(() => createDrsClient({
    endpoint: flags.endpoint,
    projectId: flags.projectId,
    token: flags.token,
    ...(flags.language ? { language: flags.language } : {}),
    timeoutMs: flags.timeout,
    retry: { attempts: flags.retries + 1 },
    validate: {
      validator: { validateResponse },
      // Tolerant: a status the spec does not list yet is shown, not refused; --verbose says so.
      onDrift: (drift) => {
        if (!flags.verbose) return;
        for (const issue of [...drift.errors, ...drift.warnings]) io.stderr.write(`${printableLines(`! ${issue.pointer || '(root)'} ${issue.message}`)}\n`);
      },
    },
    ...(flags.verbose || progress ? { fetch: observedFetch(io, flags, onAnswer) } : {}),
  }));

  if (!flags.all) {
    const body = await client.listJobs({ ...query, cur_page: flags.page, per_page: flags.perPage });
    if (format === 'json') io.stdout.write(formatJson(body));
    else if (format === 'ndjson') for (const job of body.jobs) io.stdout.write(formatNdjsonLine(job));
    else io.stdout.write(formatTable(body.jobs, { total: body.total_record, more: nextPageHint(flags, body.jobs.length, body.total_record), ...tableLook(io, flags) }));
    return;
  }

  const jobs: JobInfo[] = [];
  try {
    for await (const job of client.iterateJobs(query)) {
      received++;
      if (format === 'ndjson') io.stdout.write(formatNdjsonLine(job));
      else jobs.push(job);
    }
  } finally {
    if (progress) io.stderr.write('\r\u001b[2K');
  }
  // Every match was walked, so the count of all matches (total_record) is the number received.
  if (format === 'json') io.stdout.write(formatJson({ total_record: jobs.length, jobs }));
  else if (format === 'table') io.stdout.write(formatTable(jobs, { total: jobs.length, ...tableLook(io, flags) }));
}

/** The client option a createDrsClient() TypeError starts with → the flag (or variable) that set it. */
const flagOfOption: Readonly<Record<string, string>> = {
  endpoint: '--endpoint (DRS_ENDPOINT)',
  projectId: '--project-id (DRS_PROJECT_ID)',
  token: '--token (DRS_TOKEN)',
};

/** The client, or a usage error (exit 2, before any request) when it refuses a setting: a token with CR/LF, a project ID of "..". */
function clientOf(create: () => DrsClient): DrsClient {
  try {
    return create();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // The client's messages never quote the token.
    const [option = '', ...rest] = error.message.split(' ');
    const flag = flagOfOption[option];
    throw new UsageError(flag ? `${flag}: ${rest.join(' ')}` : error.message);
  }
}

function tableLook(io: Io, flags: ListFlags) {
  return { width: terminalWidth(io.stdout, io.env), color: useColor(io.stdout, io.env), secrets: [flags.token] };
}

function nextPageHint(flags: ListFlags, shown: number, total: number): string | undefined {
  if (flags.page < 1 || flags.perPage < 1 || flags.page * flags.perPage >= total || shown === 0) return undefined;
  return `(page ${flags.page}; --page ${flags.page + 1} or --all for more)`;
}
