// The benchmark's server, in its own process so its work does not share the client's event loop:
// a keep-alive node:http server answering every request with the seed's example response.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const example = JSON.parse(readFileSync(join(import.meta.dirname, '../../../openapi/examples/response-200-seed.json'), 'utf8'));
const body = Buffer.from(JSON.stringify(example.value));

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length, 'x-request-id': 'bench' });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
