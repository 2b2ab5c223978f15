import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { catalogCodePattern } from '../../common/catalog-codes.ts';
import { errors, IdParams, Nullable, Ok, Paging } from '../../server/schemas.ts';
import { handleWrite } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { requireAccess } from '../../server/access.ts';
import { BundleContent, ItemContent, itemTypes } from './catalog.schemas.ts';
import { catalogFacets, getItemForAdmin, getPublishedItem, listItemsForAdmin, powerList, searchItems } from './catalog.queries.ts';
import { cancelItem, createItem, delegateItem, reviewVersion, setLocalDetails, startNewVersion, submitForReview, updateDraft } from './items.service.ts';
import { cancelBundle, getBundle, listBundles, saveBundle } from './bundles.service.ts';
import { validateContent, validateSubmission } from './item-rules.ts';
import { existingOrganizations } from './items.store.ts';
import { renderGuidePdf, renderPowerListPdf } from './guide-pdf.ts';
import { exportCatalog, importCatalog } from './catalog-sheet.ts';

const tags = ['catalog'];
const CodeParams = Type.Object({ code: Type.String({ pattern: catalogCodePattern }) });
/** A broken rule: `message` in English, `messageZh` in Chinese (what the workbench shows in zh-CN). */
const Problem = Type.Object({ path: Type.String(), message: Type.String(), messageZh: Type.String() });
const LimitView = Type.Object({ value: Type.Integer(), unit: Type.String(), note: Type.Optional(Type.String()) });
const ItemSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  type: Type.String(),
  caseKind: Type.String(),
  audience: Type.Array(Type.String()),
  themes: Type.Array(Type.String()),
  version: Type.Integer(),
  organizationId: Type.Integer(),
  organizationName: Type.String(),
  regionName: Type.String(),
  legalLimit: LimitView,
  committedLimit: LimitView,
  visitsRequired: Type.Integer(),
  onlineDepth: Type.Integer(),
});
const PublishedItem = Type.Object({
  code: Type.String(),
  itemId: Type.Integer(),
  versionId: Type.Integer(),
  version: Type.Integer(),
  publishedAt: Nullable(Type.String()),
  organizationId: Type.Integer(),
  organizationName: Type.String(),
  regionId: Type.Integer(),
  regionName: Type.String(),
  regionCode: Type.String(),
  delegatedFrom: Nullable(Type.String()),
  bundles: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  content: ItemContent,
});

/** The catalog: public reading and search for every channel, and its administration. */
export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;

  app.get(
    '/catalog/items',
    {
      schema: {
        tags,
        summary: 'Published items: search (Chinese words) and filters',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          org: Type.Optional(Type.Integer({ minimum: 1 })),
          region: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
          type: Type.Optional(Type.String({ enum: [...itemTypes] })),
          theme: Type.Optional(Type.String({ maxLength: 20 })),
          audience: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('enterprise')])),
          caseKind: Type.Optional(Type.Union([Type.Literal('immediate'), Type.Literal('committed')])),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(ItemSummary), total: Type.Integer() }), ...errors },
      },
    },
    async (req) => {
      const size = req.query.pageSize ?? 20;
      return searchItems(db, { ...req.query, limit: size, offset: ((req.query.page ?? 1) - 1) * size });
    },
  );

  app.get(
    '/catalog/items/:code',
    {
      schema: {
        tags,
        summary: 'The current published version of an item: guide, form, process, limits',
        params: CodeParams,
        response: { 200: PublishedItem, ...errors },
      },
    },
    async (req) => getPublishedItem(db, req.params.code),
  );

  app.get(
    '/catalog/items/:code/guide.pdf',
    { schema: { tags, summary: 'The printable service guide with the one-time notice of all materials (PDF)', params: CodeParams } },
    async (req, reply) => {
      const item = await getPublishedItem(db, req.params.code);
      const origin = `${req.protocol}://${req.host}`;
      const pdf = await renderGuidePdf({
        code: item.code,
        name: item.content.name,
        version: item.version,
        organizationName: item.organizationName,
        regionName: item.regionName,
        publishedAt: item.publishedAt,
        content: item.content,
        guideUrl: `${origin}/services/${encodeURIComponent(item.code)}`,
      });
      reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="guide-${item.code}.pdf"; filename*=UTF-8''${encodeURIComponent(item.content.name)}.pdf`);
      return reply.send(pdf);
    },
  );

  app.post(
    '/catalog/items/:code/check-form',
    {
      schema: {
        tags,
        summary: 'Check an application form against the item’s published form schema',
        params: CodeParams,
        body: Type.Object({ data: Type.Record(Type.String(), Type.Any()) }, { additionalProperties: false }),
        response: { 200: Type.Object({ valid: Type.Boolean(), problems: Type.Array(Problem) }), ...errors },
      },
    },
    async (req) => {
      const item = await getPublishedItem(db, req.params.code);
      const problems = validateSubmission(item.content.form, req.body.data, String(item.versionId));
      return { valid: problems.length === 0, problems };
    },
  );

  app.get(
    '/catalog/facets',
    {
      schema: {
        tags,
        summary: 'Counts by theme, organization and type for the portal’s filters',
        response: {
          200: Type.Object({
            themes: Type.Array(Type.Object({ theme: Type.String(), count: Type.Integer() })),
            organizations: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), count: Type.Integer() })),
            types: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() })),
          }),
          ...errors,
        },
      },
    },
    async () => catalogFacets(db),
  );

  const PowerRow = Type.Object({
    organizationName: Type.String(),
    type: Type.String(),
    code: Type.String(),
    name: Type.String(),
    basis: Type.String(),
    legalLimit: LimitView,
  });
  app.get(
    '/catalog/power-list',
    { schema: { tags, summary: '权力清单: published administrative powers by organization and type', response: { 200: Type.Array(PowerRow), ...errors } } },
    async () => powerList(db),
  );
  app.get('/catalog/power-list.pdf', { schema: { tags, summary: '权力清单 as PDF' } }, async (_req, reply) => {
    const city = await db.selectFrom('region').select('name').where('level', '=', 'city').orderBy('id').executeTakeFirst();
    const pdf = await renderPowerListPdf(await powerList(db), `${city?.name ?? ''}权力清单`);
    reply.type('application/pdf').header('content-disposition', 'inline; filename="power-list.pdf"');
    return reply.send(pdf);
  });

  app.get(
    '/catalog/bundles',
    {
      schema: {
        tags,
        summary: 'Published bundles (一件事一次办)',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Array(Type.Any()), ...errors },
      },
    },
    async (req) => listBundles(db, req.query),
  );
  app.get(
    '/catalog/bundles/:code',
    {
      schema: { tags, summary: 'A bundle with its items, merged material list and merged form', params: CodeParams, response: { 200: Type.Any(), ...errors } },
    },
    async (req) => getBundle(db, req.params.code),
  );

  // ---- administration ----
  app.get(
    '/catalog/admin/items',
    {
      schema: {
        tags,
        summary: 'Items in my catalog scope, every state',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          status: Type.Optional(Type.String({ enum: ['draft', 'published', 'cancelled'] })),
          org: Type.Optional(Type.Integer({ minimum: 1 })),
          ...Paging,
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Any()), total: Type.Integer() }), ...errors },
      },
    },
    async (req) => listItemsForAdmin(db, req.actor, { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );
  app.get(
    '/catalog/admin/items/:id',
    { schema: { tags, summary: 'One item with its versions and delegation', params: IdParams, response: { 200: Type.Any(), ...errors } } },
    async (req) => getItemForAdmin(db, req.actor, req.params.id),
  );
  app.post(
    '/catalog/admin/items',
    {
      schema: {
        tags,
        summary: 'Create an item as a draft',
        body: Type.Object(
          { organizationId: Type.Integer({ minimum: 1 }), baseCode: Type.String({ pattern: '^[0-9]{12}$' }), content: ItemContent },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer(), code: Type.String() }), ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => createItem(ctx, req.body), 201),
  );
  app.put(
    '/catalog/admin/items/:id/draft',
    {
      schema: {
        tags,
        summary: 'Save the draft (send the version you read)',
        params: IdParams,
        body: Type.Object({ content: ItemContent, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ versionId: Type.Integer(), number: Type.Integer(), version: Type.Integer() }), ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => updateDraft(ctx, req.params.id, req.body)),
  );
  app.post(
    '/catalog/admin/items/:id/check',
    {
      schema: {
        tags,
        summary: 'What would stop this content from passing review',
        params: IdParams,
        body: Type.Object({ content: ItemContent }),
        response: { 200: Type.Object({ problems: Type.Array(Problem) }), ...errors },
      },
    },
    async (req) => {
      requireAccess(req.actor, 'catalog.manage');
      return { problems: validateContent(req.body.content, await existingOrganizations(db, req.body.content)) };
    },
  );
  const VersionResult = Type.Object({ versionId: Type.Integer(), number: Type.Integer(), state: Type.Optional(Type.String()) });
  app.post(
    '/catalog/admin/items/:id/versions',
    {
      schema: {
        tags,
        summary: 'Start a new version (变更) as a draft copy of the published one',
        params: IdParams,
        response: { 201: VersionResult, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => startNewVersion(ctx, req.params.id), 201),
  );
  app.post(
    '/catalog/admin/items/:id/submit',
    { schema: { tags, summary: 'Send the draft for review', params: IdParams, response: { 200: VersionResult, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => submitForReview(ctx, req.params.id)),
  );
  app.post(
    '/catalog/admin/items/:id/review',
    {
      schema: {
        tags,
        summary: 'Approve (publish) or reject the version in review; never one’s own',
        params: IdParams,
        body: Type.Object(
          { decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) },
          { additionalProperties: false },
        ),
        response: { 200: VersionResult, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => reviewVersion(ctx, req.params.id, req.body)),
  );
  app.post(
    '/catalog/admin/items/:id/delegate',
    {
      schema: {
        tags,
        summary: '下放: delegate a published item to lower-level organizations under the unified standard',
        params: IdParams,
        body: Type.Object(
          { organizationIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 200, uniqueItems: true }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ delegated: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), organizationId: Type.Integer() })) }),
          ...errors,
        },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => delegateItem(ctx, req.params.id, req.body)),
  );
  app.put(
    '/catalog/admin/items/:id/local',
    {
      schema: {
        tags,
        summary: 'Set a delegated item’s local place, hours and phones',
        params: IdParams,
        body: Type.Object(
          {
            local: Type.Object(
              {
                location: Type.Optional(Type.String({ maxLength: 300 })),
                hours: Type.Optional(Type.String({ maxLength: 300 })),
                consultPhone: Type.Optional(Type.String({ maxLength: 50 })),
                complaintPhone: Type.Optional(Type.String({ maxLength: 50 })),
              },
              { additionalProperties: false },
            ),
            version: Type.Integer({ minimum: 1 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => setLocalDetails(ctx, req.params.id, req.body)),
  );
  app.post(
    '/catalog/admin/items/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消: stop an item (and the items delegated from it)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ cancelled: Type.Integer() }), ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => cancelItem(ctx, req.params.id, req.body)),
  );
  app.post(
    '/catalog/admin/bundles',
    {
      schema: {
        tags,
        summary: 'Create or change a bundle',
        body: Type.Object(
          {
            code: Type.String({ pattern: catalogCodePattern }),
            organizationId: Type.Integer({ minimum: 1 }),
            content: BundleContent,
            publish: Type.Boolean(),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Type.Integer(), code: Type.String() }), ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => saveBundle(ctx, req.body)),
  );
  app.post(
    '/catalog/admin/bundles/:code/cancel',
    { schema: { tags, summary: 'Cancel a bundle', params: CodeParams, response: { 200: Ok, ...errors } } },
    async (req, reply) => {
      await handleWrite(db, req, reply, (ctx) => cancelBundle(ctx, req.params.code));
      return { ok: true };
    },
  );

  app.get('/catalog/admin/export.xlsx', { schema: { tags, summary: 'The catalog as a spreadsheet (items, materials, fees)' } }, async (req, reply) => {
    requireAccess(req.actor, 'catalog.manage');
    const buffer = await exportCatalog(db, req.actor);
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', 'attachment; filename="catalog.xlsx"');
    return reply.send(buffer);
  });
  app.post(
    '/catalog/admin/import',
    {
      // a workbook as base64: larger than the default body limit
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import items from a spreadsheet: every bad row is reported and nothing is saved unless all rows are good',
        body: Type.Object(
          { content: Type.String({ minLength: 1, maxLength: 20_000_000 }), dryRun: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            created: Type.Integer(),
            updated: Type.Integer(),
            dryRun: Type.Boolean(),
            items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), action: Type.String() })),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      requireAccess(req.actor, 'catalog.manage');
      if (!/^[A-Za-z0-9+/=\s]+$/.test(req.body.content)) throw new AppError('VALIDATION_FAILED', { field: 'content', reason: 'base64 of an .xlsx file' });
      return handleWrite(db, req, reply, (ctx) => importCatalog(ctx, Buffer.from(req.body.content, 'base64'), { dryRun: req.body.dryRun ?? false }));
    },
  );
};
