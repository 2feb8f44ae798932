#!/usr/bin/env node
// npm links a bin only when its file exists at install time, and dist/ appears only with the build, so
// the bin npm links is this committed launcher. It loads the built program.
import('../dist/bin.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write(`drs-jobs is not built: ${error.message}\nRun \`npx nx run cli:build\` in the drs-contract workspace.\n`);
    process.exit(70);
  }
  throw error;
});
