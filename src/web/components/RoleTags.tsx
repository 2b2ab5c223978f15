import { Tag } from 'antd';
import { useLocale } from '../i18n/index.tsx';
import { roleName } from '../i18n/format.ts';

export interface ScopedRole {
  id?: number;
  role: string;
  regionName: string | null;
  organizationName: string | null;
}

const roleColors: Record<string, string> = {
  clerk: 'blue',
  approver: 'cyan',
  head: 'geekblue',
  supervisor: 'orange',
  catalog_admin: 'purple',
  operator: 'magenta',
  unit: 'gold',
  center_admin: 'red',
  sys_admin: 'volcano',
  applicant: 'green',
};

/** A role with the region or organization it covers: 综合窗口受理人员 · 云州市. */
export function RoleTag({ role, closable, onClose }: { role: ScopedRole; closable?: boolean; onClose?: () => void }) {
  const { locale } = useLocale();
  const scope = role.regionName ?? role.organizationName;
  return (
    <Tag
      color={roleColors[role.role] ?? 'default'}
      closable={closable}
      onClose={(e) => {
        e.preventDefault();
        onClose?.();
      }}
    >
      {roleName(role.role, locale)}
      {scope ? ` · ${scope}` : ''}
    </Tag>
  );
}

export function RoleTags({ roles }: { roles: ScopedRole[] }) {
  return (
    <span className="tag-wrap">
      {roles.map((r, i) => (
        <RoleTag key={r.id ?? i} role={r} />
      ))}
    </span>
  );
}
