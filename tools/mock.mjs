#!/usr/bin/env node
// `npm run mock`: a Prism mock of the bundled spec on MOCK_PORT (default 4011).
import { execFileSync } from 'node:child_process';
import { startPrism, workspaceRoot } from './prism.mjs';

// Bundle every time (about a second), so the mock always serves the spec as it is now.
execFileSync(process.execPath, ['tools/bundle-spec.mjs'], { cwd: workspaceRoot, stdio: ['ignore', 'inherit', 'ignore'] });
const port = Number(process.env.MOCK_PORT ?? 4011);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`MOCK_PORT must be a port number, got "${process.env.MOCK_PORT}"`);
  process.exit(2);
}
const prism = await startPrism({ port, verbose: process.env.MOCK_VERBOSE ?? 'info' }).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
console.log(`DRS mock (Prism) listening on ${prism.url}`);
console.log(`try: curl -s -X POST ${prism.url}/v3/054ba152d480d55b2f5dc0069e7ddef0/jobs -H 'Content-Type: application/json' -H 'X-Auth-Token: any' -d '{"cur_page":1,"per_page":5,"db_use_type":"migration","engine_type":"","name":"","net_type":"","status":""}'`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await prism.close();
    process.exit(0);
  });
}
