import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, Paging, Nullable } from '../../server/schemas.ts';
import { requireAccess, scopeOf } from '../../server/access.ts';
import { sealAudit, verifyAudit } from './audit.service.ts';
import { listAuditEntries } from './audit.store.ts';

const EntryView = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.String(),
  targetLabel: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  change: Type.Any(),
  hash: Type.String(),
});

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  app.get(
    '/audit/entries',
    {
      schema: {
        tags: ['audit'],
        summary: 'Read the audit trail (newest first)',
        querystring: Type.Object({
          targetType: Type.Optional(Type.String({ maxLength: 50 })),
          targetId: Type.Optional(Type.String({ maxLength: 50 })),
          actorId: Type.Optional(Type.Integer({ minimum: 1 })),
          action: Type.Optional(Type.String({ maxLength: 100 })),
          ...Paging,
        }),
        // `total` is counted up to 10,000 (auditCountLimit); `totalCapped`: more entries than that match
        response: { 200: Type.Object({ items: Type.Array(EntryView), total: Type.Integer(), totalCapped: Type.Boolean() }), ...errors },
      },
    },
    async (req) => {
      requireAccess(req.actor, 'audit.read');
      return listAuditEntries(deps.db, scopeOf(req.actor, 'audit.read'), { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 });
    },
  );

  app.post(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Seal new entries and recompute every hash chain',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            entries: Type.Integer(),
            seals: Type.Integer(),
            firstBroken: Type.Optional(
              Type.Object({ id: Nullable(Type.Integer()), stream: Type.Optional(Type.String()), seq: Type.Optional(Type.Integer()), reason: Type.String() }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      requireAccess(req.actor, 'audit.read');
      await sealAudit(deps.db);
      return verifyAudit(deps.db);
    },
  );
};
