import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, Ok, IdParams } from '../../server/schemas.ts';
import { handleWrite } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { requireAccess } from '../../server/access.ts';
import { login, logout, listSessions, revokeSession, sessionCookie, resolveSession } from './sessions.service.ts';
import { authorizeAgent, listAgents, revokeAgent } from './agents.service.ts';
import {
  changePassword,
  createApiKey,
  describeMe,
  insertApplicant,
  registerApplicantAccount,
  revealApplicant,
  searchApplicants,
  setLocale,
  loadActor,
} from './accounts.service.ts';
import {
  ApiKeyBody,
  ApplicantInput,
  ApplicantQuery,
  ApplicantView,
  LoginBody,
  Me,
  MeWithCsrf,
  PasswordBody,
  RegisterBody,
  SessionView,
} from './identity.schemas.ts';

export const identityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const cookieOptions = () => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.secureCookies,
    path: '/',
    maxAge: deps.config.sessionAbsoluteHours * 3600,
  });

  app.post(
    '/auth/login',
    {
      config: { csrf: false },
      schema: { tags: ['identity'], summary: 'Sign in with a user name and password', body: LoginBody, response: { 200: MeWithCsrf, ...errors } },
    },
    async (req, reply) => {
      const result = await login(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      reply.setCookie(sessionCookie, result.token, cookieOptions());
      const actor = await loadActor(deps.db, result.accountId, 'session');
      return { user: await describeMe(deps.db, actor), csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['identity'], summary: 'Sign out (ends this session on the server)', response: { 200: Ok, ...errors } } },
    async (req, reply) => {
      if (req.actor) await logout(deps, req.actor);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['identity'], summary: 'The signed-in account, its roles and permissions', response: { 200: MeWithCsrf, ...errors } } },
    async (req) => {
      if (!req.actor) throw new AppError('UNAUTHENTICATED');
      const token = req.cookies[sessionCookie];
      const check = token ? await resolveSession(deps, token) : null;
      return {
        user: await describeMe(deps.db, req.actor),
        csrfToken: check?.state === 'ok' ? check.csrfToken : '',
        expiresAt: new Date(Date.now() + deps.config.sessionIdleMinutes * 60_000).toISOString(),
      };
    },
  );

  app.patch(
    '/auth/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'Change the account language',
        body: Type.Object({ locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]) }, { additionalProperties: false }),
        response: { 200: Me, ...errors },
      },
    },
    async (req, reply) => {
      await handleWrite(deps.db, req, reply, (ctx) => setLocale(ctx, req.body.locale));
      return describeMe(deps.db, { ...req.actor!, locale: req.body.locale });
    },
  );

  app.get(
    '/auth/sessions',
    { schema: { tags: ['identity'], summary: 'My live sessions', response: { 200: Type.Array(SessionView), ...errors } } },
    async (req) => {
      if (!req.actor) throw new AppError('UNAUTHENTICATED');
      return listSessions(deps, req.actor);
    },
  );

  app.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags: ['identity'],
        summary: 'End one of my sessions',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$' }) }),
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      if (!req.actor) throw new AppError('UNAUTHENTICATED');
      await revokeSession(deps, req.actor, req.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/auth/password',
    { schema: { tags: ['identity'], summary: 'Change my password (ends my other sessions)', body: PasswordBody, response: { 200: Ok, ...errors } } },
    async (req, reply) => {
      if (!req.actor) throw new AppError('UNAUTHENTICATED');
      await handleWrite(deps.db, req, reply, (ctx) => changePassword(ctx, req.body));
      return { ok: true };
    },
  );

  app.post(
    '/auth/register',
    {
      config: { csrf: false },
      schema: {
        tags: ['identity'],
        summary: 'Open an applicant account on the portal (real name)',
        body: RegisterBody,
        response: { 201: Type.Object({ accountId: Type.Integer(), applicantId: Type.Integer() }), ...errors },
      },
    },
    async (req, reply) => handleWrite(deps.db, req, reply, (ctx) => registerApplicantAccount(ctx, deps, req.body), 201),
  );

  app.get(
    '/applicants',
    {
      schema: { tags: ['identity'], summary: 'Find applicants (masked)', querystring: ApplicantQuery, response: { 200: Type.Array(ApplicantView), ...errors } },
    },
    async (req) => searchApplicants(deps, req.actor, { text: req.query.q, idNumber: req.query.idNumber, limit: req.query.limit ?? 50 }),
  );

  app.post(
    '/applicants',
    {
      schema: {
        tags: ['identity'],
        summary: 'Register an applicant at the window',
        body: ApplicantInput,
        response: { 201: Type.Object({ id: Type.Integer() }), ...errors },
      },
    },
    async (req, reply) =>
      handleWrite(
        deps.db,
        req,
        reply,
        async (ctx) => {
          requireAccess(req.actor, 'applicant.register');
          return { id: await insertApplicant(ctx, deps, req.body, null) };
        },
        201,
      ),
  );

  app.post(
    '/applicants/:id/reveal',
    {
      schema: {
        tags: ['identity'],
        summary: 'Show an applicant’s full ID and phone (audited)',
        params: IdParams,
        response: { 200: Type.Object({ idNumber: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }), ...errors },
      },
    },
    async (req, reply) =>
      handleWrite(deps.db, req, reply, (ctx) => revealApplicant(ctx, deps, req.params.id), 200, { idempotent: false, retryChainRace: true }),
  );

  app.post(
    '/api-keys',
    {
      schema: {
        tags: ['identity'],
        summary: 'Issue an API key for an integration account (shown once)',
        body: ApiKeyBody,
        response: {
          201: Type.Object({ id: Type.Integer(), key: Type.String(), prefix: Type.String(), name: Type.String(), createdAt: Type.String() }),
          ...errors,
        },
      },
    },
    async (req, reply) =>
      handleWrite(deps.db, req, reply, (ctx) => createApiKey(ctx, req.body), 201, { storedResponse: (b) => ({ ...b, key: `${b.prefix}… (shown once)` }) }),
  );

  const Party = Type.Object({ applicantId: Type.Integer(), name: Type.String(), idNumber: Type.String() });
  const Authorization = Type.Object({
    id: Type.Integer(),
    validUntil: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    agent: Party,
    principal: Party,
  });

  app.get(
    '/agents',
    {
      schema: {
        tags: ['identity'],
        summary: 'My agents (代办人) and the applicants I act for',
        response: { 200: Type.Object({ myAgents: Type.Array(Authorization), actingFor: Type.Array(Authorization) }), ...errors },
      },
    },
    async (req) => listAgents(deps.db, req.actor),
  );
  app.post(
    '/agents',
    {
      schema: {
        tags: ['identity'],
        summary: 'Authorize a registered applicant to act for me',
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]),
            idNumber: Type.String({ minLength: 18, maxLength: 18 }),
            validUntil: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), ...errors },
      },
    },
    async (req, reply) => handleWrite(deps.db, req, reply, (ctx) => authorizeAgent(ctx, deps, req.body), 201),
  );
  app.delete(
    '/agents/:id',
    { schema: { tags: ['identity'], summary: 'Revoke an authorization', params: IdParams, response: { 200: Ok, ...errors } } },
    async (req, reply) => {
      await handleWrite(deps.db, req, reply, (ctx) => revokeAgent(ctx, req.params.id));
      return { ok: true };
    },
  );
};
