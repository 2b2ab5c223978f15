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
 * What an application does for a license the applicant holds: renew it (延续), change what it records (变更), or give it
 * up (申请注销, 行政许可法 art. 70).
 */
export type LicenseAction = 'renew' | 'change' | 'cancel';

/** The field of an application that names the license it renews, changes or gives up. */
export const licenseActionField = { renew: 'renews', change: 'changes', cancel: 'cancels' } as const satisfies Record<LicenseAction, string>;

/** How long the reason of an application to cancel a license may be. */
export const cancelReasonLength = { min: 2, max: 500 } as const;

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
  /** that item's type (事项类型): only a permit's (`licensing`) holder applies for its renewal, change or cancellation */
  itemType: string | null;
  /** its last day of validity (YYYY-MM-DD); null: valid without end (长期有效) */
  validUntil: string | null;
  /** the last day to apply for its renewal in time (YYYY-MM-DD); null when it does not run out */
  renewBy: string | null;
  /** the first day its renewal is taken, where its item opens the window only near the end (YYYY-MM-DD); else null */
  renewFrom: string | null;
  state: LicenseState;
  /** a renewal applied for and not yet decided */
  renewal: { id: number; number: string; status: string } | null;
  /** a change (变更) applied for and not yet decided */
  change: { id: number; number: string; status: string } | null;
  /** its cancellation (申请注销) applied for and not yet decided */
  cancellation: { id: number; number: string; status: string } | null;
  /** whether a renewal may be applied for now: it runs out, has not, and nothing is in hand for it */
  mayRenew: boolean;
  /** whether a change may be applied for now: it has not run out, and nothing is in hand for it */
  mayChange: boolean;
  /** whether its cancellation may be applied for now: as a change (the department cancels a license that ran out) */
  mayCancel: boolean;
}

/** 注销's grounds (行政许可法 art. 70), and a holder giving the license up. */
export const licenseCancelGrounds = [
  'expired',
  'holder_deceased',
  'holder_terminated',
  'revoked_or_withdrawn',
  'force_majeure',
  'holder_request',
  'other',
] as const;
export type LicenseCancelGround = (typeof licenseCancelGrounds)[number];

/** What the cancellation says of each ground, in Chinese and English. */
export const licenseCancelGroundText: Record<LicenseCancelGround, [string, string]> = {
  expired: ['有效期届满未延续', 'Expired without renewal'],
  holder_deceased: ['被许可人死亡或者丧失行为能力', 'Holder deceased or without legal capacity'],
  holder_terminated: ['被许可的法人或者其他组织依法终止', 'Holding organization dissolved by law'],
  revoked_or_withdrawn: ['行政许可依法被撤销、撤回，或者许可证件依法被吊销', 'Permit revoked or withdrawn, or license suspended by law'],
  force_majeure: ['因不可抗力导致行政许可事项无法实施', 'Permitted activity made impossible by force majeure'],
  holder_request: ['被许可人申请注销', 'Cancelled at the holder’s request'],
  other: ['法律、法规规定的应当注销行政许可的其他情形', 'Another case in which a law requires cancellation'],
};

/**
 * The same grounds for a license that is not a permit (an ID card, a social security card, a 行政确认's certificate):
 * of its holder (持证人) and the license, not of a permit and its 被许可人 — 行政许可法 art. 70 is not their basis.
 */
const certificateCancelGroundText: Record<LicenseCancelGround, [string, string]> = {
  expired: ['有效期届满', 'Expired'],
  holder_deceased: ['持证人死亡或者丧失行为能力', 'Holder deceased or without legal capacity'],
  holder_terminated: ['持证单位依法终止', 'Holding organization dissolved by law'],
  revoked_or_withdrawn: ['证照依法被撤销或者吊销', 'License revoked by law'],
  force_majeure: ['因不可抗力导致证照无法继续使用', 'License made unusable by force majeure'],
  holder_request: ['持证人申请注销', 'Cancelled at the holder’s request'],
  other: ['法律、法规规定应当注销证照的其他情形', 'Another case in which a law requires cancellation'],
};

/** What a cancellation says of its ground, in Chinese and English, in the words of the license's item type. */
export const cancelGroundText = (ground: LicenseCancelGround, itemType: string | null | undefined): [string, string] =>
  (itemType === 'licensing' ? licenseCancelGroundText : certificateCancelGroundText)[ground];

/** A license as the department that issued it keeps it (已发证照): its state with what ended it, if anything did. */
export type IssuedLicenseState = LicenseState | 'revoked' | 'superseded' | 'cancelled';

export interface IssuedLicense {
  id: number;
  number: string;
  type: string;
  /** the issuing item's type: a permit (行政许可, `licensing`) is cancelled under 行政许可法 art. 70, other licenses by their own rules */
  itemType: string | null;
  /** an enterprise in full; a person masked */
  holder: string;
  holderKind: string;
  issuer: string;
  issuedAt: string;
  validUntil: string | null;
  renewBy: string | null;
  state: IssuedLicenseState;
  caseId: number;
  caseNumber: string;
  renewal: { id: number; number: string; status: string } | null;
  change: { id: number; number: string; status: string } | null;
  /** the holder's application to cancel it (申请注销), not yet decided */
  cancellation: { id: number; number: string; status: string } | null;
  cancelledAt: string | null;
  cancelGround: LicenseCancelGround | null;
  cancelNote: string | null;
  /** whether the caller may cancel it: it still holds, and they work for the department that issued it */
  mayCancel: boolean;
}
