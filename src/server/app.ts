import Fastify, { type FastifyInstance, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from './deps.ts';
import { AppError, localeOf, messageFor, fromPgError, type ErrorCode } from './errors.ts';
import { authPlugin } from './plugins/auth.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { registerModules } from '../modules/index.ts';
import type { Actor } from './access.ts';
import type { Locale } from '../common/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyInstance {
    deps: Deps;
  }
}

export type App = FastifyInstance;

/**
 * Stop taking requests and close: what is in flight may finish for `graceMs`, then whatever connections remain are
 * cut. A browser that goes away while a file is being sent to it can leave its request open for good, and a close
 * that waited for it would never end (and a shutdown would not reach the database's).
 */
export async function closeApp(app: App, graceMs = 5_000): Promise<void> {
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}

/** Request logs never carry personal data: ID numbers, phones and searches in query strings are masked. */
export const requestLogSerializers = {
  req(req: { method: string; url: string; id?: string; ip?: string }) {
    return { method: req.method, url: req.url.replace(/((?:idNumber|phone|q)=)[^&]*/gi, '$1***'), id: req.id, remoteAddress: req.ip };
  },
};

/**
 * An address the router cannot read — a broken %-escape, a parameter past 100 characters — is the caller's error:
 * the API answers it in the error shape like any other (Fastify's own answer has another shape, and says 414 for a
 * long id), and a page's address gets the web app, which says what it does not find there.
 */
function answerUnreadableAddress(webDir: string, error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  reply.header('x-request-id', req.id);
  const index = path.join(webDir, 'index.html');
  if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/') && existsSync(index))
    return reply.type('text/html').send(readFileSync(index));
  const locale = localeOf(req.headers['accept-language']);
  return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: messageFor('BAD_REQUEST', locale), details: { reason: error.message } } });
}

export interface BuildOptions {
  logger?: boolean | object;
}

/** The HTTP application: plugins, error shape, health, docs, every module's routes, and the web app. */
export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    // only behind a proxy that sets X-Forwarded-For; otherwise a client could claim any address
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
    frameworkErrors: (error, req, reply) => answerUnreadableAddress(deps.config.webDir, error, req as FastifyRequest, reply as FastifyReply),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (req, reply) => {
    req.locale = localeOf(req.headers['accept-language'], req.query);
    reply.header('x-request-id', req.id);
  });

  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    const locale = req.locale ?? 'zh-CN';
    let appError: AppError | undefined;
    if (error instanceof AppError) appError = error;
    else if ((error as FastifyError).validation) {
      const details = (error as FastifyError).validation!.map((v) => ({
        field: (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (v.params as { missingProperty?: string })?.missingProperty || '',
        rule: v.keyword,
        message: v.message,
      }));
      appError = new AppError('VALIDATION_FAILED', { in: (error as FastifyError).validationContext, fields: details });
    } else {
      appError = fromPgError(error);
      const status = (error as FastifyError).statusCode;
      if (!appError && status && status >= 400 && status < 500) {
        const code: ErrorCode =
          status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : status === 429
                ? 'RATE_LIMITED'
                : status === 404
                  ? 'ROUTE_NOT_FOUND'
                  : 'BAD_REQUEST';
        appError = new AppError(code, { reason: (error as Error).message });
      }
    }
    if (appError?.code === 'UNAUTHENTICATED' && req.sessionExpired) appError = new AppError('SESSION_EXPIRED');
    if (!appError) {
      req.log.error({ err: error }, 'unhandled error');
      appError = new AppError('INTERNAL', { requestId: req.id });
    }
    if (appError.status >= 500) req.log.error({ err: error }, 'server error');
    return reply.code(appError.status).send({ error: { code: appError.code, message: messageFor(appError.code, locale), details: appError.details ?? null } });
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      const locale = req.locale ?? 'zh-CN';
      return reply.code(404).send({
        error: { code: 'ROUTE_NOT_FOUND', message: messageFor('ROUTE_NOT_FOUND', locale), details: { method: req.method, url: req.url.split('?')[0] } },
      });
    }
    // a missing asset is a 404, never the app's page (a stale tab after a rebuild must not get HTML for a script)
    if (req.url.startsWith('/assets/')) return reply.code(404).type('text/plain').send('Not found');
    // the web app handles its own routes
    const index = path.join(deps.config.webDir, 'index.html');
    if (existsSync(index)) return reply.type('text/html').sendFile('index.html', deps.config.webDir);
    return reply.code(404).type('text/plain').send('OneWindow web app is not built: run `npm run build`.');
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'OneWindow API (一窗通办)',
        version: '1',
        description: 'Government service center platform. Errors: { error: { code, message, details } }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ow_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(metricsPlugin);
  await app.register(authPlugin);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/v1/meta', { schema: { summary: 'What the web app shows before sign-in: the center and whether this is a demo' } }, async () => ({
    centerName: deps.config.centerName,
    demo: deps.config.demoOnFirstStart && !deps.config.isProduction,
  }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(deps.db);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', error: { code: 'UNAVAILABLE', message: 'database unreachable', details: null } });
    }
  });

  await app.register(registerModules, { prefix: '/api/v1' });

  if (existsSync(deps.config.webDir)) {
    // wildcard: files built after the server started are served too
    await app.register(fastifyStatic, { root: deps.config.webDir, wildcard: true, index: ['index.html'], maxAge: '1h', immutable: false });
  }
  return app;
}
