import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams, Nullable, Paging } from '../../server/schemas.ts';
import { roles, type Role } from '../../common/roles.ts';
import { handleWrite } from '../../server/write.ts';
import * as s from './org.schemas.ts';
import { createRegion, listRegionTree, renameRegion } from './regions.service.ts';
import { createOrganization, getOrganization, listOrganizations, updateOrganization } from './organizations.service.ts';
import { assignWindowStaff, createHall, createWindow, getHall, listHalls, listWindows, updateHall, updateWindow } from './halls.service.ts';
import { addStaff, addStaffRole, listStaff, removeStaffRole, staffDirectory, updateStaff } from './staff.service.ts';

const tags = ['org'];

/** `roles=approver,head`: staff holding one of these roles (for `organizationId`, when given). */
const RolesFilter = Type.Optional(
  Type.String({
    pattern: `^(${roles.join('|')})(,(${roles.join('|')}))*$`,
    maxLength: 200,
    description: 'comma-separated: holding one of these roles (for organizationId, when given)',
  }),
);

/** Regions, organizations, halls, windows and staff. Thin: schema, call the service, reply. */
export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const { db } = deps;

  app.get('/org/regions', { schema: { tags, summary: 'The region tree (public)', response: { 200: Type.Array(s.RegionNode), ...errors } } }, async () =>
    listRegionTree(db),
  );
  app.post(
    '/org/regions',
    { schema: { tags, summary: 'Add a region below a parent', body: s.RegionCreate, response: { 201: s.RegionView, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => createRegion(ctx, req.body), 201),
  );
  app.patch(
    '/org/regions/:id',
    { schema: { tags, summary: 'Rename a region', params: IdParams, body: s.RegionUpdate, response: { 200: s.RegionView, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => renameRegion(ctx, req.params.id, req.body)),
  );

  app.get(
    '/org/organizations',
    {
      schema: {
        tags,
        summary: 'Organizations in my scope',
        querystring: Type.Object({
          regionId: Type.Optional(Type.Integer({ minimum: 1 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          kind: Type.Optional(Type.String({ maxLength: 20 })),
          ...Paging,
        }),
        response: { 200: Type.Object({ items: Type.Array(s.OrganizationView), total: Type.Integer() }), ...errors },
      },
    },
    async (req) => listOrganizations(db, req.actor, { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );
  app.get(
    '/org/organizations/:id',
    { schema: { tags, summary: 'One organization', params: IdParams, response: { 200: s.OrganizationView, ...errors } } },
    async (req) => getOrganization(db, req.actor, req.params.id),
  );
  app.post(
    '/org/organizations',
    { schema: { tags, summary: 'Add an organization', body: s.OrganizationCreate, response: { 201: s.OrganizationView, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => createOrganization(ctx, req.body), 201),
  );
  app.patch(
    '/org/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organization (send the version you read)',
        params: IdParams,
        body: s.OrganizationUpdate,
        response: { 200: s.OrganizationView, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => updateOrganization(ctx, req.params.id, req.body)),
  );

  app.get('/org/halls', { schema: { tags, summary: 'Halls in my scope', response: { 200: Type.Array(s.HallView), ...errors } } }, async (req) =>
    listHalls(db, req.actor),
  );
  app.get('/org/halls/:id', { schema: { tags, summary: 'One hall', params: IdParams, response: { 200: s.HallView, ...errors } } }, async (req) =>
    getHall(db, req.actor, req.params.id),
  );
  app.post('/org/halls', { schema: { tags, summary: 'Add a hall', body: s.HallCreate, response: { 201: s.HallView, ...errors } } }, async (req, reply) =>
    handleWrite(db, req, reply, (ctx) => createHall(ctx, req.body), 201),
  );
  app.patch(
    '/org/halls/:id',
    { schema: { tags, summary: 'Change a hall', params: IdParams, body: s.HallUpdate, response: { 200: s.HallView, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => updateHall(ctx, req.params.id, req.body)),
  );
  app.get(
    '/org/halls/:id/windows',
    { schema: { tags, summary: 'Windows of a hall with their A/B posts', params: IdParams, response: { 200: Type.Array(s.WindowView), ...errors } } },
    async (req) => listWindows(db, req.actor, req.params.id),
  );
  app.post(
    '/org/windows',
    { schema: { tags, summary: 'Add a window to a hall', body: s.WindowCreate, response: { 201: s.WindowView, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => createWindow(ctx, req.body), 201),
  );
  app.patch(
    '/org/windows/:id',
    { schema: { tags, summary: 'Change a window', params: IdParams, body: s.WindowUpdate, response: { 200: s.WindowView, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => updateWindow(ctx, req.params.id, req.body)),
  );
  app.put(
    '/org/windows/:id/staff',
    {
      schema: {
        tags,
        summary: 'Put staff on the A or B post of a window (null clears it)',
        params: IdParams,
        body: s.WindowStaffBody,
        response: { 200: s.WindowView, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => assignWindowStaff(ctx, req.params.id, req.body)),
  );

  app.get(
    '/org/staff',
    {
      schema: {
        tags,
        summary: 'Staff in my scope',
        querystring: Type.Object({
          organizationId: Type.Optional(Type.Integer({ minimum: 1 })),
          roles: RolesFilter,
          active: Type.Optional(Type.Boolean()),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          ...Paging,
        }),
        response: { 200: Type.Object({ items: Type.Array(s.StaffView), total: Type.Integer() }), ...errors },
      },
    },
    async (req) =>
      listStaff(db, req.actor, {
        ...req.query,
        roles: req.query.roles?.split(',') as Role[] | undefined,
        limit: req.query.limit ?? 50,
        offset: req.query.offset ?? 0,
      }),
  );
  app.get(
    '/org/directory',
    {
      schema: {
        tags,
        summary: 'Colleagues to name in my work (a copy of a case, a hand-over): active staff in my region and below, name, organization and title',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          organizationId: Type.Optional(Type.Integer({ minimum: 1 })),
          roles: RolesFilter,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              accountId: Type.Integer(),
              name: Type.String(),
              title: Nullable(Type.String()),
              organizationId: Type.Integer(),
              organizationName: Type.String(),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => staffDirectory(db, req.actor, { ...req.query, roles: req.query.roles?.split(',') as Role[] | undefined, limit: req.query.limit ?? 30 }),
  );
  app.post(
    '/org/staff',
    { schema: { tags, summary: 'Add a staff account with roles', body: s.StaffCreate, response: { 201: s.StaffView, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => addStaff(ctx, deps, req.body), 201),
  );
  app.patch(
    '/org/staff/:id',
    {
      schema: { tags, summary: 'Change, disable or unlock a staff account', params: IdParams, body: s.StaffUpdate, response: { 200: s.StaffView, ...errors } },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => updateStaff(ctx, deps, req.params.id, req.body)),
  );
  app.post(
    '/org/staff/:id/roles',
    { schema: { tags, summary: 'Give a staff member a role in a scope', params: IdParams, body: s.RoleInput, response: { 201: s.StaffView, ...errors } } },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => addStaffRole(ctx, req.params.id, req.body), 201),
  );
  app.delete(
    '/org/staff/:id/roles/:roleId',
    {
      schema: {
        tags,
        summary: 'Take a role away',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), roleId: Type.Integer({ minimum: 1 }) }),
        response: { 200: s.StaffView, ...errors },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => removeStaffRole(ctx, req.params.id, req.params.roleId)),
  );
};
