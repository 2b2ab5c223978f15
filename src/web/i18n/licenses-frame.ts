import { useCallback } from 'react';
import { useLocale } from './index.tsx';

/**
 * The strings of 证照核验 and 证照管理 that the app's frame needs (the portal's footer, the workbench menu) before the
 * license pages load: [zh-CN, en]. Kept apart from licenses.ts, which travels with the case pages.
 */
export const licenseFrameStrings = {
  'licnav.verify': ['证照核验', 'Verify a license'],
  'licnav.ledger': ['证照管理', 'Issued licenses'],
} as const satisfies Record<string, readonly [string, string]>;

export type LicFrameKey = keyof typeof licenseFrameStrings;

/** `t()` for the frame's license links. */
export function useLicFrameT(): (key: LicFrameKey) => string {
  const { locale } = useLocale();
  return useCallback((key: LicFrameKey) => licenseFrameStrings[key][locale === 'en' ? 1 : 0], [locale]);
}
