import type { Locale } from './errors.ts';
import type { LicenseAction } from './licenses.ts';

/**
 * 事项类型: what kind of power or service an item is (the power list's types), as the catalog's `item.type` holds
 * them: 行政许可, 行政确认, 行政给付, 行政征收, 行政奖励, 行政裁决, 行政检查, 其他行政权力, 公共服务.
 */
export const itemTypes = ['licensing', 'confirmation', 'payment', 'levy', 'reward', 'adjudication', 'inspection', 'other_power', 'public_service'] as const;
export type ItemType = (typeof itemTypes)[number];

/** A text in Chinese and in English. */
export type Bilingual = readonly [zh: string, en: string];

/**
 * What a decision on a case is called, by the type of its item: only a 行政许可 is granted as a permit (准予许可, with
 * its 准予许可决定书); a 行政确认 is confirmed (予以确认), a 行政给付 paid (准予给付), a 行政奖励 awarded (给予奖励), and a
 * public service or another power is done (准予办理) with a notice of its result. The server's documents and messages
 * and the web's buttons, banners and timeline read their words here.
 */
export interface DecisionWording {
  /** the button that grants: 准予许可, 予以确认, 准予办理 … */
  grant: Bilingual;
  /** the button that denies: 不予许可, 不予确认, 不予办理 … */
  deny: Bilingual;
  /** a grant made, as the case, its timeline and the applicant's messages show it (in Chinese, the grant's words) */
  granted: Bilingual;
  /** a denial made */
  denied: Bilingual;
  /** the document a grant issues: 准予许可决定书, 行政确认决定书, 办理结果通知书 … */
  grantDocument: string;
  /** the document a denial issues, with the reasons and the remedies: 不予许可决定书, 不予办理通知书 … */
  denyDocument: string;
  /** what the review found on a grant, as the document says it: 符合法定条件、标准 */
  finding: string;
  /** how a grant's document names its result: 颁发 the permit, or 办理结果 of anything else */
  resultLead: '颁发' | '办理结果：';
  /** what a grant's document adds once the decision is made: 现已办理完成 for a service done on the spot of its grant */
  done: string;
}

type Family = 'licensing' | 'confirmation' | 'payment' | 'reward' | 'handling';

/** Which words each type of item takes: 行政征收, 行政裁决, 行政检查, 其他行政权力 and 公共服务 are done (办理). */
const familyOf: Record<ItemType, Family> = {
  licensing: 'licensing',
  confirmation: 'confirmation',
  payment: 'payment',
  reward: 'reward',
  levy: 'handling',
  adjudication: 'handling',
  inspection: 'handling',
  other_power: 'handling',
  public_service: 'handling',
};

const families: Record<Family, DecisionWording> = {
  licensing: {
    grant: ['准予许可', 'Grant'],
    deny: ['不予许可', 'Deny'],
    granted: ['准予许可', 'Granted'],
    denied: ['不予许可', 'Denied'],
    grantDocument: '准予许可决定书',
    denyDocument: '不予许可决定书',
    finding: '符合法定条件、标准',
    resultLead: '颁发',
    done: '',
  },
  confirmation: {
    grant: ['予以确认', 'Confirm'],
    deny: ['不予确认', 'Refuse to confirm'],
    granted: ['予以确认', 'Confirmed'],
    denied: ['不予确认', 'Not confirmed'],
    grantDocument: '行政确认决定书',
    denyDocument: '不予确认决定书',
    finding: '符合法定条件',
    resultLead: '办理结果：',
    done: '',
  },
  payment: {
    grant: ['准予给付', 'Grant the benefit'],
    deny: ['不予给付', 'Deny the benefit'],
    granted: ['准予给付', 'Benefit granted'],
    denied: ['不予给付', 'Benefit denied'],
    grantDocument: '准予给付决定书',
    denyDocument: '不予给付决定书',
    finding: '符合给付条件',
    resultLead: '办理结果：',
    done: '',
  },
  reward: {
    grant: ['给予奖励', 'Grant the reward'],
    deny: ['不予奖励', 'Deny the reward'],
    granted: ['给予奖励', 'Reward granted'],
    denied: ['不予奖励', 'Reward denied'],
    grantDocument: '奖励决定书',
    denyDocument: '不予奖励决定书',
    finding: '符合奖励条件',
    resultLead: '办理结果：',
    done: '',
  },
  handling: {
    grant: ['准予办理', 'Approve'],
    deny: ['不予办理', 'Decline'],
    granted: ['准予办理', 'Approved'],
    denied: ['不予办理', 'Declined'],
    grantDocument: '办理结果通知书',
    denyDocument: '不予办理通知书',
    finding: '符合办理条件',
    resultLead: '办理结果：',
    done: '现已办理完成。',
  },
};

/** 延续, 变更, 注销 of a permit held (行政许可法 arts. 49, 50, 70): decided as such, with a decision of the permit's. */
const licenseActions: Record<LicenseAction, { zh: string; en: string }> = {
  renew: { zh: '延续', en: 'renewal' },
  change: { zh: '变更', en: 'change' },
  cancel: { zh: '注销', en: 'cancellation' },
};

function forLicenseAction(action: LicenseAction): DecisionWording {
  const { zh, en } = licenseActions[action];
  const En = en[0]!.toUpperCase() + en.slice(1);
  return {
    ...families.licensing,
    grant: [`准予${zh}`, `Grant the ${en}`],
    deny: [`不予${zh}`, `Deny the ${en}`],
    granted: [`准予${zh}`, `${En} granted`],
    denied: [`不予${zh}`, `${En} denied`],
    grantDocument: `准予${zh}行政许可决定书`,
    denyDocument: `不予${zh}行政许可决定书`,
  };
}

/**
 * The words of a decision on a case of an item of `type` — for an application that renews, changes or gives up a
 * permit held (`licenseAction`), those of the permit's 延续, 变更 or 注销. A case without an item type (a bundle
 * application, whose items each have their own) is done: 准予办理.
 */
export function decisionWording(type: string | null | undefined, licenseAction?: LicenseAction | null): DecisionWording {
  if (licenseAction) return forLicenseAction(licenseAction);
  return families[familyOf[type as ItemType] ?? 'handling'];
}

/** Whether items of this type are 行政许可: only a permit is renewed, changed or given up by its holder's application. */
export const isLicensing = (type: string | null | undefined): boolean => type === 'licensing';

/** A decision as its words say it: a grant's or a denial's, in one language. */
export function decisionText(w: DecisionWording, decision: 'granted' | 'denied', locale: Locale): string {
  return (decision === 'denied' ? w.denied : w.granted)[locale === 'en' ? 1 : 0];
}
