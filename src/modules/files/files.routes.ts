import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams } from '../../server/schemas.ts';
import { handleWrite } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { allowedTypes, listMyFiles, maxFileBytes, readStoredFile, storeFile } from './files.service.ts';
import { loadCase } from '../cases/case-core.ts';
import { requireCaseRead } from '../cases/cases.queries.ts';

export const filesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  // materials arrive as the raw body with their real content type
  for (const type of Object.keys(allowedTypes)) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: maxFileBytes }, (_req, body, done) => done(null, body));
  }

  app.post(
    '/files',
    {
      bodyLimit: maxFileBytes,
      schema: {
        tags: ['files'],
        summary: 'Upload a file (PDF, JPEG, PNG or OFD, up to 20 MB): the body is the file, X-File-Name its name (URL-encoded)',
        response: {
          201: Type.Object({
            id: Type.Integer(),
            sha256: Type.String(),
            size: Type.Integer(),
            contentType: Type.String(),
            name: Type.String(),
            createdAt: Type.String(),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { allowed: Object.keys(allowedTypes) });
      const header = req.headers['x-file-name'];
      let name = 'file';
      try {
        name = typeof header === 'string' ? decodeURIComponent(header) : 'file';
      } catch {
        throw new AppError('VALIDATION_FAILED', { field: 'X-File-Name' });
      }
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      return handleWrite(deps.db, req, reply, (ctx) => storeFile(ctx, deps, { data: req.body as Buffer, contentType, name }), 201);
    },
  );

  app.get(
    '/files/mine',
    {
      schema: {
        tags: ['files'],
        summary: '材料复用: my own uploads, the latest first, each with what it was handed in as in my cases; q: part of its name or of a material’s',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                name: Type.String(),
                size: Type.Integer(),
                contentType: Type.String(),
                createdAt: Type.String(),
                usedFor: Type.Array(Type.Object({ caseId: Type.Integer(), number: Type.String(), subject: Type.String(), material: Type.String() })),
              }),
            ),
            total: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (req) => listMyFiles(deps.db, req.actor, { q: req.query.q, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/files/:id',
    { schema: { tags: ['files'], summary: 'Download a file (its uploader, or whoever may read a case it belongs to)', params: IdParams } },
    async (req, reply) => {
      const mayReadCase = (caseId: number) =>
        loadCase(deps.db, caseId)
          .then((kase) => requireCaseRead(deps.db, req.actor, kase))
          .then(
            () => true,
            (error: unknown) => {
              if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return false;
              throw error;
            },
          );
      const { meta, data } = await readStoredFile(deps, req.actor, req.params.id, mayReadCase);
      reply
        .type(meta.content_type)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(meta.name)}`)
        .header('x-content-type-options', 'nosniff');
      return reply.send(data);
    },
  );
};
