/**
 * Whether an item's result is issued as a license (证照 or 证明, or as an electronic license): only such a result is
 * issued as a license document, and only it may have a period of validity.
 */
export function issuesLicense(c: { resultType?: string; resultLicenseType?: string | null }): boolean {
  return c.resultType === 'license' || c.resultType === 'certificate' || !!c.resultLicenseType?.trim();
}

/** 行政许可法 art. 50: a renewal is applied for thirty days before the license runs out, unless the law says otherwise. */
export const defaultRenewalLead = { value: 30, unit: 'day' } as const;

/**
 * A license's state: valid; expiring (its renewal deadline is near or past, none applied for); expired; or past its
 * last day with a renewal in hand, which counts as renewed until the renewal is decided (视为准予延续, 行政许可法 art. 50).
 */
export type LicenseState = 'valid' | 'expiring' | 'expired' | 'deemed_renewed';

/** An electronic license an applicant holds (GET /api/v1/licenses): the license document of one of their granted cases. */
export interface HeldLicense {
  id: number;
  number: string;
  /** the license type, as the catalog's `licenseType` of a material names it (营业执照 …) */
  type: string;
  issuer: string;
  issuedAt: string;
  caseId: number;
  caseNumber: string;
  /** the item that issued it: a renewal applies for this item */
  itemCode: string;
  /** its last day of validity (YYYY-MM-DD); null: valid without end (长期有效) */
  validUntil: string | null;
  /** the last day to apply for its renewal in time (YYYY-MM-DD); null when it does not run out */
  renewBy: string | null;
  state: LicenseState;
  /** a renewal applied for and not yet decided */
  renewal: { id: number; number: string; status: string } | null;
  /** whether a renewal may be applied for now: it runs out, has not, and none is in hand */
  mayRenew: boolean;
}
