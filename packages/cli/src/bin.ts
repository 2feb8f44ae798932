// Entry point of drs-jobs (started by bin/drs-jobs.js).
import { run } from './run.js';

// `drs-jobs list --all -o ndjson | head`: once the reader is gone, stop quietly instead of crashing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv);
