import { Type, type Static } from 'typebox';
import { roles, type Role } from '../../common/roles.ts';
import { Nullable } from '../../server/schemas.ts';

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

export const RoleView = Type.Object({
  role: Type.Unsafe<Role>(Type.String({ enum: [...roles] })),
  regionId: Nullable(Type.Integer()),
  regionName: Nullable(Type.String()),
  organizationId: Nullable(Type.Integer()),
  organizationName: Nullable(Type.String()),
});

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  kind: Type.String(),
  locale: Type.String(),
  roles: Type.Array(RoleView),
  permissions: Type.Array(Type.String()),
  applicant: Nullable(Type.Object({ id: Type.Integer(), kind: Type.String(), name: Type.String(), idNumber: Type.String(), phone: Nullable(Type.String()) })),
  staff: Nullable(
    Type.Object({ organizationId: Type.Integer(), organizationName: Type.String(), title: Nullable(Type.String()), phone: Nullable(Type.String()) }),
  ),
});
export type Me = Static<typeof Me>;

export const MeWithCsrf = Type.Object({ user: Me, csrfToken: Type.String(), expiresAt: Type.String() });

export const SessionView = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  isCurrent: Type.Boolean(),
});

export const PasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 128 }), newPassword: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

export const ApplicantInput = Type.Object(
  {
    kind: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    idNumber: Type.String({ minLength: 18, maxLength: 18 }),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    legalRepresentative: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  },
  { additionalProperties: false },
);

export const RegisterBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-zA-Z0-9_.@-]{3,64}$' }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
    kind: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    idNumber: Type.String({ minLength: 18, maxLength: 18 }),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    legalRepresentative: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false },
);

export const ApplicantView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
  phone: Nullable(Type.String()),
  legalRepresentative: Nullable(Type.String()),
  hasAccount: Type.Boolean(),
  createdAt: Type.String(),
});

export const ApplicantQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  idNumber: Type.Optional(Type.String({ maxLength: 18 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const ApiKeyBody = Type.Object(
  {
    accountId: Type.Integer({ minimum: 1 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  },
  { additionalProperties: false },
);
