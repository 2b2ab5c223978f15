import { useCallback } from 'react';
import { useLocale } from './index.tsx';
import { useCommitT, type CommitKey } from './commitment.ts';

/**
 * Strings of 证照有效期与延续 (a license's period of validity and its renewal, 行政许可法 art. 50): 我的证照, the
 * renewal on the application page and at the window, the renewal on the case pages and their timeline, and 待我处理's
 * count: [zh-CN, en]. They travel with the case pages (loaded on demand); `useLicT()` falls back to 告知承诺制's, the
 * case work and the case pages' dictionaries.
 */
export const licenseStrings = {
  // 我的证照
  'lic.title': ['我的证照', 'My licenses'],
  'lic.subtitle': [
    '您持有的电子证照及其有效期。有效期届满后需要继续从事许可活动的，请在规定期限前向原发证机关申请延续。',
    'The electronic licenses you hold and how long they are valid. To go on with the licensed activity after a license runs out, apply to its issuer to renew it before the deadline.',
  ],
  'lic.col.type': ['证照名称', 'License'],
  'lic.col.number': ['证照编号', 'Number'],
  'lic.col.issuer': ['发证机关', 'Issued by'],
  'lic.col.issuedAt': ['发证日期', 'Issued on'],
  'lic.col.validUntil': ['有效期至', 'Valid until'],
  'lic.col.state': ['状态', 'Status'],
  'lic.col.renewal': ['延续申请', 'Renewal'],
  'lic.col.actions': ['操作', 'Actions'],
  'lic.noEnd': ['长期有效', 'No expiry'],
  'lic.state.valid': ['有效', 'Valid'],
  'lic.state.expiring': ['即将到期', 'Expiring'],
  'lic.state.expired': ['已过期', 'Expired'],
  'lic.state.deemed_renewed': ['视为准予延续（延续办理中）', 'Deemed renewed (renewal in progress)'],
  'lic.renewBy': ['请于 {date} 前申请延续', 'Apply to renew by {date}'],
  'lic.renewByPast': ['延续申请期限（{date}）已过，请尽快申请', 'The renewal deadline ({date}) has passed: apply at once'],
  'lic.renewByLater': ['延续申请截止 {date}', 'Renewal due by {date}'],
  'lic.expiredHint': ['已过有效期，不能延续，需重新申请', 'Expired: it cannot be renewed; apply anew'],
  'lic.deemedHint': [
    '有效期已届满，延续申请尚未作出决定，依法视为准予延续',
    'Its validity has ended while its renewal is undecided: by law it counts as renewed meanwhile',
  ],
  'lic.renewalInProgress': ['延续申请办理中', 'Renewal in progress'],
  'lic.noRenewal': ['—', '—'],
  'lic.viewCase': ['查看办件', 'View case'],
  'lic.download': ['下载', 'Download'],
  'lic.renew': ['申请延续', 'Renew'],
  'lic.applyAnew': ['重新申请', 'Apply anew'],
  'lic.alertExpiring': [
    '您有 {n} 本证照即将到期，请在延续申请期限前申请延续。',
    '{n} of your licenses will run out soon: apply to renew them before the deadline.',
  ],
  'lic.alertExpired': [
    '{n} 本证照已过有效期，不能延续，如需继续从事许可活动请重新申请。',
    '{n} of your licenses have expired: they cannot be renewed; apply anew to go on.',
  ],
  'lic.alertTitle': ['证照到期提醒', 'Licenses running out'],
  'lic.empty': [
    '您还没有电子证照。申请准予许可后，证照会出现在这里。',
    'You hold no electronic licenses yet. A license appears here once an application is granted.',
  ],
  'lic.legalNote': [
    '依据《中华人民共和国行政许可法》第五十条，被许可人需要延续许可有效期的，应当在有效期届满前规定期限内提出申请；行政机关逾期未作决定的，视为准予延续。准予延续后，新证自原证有效期届满次日起计算，原证同时作废。',
    'Under article 50 of the Administrative Licensing Law, a holder who wants their license renewed applies before it runs out, within the period set; where the authority has not decided by then, the license counts as renewed. A renewed license runs on from the day after the old one ends, and the old one is void.',
  ],

  // the application page
  'lic.apply.title': ['延续申请', 'Renewal application'],
  'lic.apply.text': [
    '本次申请延续 {type}（编号 {number}），原证有效期至 {validUntil}。准予延续后，新证自原证有效期届满次日起计算，原证同时作废。',
    'This application renews {type} no. {number}, valid until {validUntil}. Once granted, the new license runs on from the day after the old one ends, and the old one is void.',
  ],
  'lic.apply.renewBy': ['请于 {date} 前提交延续申请。', 'Apply by {date}.'],
  'lic.apply.renewByPast': ['延续申请期限（{date}）已过，请尽快提交。', 'The renewal deadline ({date}) has passed: apply at once.'],
  'lic.apply.asNew': ['改为新办', 'Apply as new instead'],
  'lic.apply.notRenewedTitle': ['本次申请不作为延续申请', 'This application will not renew a license'],
  'lic.apply.notFound': [
    '未找到要延续的证照（可能已被延续换发或不属于您），本次将按新办提交。',
    'The license to renew was not found (it may have been replaced by a renewal, or is not yours): this application goes as a new one.',
  ],
  'lic.apply.otherItem': [
    '证照 {number} 不是由本事项核发的，不能在此延续，本次将按新办提交。',
    'License {number} was not issued by this service and cannot be renewed here: this application goes as a new one.',
  ],
  'lic.apply.inHand': [
    '证照 {number} 已有延续申请在办（办件编号 {case}），本次将按新办提交。',
    'License {number} is being renewed already (case {case}): this application goes as a new one.',
  ],
  'lic.apply.expired': [
    '证照 {number} 已于 {validUntil} 过期，不能延续，本次将按新办提交。',
    'License {number} expired on {validUntil} and cannot be renewed: this application goes as a new one.',
  ],
  'lic.apply.noEnd': [
    '证照 {number} 长期有效，无需延续，本次将按新办提交。',
    'License {number} does not run out and needs no renewal: this application goes as a new one.',
  ],
  'lic.apply.forPrincipal': [
    '为他人代办时不能延续您本人的证照，本次将按新办提交。',
    'Applying for someone else, you cannot renew your own license: this application goes as a new one.',
  ],
  'lic.apply.loadFailed': [
    '要延续的证照未能加载，请重试；不重试则按新办提交。',
    'The license to renew could not be loaded: retry, or the application goes as a new one.',
  ],
  'lic.apply.loading': ['正在查找要延续的证照…', 'Looking up the license to renew…'],

  // the server's refusal of `renews`
  'lic.err.invalid': [
    '该证照不能延续（可能已过期、已被延续换发、不由本事项核发或长期有效）。请回到“我的证照”查看，或改为新办。',
    'This license cannot be renewed (it may have expired, been replaced, been issued by another service, or not run out at all). See My licenses, or apply as new.',
  ],
  'lic.err.expired': ['该证照已于 {date} 过期，不能延续，请改为新办。', 'This license expired on {date} and cannot be renewed: apply as new.'],
  'lic.err.otherItem': [
    '该证照不是由本事项核发的，请通过事项 {code} 申请延续。',
    'This license was not issued by this service: renew it through service {code}.',
  ],
  'lic.err.inHand': [
    '该证照已有延续申请在办（办件编号 {number}），不能重复申请。',
    'This license is being renewed already (case {number}): it cannot be applied for twice.',
  ],
  'lic.err.materialExpired': [
    '所选证照已于 {date} 过期，不能作为申请材料，请改为上传。',
    'The license chosen expired on {date} and cannot serve as a material: upload a copy instead.',
  ],

  // the window
  'lic.win.mode': ['办理类型', 'Application type'],
  'lic.win.new': ['新办', 'New'],
  'lic.win.renew': ['延续', 'Renewal'],
  'lic.win.which': ['延续的证照', 'License to renew'],
  'lic.win.option': ['{number} · 有效期至 {validUntil}', '{number} · valid until {validUntil}'],
  'lic.win.hint': [
    '申请人持有本事项核发的证照，可办理延续：准予延续后，新证自原证有效期届满次日起计算，原证同时作废。',
    'The applicant holds a license of this service and may renew it: once granted, the new license runs on from the day after the old one ends, and the old one is void.',
  ],
  'lic.win.pickLicense': ['请选择要延续的证照', 'Choose the license to renew'],

  // the case pages
  'lic.fact.renews': ['延续证照', 'Renews'],
  'lic.fact.renewsText': ['{number}（有效期至 {validUntil}）', '{number} (valid until {validUntil})'],
  'lic.fact.issuedBy': ['原办件 {number}', 'issued by case {number}'],
  'lic.fact.replaced': ['已换发新证', 'Replaced'],
  'lic.doc.validUntil': ['有效期至 {date}', 'Valid until {date}'],
  'lic.doc.superseded': ['已延续换发', 'Replaced by renewal'],

  // the timeline
  'lic.ev.license_expiring': ['证照到期提醒', 'License expiry reminder'],
  'lic.ev.expiring': [
    '证照 {number}（{type}）有效期至 {validUntil}，请于 {renewBy} 前申请延续',
    'License {number} ({type}) is valid until {validUntil}: apply to renew it by {renewBy}',
  ],
  'lic.ev.expiringLate': [
    '证照 {number}（{type}）有效期至 {validUntil}，延续申请期限（{renewBy}）已过，请尽快申请延续',
    'License {number} ({type}) is valid until {validUntil}; the renewal deadline ({renewBy}) has passed: apply to renew it at once',
  ],
  'lic.ev.expired': ['证照 {number}（{type}）已于 {validUntil} 到期', 'License {number} ({type}) ran out on {validUntil}'],
  'lic.ev.renews': ['延续申请：证照 {number}', 'Renewal of license {number}'],
  'lic.ev.renewsUnnamed': ['延续申请', 'Renewal of a license'],

  // 待我处理
  'lic.today.tile': ['证照即将到期', 'Licenses expiring'],
  'lic.today.hint': ['请及时申请延续', 'Apply to renew in time'],
} as const satisfies Record<string, readonly [string, string]>;

export type LicKey = CommitKey | keyof typeof licenseStrings;
type Vars = Record<string, string | number>;
export type LicT = (key: LicKey, vars?: Vars) => string;
const own = licenseStrings as Record<string, readonly [string, string]>;

/** `t()` for 证照有效期与延续: its own strings first, then 告知承诺制's, the case work and case pages'. */
export function useLicT(): LicT {
  const { locale } = useLocale();
  const t = useCommitT();
  return useCallback(
    (key: LicKey, vars?: Vars) => {
      const entry = own[key];
      if (!entry) return t(key as CommitKey, vars);
      const text = entry[locale === 'en' ? 1 : 0];
      return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
    },
    [locale, t],
  );
}
