import type { MessageKey } from '../../i18n/index.tsx';
import type { OrgKind, RegionLevel } from '../../api/types.ts';

export const levelKeys: Record<RegionLevel, MessageKey> = {
  city: 'region.level.city',
  district: 'region.level.district',
  street: 'region.level.street',
  community: 'region.level.community',
};

export const orgKindKeys: Record<OrgKind, MessageKey> = {
  government: 'org.kind.government',
  department: 'org.kind.department',
  center: 'org.kind.center',
  unit: 'org.kind.unit',
  other: 'org.kind.other',
};
export const orgKinds = Object.keys(orgKindKeys) as OrgKind[];
export const orgKindColors: Record<OrgKind, string> = { government: 'red', department: 'blue', center: 'purple', unit: 'gold', other: 'default' };

export const windowKindKeys: Record<'comprehensive' | 'department', MessageKey> = {
  comprehensive: 'window.kind.comprehensive',
  department: 'window.kind.department',
};
