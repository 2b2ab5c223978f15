import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, Paging, Nullable } from '../../server/schemas.ts';
import { handleWrite } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { listChannelDeliveries, listMessages, markRead, unreadCount } from './notify.service.ts';

const Localized = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });
const MessageView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Localized,
  body: Localized,
  link: Nullable(Type.String()),
  readAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const notifyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  app.get(
    '/messages',
    {
      schema: {
        tags: ['notify'],
        summary: 'My message center',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), ...Paging }),
        response: { 200: Type.Object({ items: Type.Array(MessageView), total: Type.Integer(), unread: Type.Integer() }), ...errors },
      },
    },
    async (req) => {
      if (!req.actor) throw new AppError('UNAUTHENTICATED');
      return listMessages(deps.db, req.actor, { unreadOnly: req.query.unread ?? false, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 });
    },
  );
  app.get(
    '/messages/unread-count',
    { schema: { tags: ['notify'], summary: 'How many unread messages I have', response: { 200: Type.Object({ unread: Type.Integer() }), ...errors } } },
    async (req) => {
      if (!req.actor) throw new AppError('UNAUTHENTICATED');
      return { unread: await unreadCount(deps.db, req.actor) };
    },
  );
  app.post(
    '/messages/read',
    {
      schema: {
        tags: ['notify'],
        summary: 'Mark messages as read',
        body: Type.Object(
          { ids: Type.Union([Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 }), Type.Literal('all')]) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ updated: Type.Integer() }), ...errors },
      },
    },
    async (req, reply) => {
      if (!req.actor) throw new AppError('UNAUTHENTICATED');
      return handleWrite(deps.db, req, reply, async (ctx) => ({ updated: await markRead(ctx.tx, req.actor!, req.body.ids) }));
    },
  );
  app.get(
    '/notify/deliveries',
    {
      schema: {
        tags: ['notify'],
        summary: 'SMS and e-mail that would have been sent (development channel log)',
        querystring: Type.Object({ channel: Type.Optional(Type.Union([Type.Literal('sms'), Type.Literal('email')])), ...Paging }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                channel: Type.String(),
                recipient: Type.String(),
                accountName: Nullable(Type.String()),
                body: Type.String(),
                status: Type.String(),
                createdAt: Type.String(),
              }),
            ),
            total: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (req) => listChannelDeliveries(deps.db, req.actor, { channel: req.query.channel, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );
};
