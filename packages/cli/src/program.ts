// The command line of drs-jobs, declared with commander. Every enum choice, default and limit is read
// from the code generated from the spec (@drs-contract/validator, @drs-contract/client).
import { createRequire } from 'node:module';
import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultRetry, defaultTimeoutMs } from '@drs-contract/client';
import {
  enums,
  requestLimits,
  type DbUseType,
  type EngineType,
  type Language,
  type NetType,
  type ResourceTag,
  type TaskStatus,
} from '@drs-contract/validator';
import { outputFormats, type OutputFormat } from './format.js';

/** The options of `drs-jobs list`, as commander hands them to the action. */
export interface ListFlags {
  dbUseType: DbUseType;
  /** '' (the spec's NoFilter) means any engine; absent means the service's default. */
  engine?: EngineType | '';
  net?: NetType;
  status?: TaskStatus;
  name?: string;
  enterpriseProjectId?: string;
  serviceName?: string;
  tag: ResourceTag[];
  page: number;
  perPage: number;
  all?: boolean;
  endpoint: string;
  projectId: string;
  token: string;
  language?: Language;
  output?: OutputFormat;
  timeout: number;
  retries: number;
  verbose?: boolean;
}

const maxRetries = 10;
// The same relative path from src/ and from dist/.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

function integer(min: number, max: number) {
  return (value: string): number => {
    // Decimal digits only: Number() would also read 0x10, 1e2, 0b1 or " 7 ".
    const n = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`Expected an integer from ${min} to ${max}.`);
    }
    return n;
  };
}

function nonEmpty(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('Must not be empty.');
  return value;
}

function absoluteUrl(secret: (value: string) => void) {
  return (value: string): string => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new InvalidArgumentError('Expected an absolute http(s) URL, e.g. http://127.0.0.1:4010.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InvalidArgumentError('Expected an absolute http(s) URL, e.g. http://127.0.0.1:4010.');
    }
    // fetch refuses such URLs; and commander's message quotes the argument, so hide it first.
    if (url.username || url.password) {
      secret(value);
      throw new InvalidArgumentError('Must not contain user:password; the token goes in --token or DRS_TOKEN.');
    }
    return value;
  };
}

/** `--tag key=value`, repeatable; the value may be empty (`--tag key=`) and may itself contain '='. */
function collectTag(value: string, previous: ResourceTag[]): ResourceTag[] {
  const at = value.indexOf('=');
  if (at < 0) throw new InvalidArgumentError('Expected key=value, e.g. --tag team=payments.');
  return [...previous, { key: value.slice(0, at), value: value.slice(at + 1) }];
}

const noFilter = enums.NoFilter[0];

/** The engine filter: an EngineType, or the spec's no-filter value '' for any engine (D1, D7). */
function engineChoice(value: string): EngineType | '' {
  if (value === noFilter) return value;
  const engine = enums.EngineType.find((e) => e === value);
  if (engine === undefined) {
    throw new InvalidArgumentError(`Allowed choices are ${enums.EngineType.join(', ')}, or "" for any engine.`);
  }
  return engine;
}

/** A Language; '' (say DRS_LANGUAGE= in a script) means unset, like an absent variable: the service's default. */
function languageChoice(value: string): Language | undefined {
  if (value === '') return undefined;
  const language = enums.Language.find((l) => l === value);
  if (language === undefined) throw new InvalidArgumentError(`Allowed choices are ${enums.Language.join(', ')}.`);
  return language;
}

/**
 * The drs-jobs program; `onList` runs `list` with its parsed flags. `secret` is told every value that
 * must never be printed (the token, a password in the endpoint) as soon as commander reads it.
 */
export function createProgram(onList: (flags: ListFlags) => Promise<void>, secret: (value: string) => void = () => {}): Command {
  const program = new Command('drs-jobs')
    .description('Look at the tasks of a DRS (Data Replication Service) project from a terminal.')
    .version(version)
    .showHelpAfterError('(add --help for usage)');

  const { perPage, curPage } = requestLimits;
  program
    .command('list')
    .description('List the tasks of a project (ShowJobList, POST /v3/{project_id}/jobs).')
    .addOption(new Option('--db-use-type <scenario>', 'scenario to list').choices(enums.DbUseType).makeOptionMandatory())
    .addOption(
      new Option(
        '--engine <type>',
        `engine filter: ${enums.EngineType.join(', ')}, or "" for any engine (left out: the service's default, ${requestLimits.engineTypeDefault})`,
      ).argParser(engineChoice),
    )
    .addOption(new Option('--net <type>', 'network type filter').choices(enums.NetType))
    .addOption(new Option('--status <status>', 'task status filter (one status)').choices(enums.TaskStatus))
    .option('--name <text>', 'task name or task ID filter')
    .option('--enterprise-project-id <id>', 'enterprise project filter', nonEmpty)
    .option('--service-name <name>', 'service name filter')
    .addOption(
      new Option('--tag <key=value>', 'tag filter, repeatable: a task matches when it carries every tag')
        .argParser(collectTag)
        .default([], 'none'),
    )
    .addOption(
      new Option('--page <n>', `page to return, from 1 (${curPage.min}: every match at once)`)
        .argParser(integer(curPage.min, curPage.max))
        .default(curPage.default),
    )
    .addOption(
      new Option('--per-page <n>', `tasks per page, ${perPage.min} to ${perPage.max}`)
        .argParser(integer(perPage.min, perPage.max))
        .default(perPage.default),
    )
    .addOption(new Option('--all', 'walk every page and list every matching task').conflicts(['page', 'perPage']))
    .addOption(new Option('--endpoint <url>', 'DRS endpoint, e.g. https://drs.ap-southeast-1.myhuaweicloud.com').env('DRS_ENDPOINT').argParser(absoluteUrl(secret)).makeOptionMandatory())
    .addOption(new Option('--project-id <id>', 'project ID of the tenant').env('DRS_PROJECT_ID').argParser(nonEmpty).makeOptionMandatory())
    .addOption(
      new Option('--token <token>', 'IAM token, sent as X-Auth-Token (prefer DRS_TOKEN: a flag shows in the process list)')
        .env('DRS_TOKEN')
        .argParser((value: string) => {
          secret(value);
          return nonEmpty(value);
        })
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--language <lang>', `language of error messages (default ${requestLimits.languageDefault})`)
        .choices(enums.Language)
        .argParser(languageChoice)
        .env('DRS_LANGUAGE'),
    )
    .addOption(new Option('-o, --output <format>', 'table (default on a terminal), json (default otherwise: the raw answer) or ndjson (a job per line)').choices(outputFormats))
    .addOption(new Option('--timeout <ms>', 'time limit of one attempt in milliseconds').argParser(integer(1, 2 ** 31 - 1)).default(defaultTimeoutMs))
    .addOption(
      new Option('--retries <n>', 'retries after a network error, a timeout or HTTP 429/502/503/504')
        .argParser(integer(0, maxRetries))
        .default(defaultRetry.attempts - 1),
    )
    .option('-v, --verbose', 'describe each request and answer on stderr (never the token)')
    .action(async (_options: unknown, command: Command) => {
      await onList(command.opts<ListFlags>());
    });

  return program;
}
