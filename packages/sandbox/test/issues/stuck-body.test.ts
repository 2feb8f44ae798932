// Defect 6: a body that never finished kept its connection open forever (no request timeout) and
// SIGTERM waited behind it. A request not received within requestTimeout is answered 408 in the DRS
// shape; close() drops connections still open after shutdownTimeout.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/index.ts';
import { appWith, job, projectA, tokenA } from '../support.ts';
import { raw } from './raw-http.ts';

const path = `/v3/${projectA}/jobs`;
const partial = `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Auth-Token: ${tokenA}\r\nContent-Length: 100\r\n\r\n{"cur_`;

describe('a body that never finishes', () => {
  const app = appWith([job({ id: 'a1' })], { [tokenA]: [projectA] }, { requestTimeout: 300 });
  afterAll(() => app.close());

  it('is answered 408 in the DRS shape once requestTimeout passes', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const answer = await raw((app.server.address() as { port: number }).port, partial, 10_000);
    expect(answer.status).toBe(408);
    expect(answer.closed).toBe(true);
    expect(answer.headers['x-request-id']).toBeTruthy();
    expect(JSON.parse(answer.body)).toMatchObject({ error_code: 'DRS.M00202' });
  });

  it('does not hold close() beyond shutdownTimeout', async () => {
    const sandbox = await startSandbox({ jobs: [job({ id: 'a1' })], tokens: { [tokenA]: [projectA] }, shutdownTimeout: 200 });
    const socket = net.connect(sandbox.port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.write(partial, () => resolve()));
    // The request is in flight (default 30 s request timeout); close() must still finish.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const result = await Promise.race([sandbox.close().then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('hung'), 5000))]);
    expect(result).toBe('closed');
    await closed;
  });
});
