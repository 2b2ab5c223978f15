/**
 * Response types of the API. Where a module exports its TypeBox schema the type comes from it (type-only
 * imports: nothing of the server reaches the bundle), so a changed route schema breaks the web build.
 */
import type { Static } from 'typebox';
import type { Me as MeSchema, SessionView as SessionSchema } from '../../modules/identity/identity.schemas.ts';
import type {
  HallView as HallSchema,
  OrganizationView,
  RegionNode as RegionNodeSchema,
  RegionView,
  StaffView,
  WindowView,
} from '../../modules/org/org.schemas.ts';

export type Me = Static<typeof MeSchema>;
export type MeWithCsrf = { user: Me; csrfToken: string; expiresAt: string };
export type Session = Static<typeof SessionSchema>;

/** The public tree lists regions flat; `version` is read when the server sends it (renames need it). */
export type RegionNode = Static<typeof RegionNodeSchema> & { version?: number };
export type { RegionView, OrganizationView, WindowView, StaffView };
export type Hall = Static<typeof HallSchema>;
export type OrgKind = OrganizationView['kind'];
export type RegionLevel = RegionNode['level'];

export interface Page<T> {
  items: T[];
  total: number;
}

export type Localized = { 'zh-CN': string; en: string };

export interface Message {
  id: number;
  kind: string;
  title: Localized;
  body: Localized;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface MessagePage extends Page<Message> {
  unread: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string;
  /** what people know the target as (a case's number), where the server has a name for it */
  targetLabel: string | null;
  requestId: string | null;
  change: unknown;
  hash: string;
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  seals: number;
  firstBroken?: { id: number | null; stream?: string; seq?: number; reason: string };
}

export interface Delivery {
  id: number;
  channel: string;
  recipient: string;
  accountName: string | null;
  body: string;
  status: string;
  createdAt: string;
}
