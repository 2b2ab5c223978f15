import type { MessageKey, TFunction } from '../../i18n/index.tsx';
import type { Limit, Material } from '../../api/catalog.ts';

/** Words for the catalog's codes, shared by the service list, the guide, bundles and the power list. */

export const typeKey = (type: string) => `svc.type.${type}` as MessageKey;
export const levelKey = (level: string) => `svc.level.${level}` as MessageKey;
export const depthKey = (depth: number) => `svc.depth.${Math.min(4, Math.max(1, depth))}` as MessageKey;
export const scopeKey = (scope: string) => `svc.scope.${scope}` as MessageKey;
export const deliveryKey = (method: string) => `svc.delivery.${method}` as MessageKey;
export const resultKey = (result: string) => `svc.result.${result}` as MessageKey;
export const caseKindKey = (kind: string) => `svc.caseKind.${kind}` as MessageKey;

/** "20 个工作日", or "当场办结" for a limit of 0. */
export function formatLimit(t: TFunction, limit: Limit | undefined): string {
  if (!limit) return '—';
  if (limit.value === 0) return t('svc.limitOnSpot');
  return `${limit.value} ${t(`${limit.value === 1 ? 'svc.unitOne' : 'svc.unit'}.${limit.unit}` as MessageKey)}`;
}

/** "零跑动" for a fully online service, else the number of visits. */
export function formatVisits(t: TFunction, visits: number): string {
  return visits === 0 ? t('svc.visitsZero') : t('svc.visitsN', { n: visits });
}

/** Materials taken from an electronic license or shared data need not be handed in (可免提交). */
export function isExempt(material: Pick<Material, 'source'>): boolean {
  return material.source === 'license' || material.source === 'shared_data';
}

/** 受理条件 and similar texts written as "1. …；2. …": one entry per numbered clause. */
export function splitClauses(text: string): string[] {
  const parts = text
    .split(/(?:^|[；;。]\s*)(?=\d{1,2}[.、．]\s*)/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 1 ? parts.map((p) => p.replace(/^\d{1,2}[.、．]\s*/, '')) : [text];
}

/** Words that find something in the catalog: offered on the home page and when a search finds nothing. */
export const suggestedWords = ['营业执照', '公租房', '残疾人证', '社保卡', '出生', '低保', '开公司', '不动产'];
