import fp from 'fastify-plugin';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';
import { resolveApiKey, resolveSession, sessionCookie } from '../../modules/identity/sessions.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** false on the few writes that happen before a session exists (login, registration). */
    csrf?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who is calling: a session cookie (with a CSRF token required on every write) or an API key
 * (`Authorization: Bearer ow_…`, no CSRF: it is not sent by browsers on their own).
 */
export const authPlugin = fp(async (app) => {
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await resolveApiKey(app.deps, auth.slice(7).trim());
      if (!actor) throw new AppError('UNAUTHENTICATED', { reason: 'invalid or revoked API key' });
      req.actor = actor;
      return;
    }
    const token = req.cookies[sessionCookie];
    if (!token) return;
    const check = await resolveSession(app.deps, token);
    if (check.state === 'expired') {
      req.sessionExpired = true;
      return;
    }
    if (check.state !== 'ok') return;
    req.actor = check.actor;
    const asked = (req.query as { lang?: string } | undefined)?.lang || req.headers['accept-language'];
    if (!asked) req.locale = check.actor.locale;
    if (!safeMethods.has(req.method) && req.routeOptions.config?.csrf !== false) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, check.csrfToken)) throw new AppError('CSRF_FAILED');
    }
  });
});
