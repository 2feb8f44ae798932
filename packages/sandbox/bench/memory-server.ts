// The sandbox app over an in-memory copy of a store file, as `--generate` would hold it, without
// regenerating a million jobs on every benchmark run. argv[2]: the store file; PORT: the port.
import { readFileSync } from 'node:fs';
import { buildApp, defaultTokens, JobStore } from '../src/index.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: memory-server.ts STORE_FILE');
let image: Buffer | undefined = readFileSync(file);
const store = new JobStore(image);
image = undefined;
// Return the file image's memory now, so it cannot fall away during a measurement.
(globalThis as { gc?: () => void }).gc?.();
const app = buildApp({ store, tokens: defaultTokens(store), logger: true });
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
