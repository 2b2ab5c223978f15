import type { Locale } from '../../common/errors.ts';
import { roleNames, type Role } from '../../common/roles.ts';

/** 2026-11-26 14:05 in the reader's time zone, 24-hour clock. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

export function roleName(role: string, locale: Locale): string {
  const names = roleNames[role as Role];
  return names ? names[locale] : role;
}
