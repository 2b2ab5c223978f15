import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams } from '../../server/schemas.ts';
import { handleWrite } from '../../server/write.ts';
import { catalogCodePattern } from '../../common/catalog-codes.ts';
import { createDraft, deleteDraft, listDrafts, readDraft, saveDraft } from './drafts.ts';

const tags = ['cases'];

const DraftSummary = Type.Object({
  id: Type.Integer(),
  itemCode: Type.Union([Type.String(), Type.Null()]),
  bundleCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  expiresAt: Type.String(),
});
const Saved = Type.Object({ id: Type.Integer(), version: Type.Integer(), updatedAt: Type.String(), expiresAt: Type.String() });
/** The page's own state: checked for its size only, and when the application is filed */
const Content = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown());

/** 暂存: an applicant's online applications saved unfinished (drafts.ts). */
export const draftsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const { db } = deps;

  app.get(
    '/drafts',
    {
      schema: {
        tags,
        summary: 'My drafts (暂存): applications saved unfinished, the latest saved first',
        response: { 200: Type.Object({ items: Type.Array(DraftSummary) }), ...errors },
      },
    },
    async (req) => listDrafts(db, req.actor),
  );

  app.get(
    '/drafts/:id',
    {
      schema: {
        tags,
        summary: 'One of my drafts, with its content, to continue it',
        params: IdParams,
        response: { 200: Type.Intersect([DraftSummary, Type.Object({ content: Content })]), ...errors },
      },
    },
    async (req) => readDraft(db, deps, req.actor, req.params.id),
  );

  app.post(
    '/drafts',
    {
      schema: {
        tags,
        summary: 'Save an application unfinished (暂存), for an item or a bundle; kept 30 days after its last save',
        body: Type.Object(
          {
            itemCode: Type.Optional(Type.String({ pattern: catalogCodePattern })),
            bundleCode: Type.Optional(Type.String({ pattern: catalogCodePattern })),
            content: Content,
          },
          { additionalProperties: false },
        ),
        response: { 201: Saved, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => createDraft(ctx, deps, req.body), 201),
  );

  app.put(
    '/drafts/:id',
    {
      schema: {
        tags,
        summary: 'Save a draft again, if it is still the version read (409 when saved meanwhile elsewhere)',
        params: IdParams,
        body: Type.Object({ content: Content, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: Saved, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => saveDraft(ctx, deps, req.params.id, req.body)),
  );

  app.delete(
    '/drafts/:id',
    { schema: { tags, summary: 'Give a draft up', params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await handleWrite(db, req, reply, (ctx) => deleteDraft(ctx, req.params.id), 204);
      return null;
    },
  );
};
