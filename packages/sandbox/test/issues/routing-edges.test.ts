// Defects 14, 16 and 17: routing and parsing edges.
// 14: bad-URL answers echoed the raw URL with its query (?token=SECRET) unclipped and unlogged.
// 16: a project ID over 100 characters got Fastify's "max param length" 400 before authentication;
//     TRACE/PROPFIND on the operation path got 404 instead of 405 with Allow.
// 17: a `__proto__`/`constructor` key was refused as bad JSON, though D9 ignores unknown properties;
//     a non-UTF-8 charset was accepted and the body read as UTF-8.
import { describe, expect, it } from 'vitest';
import { errorOf, post, projectA, tokenA } from '../support.ts';
import { listeningApp, raw } from './raw-http.ts';

const server = listeningApp();
const seed = { cur_page: 1, db_use_type: 'migration', per_page: 10 };


describe('bad URLs (14)', () => {
  it('never echo the query, clip the path and log a line', async () => {
    const res = await server.app.inject({ method: 'POST', url: `/v3/%zz${'p'.repeat(8000)}/jobs?token=SECRET123`, headers: { 'x-auth-token': tokenA } });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('SECRET123');
    expect(res.body.length).toBeLessThan(1000);
    expect(JSON.parse(res.body)).toMatchObject({ error_code: 'DRS.M00202' });
    await new Promise((resolve) => setImmediate(resolve));
    const line = server.lines.find((l) => l.includes(String(res.headers['x-request-id'])));
    expect(line).toBeDefined();
    expect(line).not.toContain('SECRET123');
    expect(line!.length).toBeLessThan(1000);
  });

  it('clip the path in the 404 log line', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/${'q'.repeat(8000)}?token=SECRET123` });
    expect(res.statusCode).toBe(404);
    await new Promise((resolve) => setImmediate(resolve));
    const line = server.lines.find((l) => l.includes(String(res.headers['x-request-id'])));
    expect(line!.length).toBeLessThan(1000);
    expect(line).not.toContain('SECRET123');
  });
});

describe('long project IDs and other methods (16)', () => {
  it('let tenancy answer a 101-character project ID', async () => {
    const a = await post(server.app, { token: tokenA, projectId: 'p'.repeat(101), body: seed });
    expect([a.status, errorOf(a).error_code]).toEqual([403, 'DRS.M00261']);
    const none = await post(server.app, { token: undefined, projectId: 'p'.repeat(1000), body: seed });
    expect([none.status, errorOf(none).error_code]).toEqual([401, 'DRS.M00103']);
  });

  for (const method of ['TRACE', 'PROPFIND', 'QUERY']) {
    it(`answer ${method} on the operation path with 405 and Allow`, async () => {
      const answer = await raw(server.port, `${method} /v3/${projectA}/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('POST');
      expect(answer.headers['x-request-id']).toBeTruthy();
      expect(JSON.parse(answer.body)).toHaveProperty('error_code');
    });
  }
});

describe('body parsing (17)', () => {
  it('ignores __proto__ and constructor keys like any unknown property (D9)', async () => {
    const a = await post(server.app, { token: tokenA, body: `{"__proto__":{"x":1},"constructor":{"prototype":{"y":1}},"cur_page":1,"db_use_type":"migration","per_page":10}` });
    expect(a.status).toBe(200);
    expect(a.body.total_record).toBe(1);
  });

  it('refuses a non-UTF-8 charset with 415, accepts utf-8', async () => {
    for (const charset of ['latin1', 'utf-16', 'ISO-8859-1']) {
      const a = await post(server.app, { token: tokenA, body: seed, headers: { 'content-type': `application/json; charset=${charset}` } });
      expect([a.status, errorOf(a).error_code]).toEqual([415, 'DRS.M00302']);
    }
    for (const charset of ['utf-8', 'UTF8', '"utf-8"']) {
      const a = await post(server.app, { token: tokenA, body: seed, headers: { 'content-type': `application/json; charset=${charset}` } });
      expect(a.status).toBe(200);
    }
  });
});
