import type { TFunction } from '../../i18n/index.tsx';
import { dayKeys, percentKeys, type MetricKey } from './api.ts';

export function formatMetric(key: MetricKey, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (percentKeys.has(key)) return `${(v * 100).toFixed(1)}%`;
  if (dayKeys.has(key)) return v.toFixed(2);
  if (key === 'fees') return v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v.toLocaleString('zh-CN');
}

/** A change too small to show as 0.1 % is no change: no arrow up or down for it. */
export const isNoChange = (v: number) => Math.abs(v * 100) < 0.05;

export const formatChange = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : isNoChange(v) ? '0.0%' : `${v > 0 ? '↑' : '↓'} ${Math.abs(v * 100).toFixed(1)}%`;

export function groupRowName(t: TFunction, group: string, key: string, name: string): string {
  if (group === 'channel') return t(`m.channel.${key}` as never);
  if (group === 'kind') return t(`m.kind.${key}` as never);
  if (group === 'window' && key === '0') return t('m.online');
  return name || key;
}
