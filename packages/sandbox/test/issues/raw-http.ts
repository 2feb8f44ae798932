// Raw HTTP over a socket, for requests no HTTP client would send.
import net from 'node:net';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { appWith, job, projectA, tokenA } from '../support.ts';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  closed: boolean;
}

/** Writes `data` and reads until the server closes the connection (or `waitMs` passes). */
export function raw(port: number, data: string | Buffer, waitMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n'), closed });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.write(data);
  });
}

/**
 * The real app with the one-job, one-token test data, listening on a free loopback port, its log lines
 * collected: `const server = listeningApp();` then `server.port`, `server.app`, `server.lines` in tests.
 */
export function listeningApp(): { readonly app: FastifyInstance; readonly port: number; readonly lines: string[] } {
  const state = { app: undefined as FastifyInstance | undefined, port: 0, lines: [] as string[] };
  beforeAll(async () => {
    const log = new PassThrough();
    log.on('data', (d: Buffer) => state.lines.push(...d.toString().split('\n').filter(Boolean)));
    state.app = appWith([job({ id: 'a1' })], { [tokenA]: [projectA] }, { logger: log });
    await state.app.listen({ port: 0, host: '127.0.0.1' });
    state.port = (state.app.server.address() as { port: number }).port;
  });
  afterAll(() => state.app?.close());
  return {
    get app() {
      if (!state.app) throw new Error('listeningApp() is used before its beforeAll ran');
      return state.app;
    },
    get port() {
      return state.port;
    },
    lines: state.lines,
  };
}
