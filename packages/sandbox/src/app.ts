// The HTTP layer: one operation, POST /v3/{project_id}/jobs, as the spec describes it. Every request
// goes through the validator package; every error answer is built from the spec's error registry.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { requestLimits, validateHeaders, validateRequest, type Language, type ShowJobListRequest } from '@drs-contract/validator';
import { JsonLog } from './log.js';
import { clipText, codeForStatus, drsError, languageOf, violationError, type DrsError } from './errors.js';
import type { JobFilter, JobStore } from './store.js';
import { TokenIndex, type TokenMap } from './tokens.js';

export interface AppOptions {
  store: JobStore;
  tokens: TokenMap;
  /** JSON log lines, one per request: `true` for stdout, or a stream. Off by default. */
  logger?: boolean | NodeJS.WritableStream;
  /** Largest accepted request body in bytes (default 1 MiB; larger → 413). */
  bodyLimit?: number;
  /** Answers returning every match (`cur_page` 0) stream once they hold more jobs than this. */
  streamThreshold?: number;
  /** Close the store when the app closes (default true). */
  closeStore?: boolean;
  /** A request not fully received after this many ms is answered 408 and its connection closed (default 30 s). */
  requestTimeout?: number;
}

export const defaultBodyLimit = 1024 * 1024;
export const defaultRequestTimeout = 30_000;
const operationPath = '/v3/:project_id/jobs';
// Methods Fastify's router knows get a route answering 405; others reach the not-found handler,
// which answers 405 too when the path is the operation's.
const operationPattern = /^\/v3\/[^/?#]+\/jobs$/;
const json = 'application/json; charset=utf-8';
// Project IDs longer than Fastify's default (100) reach the handler, so validation and tenancy answer.
const maxParamLength = 2048;

/** The request's filters as the store reads them (D1 `""` = no filter, D7 absent engine = mysql). */
export function toFilter(body: ShowJobListRequest): JobFilter {
  const given = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  const engine = body.engine_type === undefined ? requestLimits.engineTypeDefault : body.engine_type;
  return {
    dbUseType: body.db_use_type,
    engineType: given(engine),
    netType: given(body.net_type),
    status: given(body.status),
    enterpriseProjectId: given(body.enterprise_project_id),
    serviceName: given(body.service_name),
    name: given(body.name),
    tags: body.tags && body.tags.length > 0 ? body.tags : undefined,
  };
}

function send(reply: FastifyReply, error: DrsError): FastifyReply {
  return reply.code(error.status).header('content-type', json).send(JSON.stringify(error.body));
}

/** The path of a URL, without its query (which may hold secrets), clipped for messages and logs. */
const pathOf = (url: string) => clipText(url.split(/[?#]/)[0] ?? '');

/** A charset other than UTF-8 is refused: JSON bodies are read as UTF-8 (RFC 8259). */
function foreignCharset(contentType: string | undefined): boolean {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '');
  return match !== null && !/^utf-?8$/i.test(match[1] ?? '');
}

/** Builds the server without listening (tests inject requests; `startSandbox` listens). */
export function buildApp(options: AppOptions): FastifyInstance {
  const { store } = options;
  const tokens = new TokenIndex(options.tokens);
  const streamThreshold = options.streamThreshold ?? 1000;
  const requestTimeout = options.requestTimeout ?? defaultRequestTimeout;
  const log = options.logger ? new JsonLog(options.logger === true ? process.stdout : options.logger) : undefined;

  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? defaultBodyLimit,
    genReqId: () => randomUUID(),
    exposeHeadRoutes: false,
    return503OnClosing: false,
    routerOptions: { maxParamLength },
    // D9: unknown properties are ignored, `__proto__` and `constructor` among them (dropped, not obeyed).
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
    requestTimeout,
    http: {
      // Node checks request timeouts only this often (30 s by default, doubling the wait).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeout / 4))),
      headersTimeout: Math.min(requestTimeout, 60_000),
      // A request without Host reaches the app (and gets a DRS answer) rather than Node's empty 400.
      requireHostHeader: false,
    },
    // Fastify's own 400s for unparsable URLs get the DRS shape too; the URL's query is never echoed.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      const detail = `The URL ${pathOf(request.url)} cannot be decoded.`;
      send(reply, drsError('DRS.M00202', languageOf(request.headers['x-language']), { field: 'path', detail }));
      log?.write('info', 'request', { request_id: request.id, method: request.method, path: pathOf(request.url), status: 400, error: error.code });
    },
    // Requests Node's HTTP parser refuses (bad header characters, bad chunking, oversized headers, a
    // request that never finishes) never reach a route; they get the DRS shape and a log line too.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const id = randomUUID();
      const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const detail =
        status === 408 ? 'The request was not received in time.' : status === 431 ? 'The request headers are too large.' : 'The request is not well-formed HTTP.';
      const body = JSON.stringify(drsError('DRS.M00202', requestLimits.languageDefault, { field: 'request', detail }).body);
      const pending = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
      if (socket.writable && !pending?.headersSent) {
        socket.write(
          `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: ${json}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${id}\r\nConnection: close\r\n\r\n${body}`,
        );
      }
      socket.destroy();
      log?.write('info', 'client error', { request_id: id, status, error: error.code });
    },
  });

  // Node answers `Expect` values it does not know with its own empty 417; answer in the DRS shape.
  app.server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const id = randomUUID();
    const body = JSON.stringify(drsError('DRS.M00202', languageOf(request.headers['x-language']), { field: 'Expect', detail: 'Only "100-continue" is supported.' }).body);
    response.writeHead(417, { 'content-type': json, 'content-length': Buffer.byteLength(body), 'x-request-id': id, connection: 'close' }).end(body);
    log?.write('info', 'request', { request_id: id, method: request.method, path: pathOf(request.url ?? ''), status: 417 });
  });

  // Only JSON bodies are understood; anything else is 415 (DRS.M00302).
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  if (log) {
    // One line per request; only what is safe to keep (never headers, so never the token).
    app.addHook('onResponse', (request, reply, done) => {
      log.write('info', 'request', {
        request_id: request.id,
        method: request.method,
        path: pathOf(request.url),
        status: reply.statusCode,
        duration_ms: Math.round(reply.elapsedTime * 100) / 100,
      });
      done();
    });
    app.addHook('onListen', (done) => {
      const address = app.server.address();
      if (address && typeof address === 'object') log.write('info', 'listening', { address: address.address, port: address.port });
      done();
    });
  }

  app.addHook('onClose', (_app, done) => {
    log?.write('info', 'closed');
    log?.flush();
    if (options.closeStore !== false) store.close();
    done();
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const language = languageOf(request.headers['x-language']);
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, drsError('DRS.M00302', language));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, drsError('DRS.M00301', language));
    }
    // Body parsing errors (bad JSON, empty body, forbidden __proto__, length mismatch) carry 400.
    if (error.statusCode === 400) return send(reply, drsError('DRS.M00300', language));
    if (error.statusCode === 413) return send(reply, drsError('DRS.M00301', language));
    if (error.statusCode === 415) return send(reply, drsError('DRS.M00302', language));
    // Anything else is ours: log what happened (no stack, no headers) and answer 500 without detail.
    log?.write('error', 'unexpected error', { request_id: request.id, error: { name: error.name, message: error.message, code: error.code } });
    return send(reply, drsError('DRS.M00004', language));
  });

  // Unknown paths and methods answer in the same DRS shape. The registry's code for the status when it
  // has one; otherwise DRS.M00202 naming the path or the method as the invalid parameter.
  const refuse = (reply: FastifyReply, status: 404 | 405, language: Language, field: 'path' | 'method', detail: string) => {
    const code = codeForStatus(status);
    const error = code ? drsError(code, language, { field, detail }) : drsError('DRS.M00202', language, { field, detail });
    return send(reply, { ...error, status });
  };

  const wrongMethod = (request: FastifyRequest, reply: FastifyReply) => {
    const language = languageOf(request.headers['x-language']);
    reply.header('allow', 'POST');
    refuse(reply, 405, language, 'method', language === 'zh-cn' ? `只允许POST，而不是${request.method}。` : `Only POST is allowed, not ${request.method}.`);
  };

  app.setNotFoundHandler((request, reply) => {
    if (operationPattern.test(request.url.split(/[?#]/)[0] ?? '')) return wrongMethod(request, reply);
    const language = languageOf(request.headers['x-language']);
    const path = pathOf(request.url);
    refuse(reply, 404, language, 'path', language === 'zh-cn' ? `不存在${request.method} ${path}。` : `There is no ${request.method} ${path}.`);
  });

  app.route({ method: app.supportedMethods.filter((m) => m !== 'POST'), url: operationPath, handler: wrongMethod });

  // Authentication, then authorization, then the request itself: a caller without a valid token for
  // the project learns nothing about the request's validity or the project's jobs. Done on request,
  // before the body is read or parsed, so a stranger's body costs nothing (no 400/413/415 first).
  const authenticate = (request: FastifyRequest<{ Params: { project_id: string } }>, reply: FastifyReply, done: () => void) => {
    const language = languageOf(request.headers['x-language']);
    const unauthenticated = validateHeaders(request.headers).errors.find((e) => e.status === 401);
    if (unauthenticated) return void send(reply, violationError(unauthenticated, language));
    const header = request.headers['x-auth-token'];
    const held = tokens.lookup(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
    if (!held) return void send(reply, drsError('DRS.M00100', language));
    if (!held.has(request.params.project_id)) return void send(reply, drsError('DRS.M00261', language));
    if (foreignCharset(request.headers['content-type'])) return void send(reply, drsError('DRS.M00302', language));
    done();
  };

  app.post<{ Params: { project_id: string } }>(operationPath, { onRequest: authenticate }, (request, reply) => {
    const language = languageOf(request.headers['x-language']);
    const projectId = request.params.project_id;
    const result = validateRequest({ projectId, headers: request.headers, body: request.body });
    const invalid = result.errors[0];
    if (invalid || !result.value) return send(reply, invalid ? violationError(invalid, language) : drsError('DRS.M00004', language));

    const body = result.value.body;
    const filter = toFilter(body);
    const total = store.count(projectId, filter);
    reply.header('content-type', json);
    // D6: cur_page 0, or per_page 0 (the validator allows it only with cur_page 0 or 1), returns every match.
    const every = body.cur_page === 0 || body.per_page === 0;
    if (!every) {
      const offset = (body.cur_page - 1) * body.per_page;
      const docs = offset < total ? store.page(projectId, filter, body.per_page, offset) : [];
      return reply.send(`{"jobs":[${docs.join(',')}],"total_record":${total}}`);
    }
    if (total <= streamThreshold) {
      return reply.send(`{"jobs":[${store.page(projectId, filter, -1, 0).join(',')}],"total_record":${total}}`);
    }
    // A large "everything" answer is streamed batch by batch, in bounded memory.
    function* chunks(): Generator<string, void, undefined> {
      yield '{"jobs":[';
      let first = true;
      for (const batch of store.batches(projectId, filter)) {
        yield first ? batch.join(',') : `,${batch.join(',')}`;
        first = false;
      }
      yield `],"total_record":${total}}`;
    }
    return reply.send(Readable.from(chunks(), { objectMode: false }));
  });

  return app;
}
