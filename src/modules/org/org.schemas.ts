import { Type, type Static } from 'typebox';
import { Nullable } from '../../server/schemas.ts';
import { roles, type Role } from '../../common/roles.ts';

const RegionLevel = Type.Union([Type.Literal('city'), Type.Literal('district'), Type.Literal('street'), Type.Literal('community')]);
const Version = Type.Integer({ minimum: 1 });

export const RegionView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  parentId: Nullable(Type.Integer()),
  version: Type.Integer(),
});
export type RegionView = Static<typeof RegionView>;

export const RegionNode = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  parentId: Nullable(Type.Integer()),
  organizationCount: Type.Integer(),
  version: Type.Integer(),
});

export const RegionCreate = Type.Object(
  {
    code: Type.String({ pattern: '^[1-9][0-9]{11}$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  },
  { additionalProperties: false },
);
export const RegionUpdate = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), version: Version }, { additionalProperties: false });

const OrgKind = Type.Union([Type.Literal('government'), Type.Literal('department'), Type.Literal('center'), Type.Literal('unit'), Type.Literal('other')]);

export const OrganizationView = Type.Object({
  id: Type.Integer(),
  creditCode: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: OrgKind,
  regionId: Type.Integer(),
  regionName: Type.String(),
  parentId: Nullable(Type.Integer()),
  phone: Nullable(Type.String()),
  address: Nullable(Type.String()),
  isActive: Type.Boolean(),
  staffCount: Type.Integer(),
  version: Type.Integer(),
});
export type OrganizationView = Static<typeof OrganizationView>;

export const OrganizationCreate = Type.Object(
  {
    creditCode: Type.String({ minLength: 18, maxLength: 18 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    kind: OrgKind,
    regionId: Type.Integer({ minimum: 1 }),
    parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  },
  { additionalProperties: false },
);
export type OrganizationCreate = Static<typeof OrganizationCreate>;

export const OrganizationUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    kind: Type.Optional(OrgKind),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    isActive: Type.Optional(Type.Boolean()),
    version: Version,
  },
  { additionalProperties: false },
);
export type OrganizationUpdate = Static<typeof OrganizationUpdate>;

export const HallView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  organizationId: Type.Integer(),
  organizationName: Type.String(),
  regionId: Type.Integer(),
  regionName: Type.String(),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  openingHours: Nullable(Type.String()),
  isActive: Type.Boolean(),
  windowCount: Type.Integer(),
  version: Type.Integer(),
});

export const HallCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    organizationId: Type.Integer({ minimum: 1 }),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    openingHours: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type HallCreate = Static<typeof HallCreate>;

export const HallUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    openingHours: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    isActive: Type.Optional(Type.Boolean()),
    version: Version,
  },
  { additionalProperties: false },
);
export type HallUpdate = Static<typeof HallUpdate>;

const WindowKind = Type.Union([Type.Literal('comprehensive'), Type.Literal('department')]);
const Post = Type.Union([Type.Literal('A'), Type.Literal('B')]);

export const WindowView = Type.Object({
  id: Type.Integer(),
  hallId: Type.Integer(),
  number: Type.String(),
  name: Type.String(),
  kind: WindowKind,
  organizationId: Nullable(Type.Integer()),
  organizationName: Nullable(Type.String()),
  categories: Type.Array(Type.String()),
  isActive: Type.Boolean(),
  staff: Type.Array(Type.Object({ post: Post, accountId: Type.Integer(), name: Type.String() })),
  version: Type.Integer(),
});
export type WindowView = Static<typeof WindowView>;

const Categories = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50, uniqueItems: true });

export const WindowCreate = Type.Object(
  {
    hallId: Type.Integer({ minimum: 1 }),
    number: Type.String({ pattern: '^[A-Za-z0-9-]{1,10}$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: WindowKind,
    organizationId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    categories: Type.Optional(Categories),
  },
  { additionalProperties: false },
);
export type WindowCreate = Static<typeof WindowCreate>;

export const WindowUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Optional(WindowKind),
    organizationId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    categories: Type.Optional(Categories),
    isActive: Type.Optional(Type.Boolean()),
    version: Version,
  },
  { additionalProperties: false },
);
export type WindowUpdate = Static<typeof WindowUpdate>;

export const WindowStaffBody = Type.Object({ post: Post, accountId: Nullable(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

const RoleName = Type.Unsafe<Exclude<Role, 'applicant'>>(Type.String({ enum: roles.filter((r) => r !== 'applicant') }));
export const RoleInput = Type.Object(
  { role: RoleName, regionId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))), organizationId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))) },
  { additionalProperties: false },
);

export const StaffView = Type.Object({
  accountId: Type.Integer(),
  username: Type.String(),
  name: Type.String(),
  title: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  organizationId: Type.Integer(),
  organizationName: Type.String(),
  status: Type.String(),
  lockedUntil: Nullable(Type.String()),
  lastLoginAt: Nullable(Type.String()),
  roles: Type.Array(
    Type.Object({
      id: Type.Integer(),
      role: Type.String(),
      regionId: Nullable(Type.Integer()),
      regionName: Nullable(Type.String()),
      organizationId: Nullable(Type.Integer()),
      organizationName: Nullable(Type.String()),
    }),
  ),
  windows: Type.Array(Type.Object({ windowId: Type.Integer(), number: Type.String(), name: Type.String(), hallName: Type.String(), post: Post })),
});
export type StaffView = Static<typeof StaffView>;

export const StaffCreate = Type.Object(
  {
    username: Type.String({ pattern: '^[a-zA-Z0-9_.@-]{3,64}$' }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    organizationId: Type.Integer({ minimum: 1 }),
    title: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    roles: Type.Array(RoleInput, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type StaffCreate = Static<typeof StaffCreate>;

export const StaffUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    title: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    unlock: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type StaffUpdate = Static<typeof StaffUpdate>;
