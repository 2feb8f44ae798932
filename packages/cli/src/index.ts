// Public API of @drs-contract/cli: the drs-jobs program, callable in-process.
export { run } from './run.js';
export { createProgram, type ListFlags } from './program.js';
export { exitCodes, UsageError, type ExitCode } from './exit-codes.js';
export { columns, fitWidths, formatJson, formatNdjsonLine, formatTable, outputFormats, type OutputFormat, type TableOptions } from './format.js';
export { processIo, redact, terminalWidth, useColor, type Io, type OutStream } from './io.js';
