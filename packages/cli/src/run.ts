// run(): argv in, exit code out. User errors are one short line with their own exit code; anything
// unexpected is a crash, printed with its stack and exit code 70. The token is scrubbed from both streams.
import { CommanderError } from 'commander';
import { DrsApiError, DrsContractError, DrsNetworkError, DrsTimeoutError } from '@drs-contract/client';
import { UsageError, exitCodes, type ExitCode } from './exit-codes.js';
import { printableLines, processIo, redacting, type Io } from './io.js';
import { list, showEndpoint } from './list.js';
import { createProgram, type ListFlags } from './program.js';

/** Runs drs-jobs with `argv` (as process.argv: node, script, args…) and resolves to the exit code. */
export async function run(argv: readonly string[], rawIo: Io = processIo()): Promise<ExitCode> {
  const secrets = new Set<string>();
  // Filled by the option parsers: the token (from --token or DRS_TOKEN) and any endpoint password.
  const io: Io = { stdout: redacting(rawIo.stdout, secrets), stderr: redacting(rawIo.stderr, secrets), env: rawIo.env };
  let flags: ListFlags | undefined;

  const program = createProgram(
    async (parsed) => {
      flags = parsed;
      await list(parsed, io);
    },
    (secret) => secrets.add(secret),
  );
  for (const command of [program, ...program.commands]) {
    command.exitOverride().configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
  }

  try {
    await program.parseAsync(argv as string[], { from: 'node' });
    return exitCodes.ok;
  } catch (error) {
    // commander has printed its message already (help, version, or what is wrong with the arguments).
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    const endpoint = flags ? showEndpoint(flags.endpoint) : 'the endpoint';
    const fail = (code: ExitCode, message: string): ExitCode => {
      // The message may quote a server (error_msg, an error page): it must not drive the terminal.
      io.stderr.write(`error: ${printableLines(message)}\n`);
      return code;
    };
    if (error instanceof UsageError) return fail(exitCodes.usage, error.message);
    if (error instanceof DrsApiError) {
      if (error.errorCode === undefined) {
        // Not a DRS error body (a proxy's 502 page, say): the client's message has the status and a snippet.
        return fail(exitCodes.drsError, `${endpoint} answered ${error.message.replace(/^DRS API error: /, '')}`);
      }
      const where = `HTTP ${error.status}${error.requestId ? `, request id ${error.requestId}` : ''}`;
      return fail(exitCodes.drsError, `${error.errorCode}: ${error.errorMsg} (${where})`);
    }
    if (error instanceof DrsTimeoutError) {
      return fail(exitCodes.unreachable, `no answer from ${endpoint} within ${error.timeoutMs} ms (${tries(error.attempts)})`);
    }
    if (error instanceof DrsNetworkError) {
      return fail(exitCodes.unreachable, `cannot reach ${endpoint}: ${error.message.replace(/^DRS request failed: /, '')} (${tries(error.attempts)})`);
    }
    if (error instanceof DrsContractError) {
      return fail(exitCodes.contract, `the answer of ${endpoint} breaks the DRS contract: ${error.message.replace(/^DRS response breaks the contract /, '')}`);
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`drs-jobs crashed; this is a bug, please report it with what follows.\n${printableLines(detail)}\n`);
    return exitCodes.internal;
  }
}

function tries(attempts: number): string {
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}
