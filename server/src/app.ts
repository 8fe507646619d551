import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import { Emulator } from './context.ts';
import { openDatabase, type Db } from './db/database.ts';
import { ApiHttpError, badRequest, type ErrorObject } from './errors.ts';
import { installEngine } from './engine/scheduler.ts';
import { testHookRoutes } from './engine/test-hooks.ts';
import { recordEvent, redactSecrets } from './events.ts';
import { installFaults, type FaultConfig } from './faults.ts';
import { isPlainObject, JSON_API } from './jsonapi.ts';
import { MAX_BODY_DEPTH, textNestedDeeperThan } from './json-depth.ts';
import { isApiRequest } from './api-scope.ts';
import { AuditedWrites } from './audited-writes.ts';
import { ownerPathFromParams } from './nodes.ts';
import { installRequestValidation } from './request-validation.ts';
import { seedDatabase, type SeedName } from './seeds/seed.ts';
import { apiRoutes } from './routes/index.ts';

export interface BuildAppOptions {
  /** SQLite file, or ':memory:'. */
  db?: string;
  /** Seed applied when the database is new (no users yet). */
  seed?: SeedName;
  clock?: Clock;
  logger?: boolean;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** EMULATOR_SPEED: simulated durations are divided by this factor (default 1). */
  speed?: number;
  /** Run the execution engines on a timer (default true). Tests with a fake clock pass false and call `app.emulator.runTickers()`. */
  drive?: boolean;
  /** Milliseconds between engine ticks when driven (default 50). */
  tickIntervalMs?: number;
  /** EMULATOR_FAULTS (parsed with `parseFaults`): latency and 503s on `/api`. Off when null or omitted. */
  faults?: FaultConfig | null;
  /** Serve the `/__emulator/*` test hooks (EMULATOR_TEST_HOOKS). Off by default. */
  testHooks?: boolean;
}

/** Builds the OpsChain API emulator as a Fastify instance serving `/api/...`. */
export async function buildApp(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const db: Db = openDatabase(options.db ?? ':memory:');
  const emulator = new Emulator(db, options.clock ?? systemClock, options.speed ?? 1);
  const isNew = (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0;
  if (isNew) seedDatabase(emulator, options.seed ?? 'demo');
  installEngine(emulator);

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // Bad URLs and over-long path segments are answered by the router itself: keep them JSON:API too.
    frameworkErrors: (error, _req, reply: FastifyReply) => {
      const status = error.statusCode === 414 ? 414 : 400;
      const body = {
        errors: [{ status, title: status === 414 ? 'URI too long' : 'Bad request', detail: error.message }],
      };
      void reply.code(status).type(JSON_API).send(body);
    },
  });
  app.decorate('emulator', emulator);
  app.decorateRequest('principal', null);
  app.decorateRequest('authz', null);
  app.addHook('onClose', () => {
    db.close();
  });

  // JSON:API bodies, and plain JSON (curl users and some tools send it). Anything else is refused below.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([JSON_API, 'application/json'], { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    if (textNestedDeeperThan(text, MAX_BODY_DEPTH)) {
      done(
        badRequest(
          'Request body nested too deeply',
          `Objects and arrays in a request body may nest at most ${String(MAX_BODY_DEPTH)} levels deep.`,
        ),
        undefined,
      );
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(badRequest('Malformed request body', 'The request body is not valid JSON.'), undefined);
    }
  });
  app.addContentTypeParser('*', (_req, _payload, done) => {
    done(badRequest('Unsupported media type', `Send request bodies as ${JSON_API} (JSON:API).`), undefined);
  });

  if (options.faults) installFaults(app, options.faults);
  app.addHook('onRequest', (req, _reply, done) => {
    if (!isApiRequest(req)) {
      done();
      return;
    }
    try {
      const principal = emulator.authn.authenticate(req.headers.authorization);
      req.principal = principal;
      req.authz = emulator.authorizerFor(principal);
    } catch (err) {
      done(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    done();
  });

  installRequestValidation(app);

  // A route that records a system event writes and records in one transaction: both or neither.
  const audited = new AuditedWrites(db);
  app.addHook('preHandler', (req, reply, done) => {
    try {
      if (reply.routeOptions.config.event) audited.begin(req);
    } catch (err) {
      done(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    done();
  });
  app.addHook('onResponse', (req, _reply, done) => {
    audited.rollback(req);
    done();
  });
  app.addHook('onRequestAbort', (req, done) => {
    audited.rollback(req);
    done();
  });

  app.addHook('onSend', async (req, reply, payload) => {
    // Handlers return plain objects, which Fastify labels application/json: the API speaks JSON:API.
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json'))
      reply.header('content-type', JSON_API);
    const event = reply.routeOptions.config.event;
    if (event && reply.statusCode < 400 && req.principal) {
      const username = req.principal.username;
      audited.commit(req, () => {
        recordSystemEvent(emulator, event, username, req.params, req.body, payload);
      });
    } else if (reply.statusCode < 500) {
      // A refusal keeps what its handler stored on purpose (`api:steps:approve:denied`); handlers check
      // before they write, and their own transactions undo a half-done write that throws.
      audited.commit(req);
    } else audited.rollback(req);
    return payload;
  });

  app.setErrorHandler((error: FastifyError | ApiHttpError, _req, reply) => {
    if (error instanceof ApiHttpError) {
      void reply
        .status(error.httpStatus)
        .headers(error.headers)
        .type(JSON_API)
        .send({ errors: error.errors });
      return;
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    const body: ErrorObject =
      status === 413
        ? { status, title: 'Request body too large', detail: 'The request body exceeds the size limit.' }
        : status < 500
          ? { status, title: 'Bad request', detail: error.message }
          : { status, title: 'Internal server error', detail: 'The emulator failed to handle this request.' };
    if (status >= 500) app.log.error(error);
    void reply
      .status(status)
      .type(JSON_API)
      .send({ errors: [body] });
  });

  app.setNotFoundHandler((req, reply) => {
    void reply
      .status(404)
      .type(JSON_API)
      .send({
        errors: [
          {
            status: 404,
            title: 'Not Found',
            detail: `No route matches ${req.method} ${req.url.split('?')[0] ?? ''}`,
          },
        ],
      });
  });

  await app.register(apiRoutes);
  if (options.testHooks) testHookRoutes(app, options.seed ?? 'demo');

  if (options.drive ?? true) {
    const timer = setInterval(() => {
      try {
        emulator.runTickers();
      } catch (err) {
        app.log.error(err);
      }
    }, options.tickIntervalMs ?? 50);
    timer.unref();
    app.addHook('onClose', () => {
      clearInterval(timer);
    });
  }
  return app;
}

function recordSystemEvent(
  emu: Emulator,
  type: string,
  username: string,
  params: unknown,
  body: unknown,
  payload: unknown,
): void {
  let source: { type: string | null; id: string | null; path: string | null } | null = null;
  if (typeof payload === 'string' && payload.startsWith('{')) {
    try {
      const doc = JSON.parse(payload) as unknown;
      if (isPlainObject(doc) && isPlainObject(doc.data)) {
        const { type: t, id, links } = doc.data;
        const self = isPlainObject(links) && typeof links.self === 'string' ? links.self : null;
        if (typeof t === 'string' && typeof id === 'string') source = { type: t, id, path: self };
      }
    } catch {
      source = null;
    }
  }
  const urlParams = isPlainObject(params) ? params : {};
  const requestBody =
    isPlainObject(body) && isPlainObject(body.data) && isPlainObject(body.data.attributes)
      ? body.data.attributes
      : isPlainObject(body)
        ? body
        : {};
  const parentCode = ['asset_code', 'environment_code', 'project_code']
    .map((k) => urlParams[k])
    .find((v): v is string => typeof v === 'string');
  // A DELETE answers without a body: keep the owner node's path as the source, so the event stays
  // attached to (and only visible with) the node it happened under.
  if (source === null && parentCode !== undefined)
    source = { type: null, id: null, path: `/api${ownerPathFromParams(urlParams)}` };
  recordEvent(emu, {
    type,
    username,
    system: true,
    payload: {
      url_params: urlParams,
      request_body: redactSecrets(requestBody),
      ...(parentCode ? { parent_code: parentCode } : {}),
    },
    source,
  });
}
