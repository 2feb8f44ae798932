#!/usr/bin/env node
// Runs an SDK's smoke test against the Prism mock of the bundled spec:
//
//   node tools/openapi-generator-smoke.mjs -- <command> [args...]
//
// Prism is started the way the contract suite starts it (tools/prism.mjs: free port, wait until it
// answers, kill its own PID). The command gets
//   DRS_MOCK_URL      the mock's base URL
//   DRS_EXAMPLES_DIR  openapi/examples, whose request-seed.json / response-200-seed.json it checks against
// and its exit code becomes ours.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startPrism, workspaceRoot } from './prism.mjs';

const separator = process.argv.indexOf('--');
const [command, ...args] = separator === -1 ? [] : process.argv.slice(separator + 1);
if (!command) {
  console.error('usage: node tools/openapi-generator-smoke.mjs -- <command> [args...]');
  process.exit(2);
}

const prism = await startPrism();
let code = 1;
try {
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DRS_MOCK_URL: prism.url, DRS_EXAMPLES_DIR: join(workspaceRoot, 'openapi/examples') },
  });
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  code = await new Promise((resolve) => {
    child.once('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (status, signal) => resolve(status ?? (signal ? 128 : 1)));
  });
} finally {
  await prism.close();
}
process.exit(code);
