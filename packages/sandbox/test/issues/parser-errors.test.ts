// Defect 5: requests Node's HTTP parser refuses were answered in Fastify's or Node's own shape (or an
// empty body), without X-Request-Id or a log line. They now get the DRS body and both.
import { describe, expect, it } from 'vitest';
import { projectA, tokenA } from '../support.ts';
import { listeningApp, raw } from './raw-http.ts';

const path = `/v3/${projectA}/jobs`;
const seed = '{"cur_page":1,"db_use_type":"migration","per_page":1}';
const post = (headers: string, body = seed) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Auth-Token: ${tokenA}\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

const server = listeningApp();


const cases: Record<string, { data: string; status: number }> = {
  'a bad header character': { data: post('X-Evil: a\u0000b\r\n'), status: 400 },
  'a folded header': { data: post('X-Auth-Folded: a\r\n more\r\n'), status: 400 },
  'a bad request line': { data: 'GARBAGE\r\n\r\n', status: 400 },
  'Content-Length with Transfer-Encoding': {
    data: `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`,
    status: 400,
  },
  'two Content-Lengths': { data: post('Content-Length: 3\r\n'), status: 400 },
  'a bad chunk': {
    data: `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Auth-Token: ${tokenA}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n`,
    status: 400,
  },
  'raw UTF-8 in the path': { data: post('').replace(path, `/v3/\u4e2d/jobs`), status: 400 },
  'a 100 KB token': { data: post(`X-Auth-Token: ${'t'.repeat(100_000)}\r\n`), status: 431 },
  'thousands of headers': { data: post(Array.from({ length: 3000 }, (_, i) => `X-H${i}: 1\r\n`).join('')), status: 431 },
};

describe('requests the HTTP parser refuses', () => {
  for (const [name, { data, status }] of Object.entries(cases)) {
    it(`answers ${name} with ${status} in the DRS shape`, async () => {
      const answer = await raw(server.port, Buffer.from(data, 'utf8'));
      expect(answer.status).toBe(status);
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(answer.body)).toEqual({ error_code: 'DRS.M00202', error_msg: expect.stringContaining('request') as string });
      expect(server.lines.some((l) => l.includes(answer.headers['x-request-id'] ?? '-'))).toBe(true);
    });
  }

  it('answers a request without Host instead of an empty 400', async () => {
    const answer = await raw(server.port, post('').replace('Host: x\r\n', ''));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ total_record: 1 });
  });

  it('answers an unknown Expect with 417 in the DRS shape', async () => {
    const answer = await raw(server.port, post('Expect: 200-ok\r\n'));
    expect(answer.status).toBe(417);
    expect(answer.headers['x-request-id']).toBeTruthy();
    expect(JSON.parse(answer.body)).toMatchObject({ error_code: 'DRS.M00202' });
  });
});
