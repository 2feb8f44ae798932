// The HTTP layer: one operation, POST /v3/{project_id}/jobs, as the spec describes it. Every request
// goes through the validator package; every error answer is built from the spec's error registry.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { requestLimits, validateRequest, type Language, type ShowJobListRequest } from '@drs-contract/validator';
import { JsonLog } from './log.js';
import { codeForStatus, drsError, languageOf, violationError, type DrsError } from './errors.js';
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
}

export const defaultBodyLimit = 1024 * 1024;
const operationPath = '/v3/:project_id/jobs';
const otherMethods = ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;
const json = 'application/json; charset=utf-8';

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

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/** Builds the server without listening (tests inject requests; `startSandbox` listens). */
export function buildApp(options: AppOptions): FastifyInstance {
  const { store } = options;
  const tokens = new TokenIndex(options.tokens);
  const streamThreshold = options.streamThreshold ?? 1000;
  const log = options.logger ? new JsonLog(options.logger === true ? process.stdout : options.logger) : undefined;

  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? defaultBodyLimit,
    genReqId: () => randomUUID(),
    exposeHeadRoutes: false,
    return503OnClosing: false,
    // Fastify's own 400s for unparsable URLs get the DRS shape too.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      send(reply, drsError('DRS.M00202', languageOf(request.headers['x-language']), { field: 'path', detail: error.message }));
    },
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
        path: request.url.split('?')[0],
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

  app.setNotFoundHandler((request, reply) => {
    const language = languageOf(request.headers['x-language']);
    const path = clip(request.url.split('?')[0] ?? '');
    refuse(reply, 404, language, 'path', language === 'zh-cn' ? `不存在${request.method} ${path}。` : `There is no ${request.method} ${path}.`);
  });

  app.route({
    method: [...otherMethods],
    url: operationPath,
    handler: (request, reply) => {
      const language = languageOf(request.headers['x-language']);
      reply.header('allow', 'POST');
      refuse(reply, 405, language, 'method', language === 'zh-cn' ? `只允许POST，而不是${request.method}。` : `Only POST is allowed, not ${request.method}.`);
    },
  });

  app.post<{ Params: { project_id: string } }>(operationPath, (request, reply) => {
    const language = languageOf(request.headers['x-language']);
    const projectId = request.params.project_id;
    const result = validateRequest({ projectId, headers: request.headers, body: request.body });

    // Authentication, then authorization, then the request itself: a caller without a valid token
    // for the project learns nothing about the request's validity or the project's jobs.
    const unauthenticated = result.errors.find((e) => e.status === 401);
    if (unauthenticated) return send(reply, violationError(unauthenticated, language));
    const header = request.headers['x-auth-token'];
    const held = tokens.lookup(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
    if (!held) return send(reply, drsError('DRS.M00100', language));
    if (!held.has(projectId)) return send(reply, drsError('DRS.M00261', language));
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
