import { useCallback } from 'react';
import { fill, useLocale } from './index.tsx';
import { useCommitT, type CommitKey } from './commitment.ts';
import { licenseFrameStrings } from './licenses-frame.ts';

/**
 * Strings of 证照有效期、延续与变更 (a license's period of validity, its renewal — 行政许可法 art. 50 — and its change):
 * 我的证照, the renewal and the change on the application page and at the window, on the case pages and their
 * timeline, and 待我处理's count: [zh-CN, en]. They travel with the case pages (loaded on demand); `useLicT()` falls back to 告知承诺制's, the
 * case work and the case pages' dictionaries.
 */
export const licenseStrings = {
  ...licenseFrameStrings,
  // 我的证照
  'lic.title': ['我的证照', 'My licenses'],
  'lic.holder': ['持证主体', 'Holder'],
  'lic.holderSelf': ['{name}（本人）', '{name} (yourself)'],
  'lic.holderPrincipal': ['{name}（{id}，可代为办理）', '{name} ({id}, you act for it)'],
  'lic.principalNote': [
    '以下是您可代为办理的主体持有的证照（如您申请设立登记的企业）。可查看、下载，并以该主体名义申请延续、变更或注销。',
    'The licenses of someone you act for (a company you registered, for example): view and download them, and apply in their name to renew, change or cancel them.',
  ],
  'lic.subtitle': [
    '您持有的电子证照及其有效期。有效期届满后需要继续从事许可活动的，请在规定期限前向原发证机关申请延续；证照记载事项（名称、地址、经营范围等）发生变化的，请申请变更；不再从事许可活动的，可以申请注销。延续、变更和注销仅适用于行政许可证照；居民身份证、社会保障卡等证件请通过相应事项换领、补领。',
    'The electronic licenses you hold and how long they are valid. To go on with the licensed activity after a license runs out, apply to its issuer to renew it before the deadline; when what a license records (name, address, scope …) changes, apply to change it; when you no longer carry on the activity, you may apply to cancel the license. Renewal, change and cancellation apply to permits (行政许可) only: an ID card, a social security card and the like are replaced through their own services.',
  ],
  'lic.col.type': ['证照名称', 'License'],
  'lic.col.number': ['证照编号', 'Number'],
  'lic.col.issuer': ['发证机关', 'Issued by'],
  'lic.col.issuedAt': ['发证日期', 'Issued on'],
  'lic.col.validUntil': ['有效期至', 'Valid until'],
  'lic.col.state': ['状态', 'Status'],
  'lic.col.renewal': ['在办申请', 'In progress'],
  'lic.col.actions': ['操作', 'Actions'],
  'lic.noEnd': ['长期有效', 'No expiry'],
  'lic.state.valid': ['有效', 'Valid'],
  'lic.state.expiring': ['即将到期', 'Expiring'],
  'lic.state.expired': ['已过期', 'Expired'],
  // short enough for its tag on one line; the hint under it says why
  'lic.state.deemed_renewed': ['视为准予延续', 'Deemed renewed'],
  'lic.renewBy': ['请于 {date} 前申请延续', 'Apply to renew by {date}'],
  'lic.renewByPast': ['延续申请期限（{date}）已过，请尽快申请', 'The renewal deadline ({date}) has passed: apply at once'],
  'lic.renewByLater': ['延续申请截止 {date}', 'Renewal due by {date}'],
  'lic.renewWindow': ['{from} 至 {to} 可申请延续', 'Renewal taken from {from} to {to}'],
  'lic.expiredHint': ['已过有效期，不能延续，需重新申请', 'Expired: it cannot be renewed; apply anew'],
  'lic.deemedHint': [
    '有效期已届满，延续申请尚未作出决定，依法视为准予延续',
    'Its validity has ended while its renewal is undecided: by law it counts as renewed meanwhile',
  ],
  'lic.renewalInProgress': ['延续申请办理中', 'Renewal in progress'],
  'lic.changeInProgress': ['变更办理中', 'Change in progress'],
  'lic.cancelInProgress': ['注销申请办理中', 'Cancellation in progress'],
  'lic.noRenewal': ['—', '—'],
  'lic.viewCase': ['查看办件', 'View case'],
  'lic.download': ['下载', 'Download'],
  'lic.renew': ['申请延续', 'Renew'],
  'lic.change': ['申请变更', 'Change'],
  'lic.cancel': ['申请注销', 'Apply to cancel'],
  'lic.applyAnew': ['重新申请', 'Apply anew'],
  'lic.alertExpiring': [
    '您有 {n} 本证照即将到期，请在延续申请期限前申请延续。',
    'You have {n} {n|license|licenses} due to expire soon. Apply to renew {n|it|them} before the renewal deadline.',
  ],
  'lic.alertExpired': [
    '{n} 本证照已过有效期，不能延续，如需继续从事许可活动请重新申请。',
    '{n} of your licenses {n|has|have} expired and cannot be renewed. To continue the licensed activity, apply for a new license.',
  ],
  'lic.alertTitle': ['证照到期提醒', 'License expiry'],
  'lic.empty': [
    '您还没有电子证照。申请办结并发证后，证照会出现在这里。',
    'You hold no electronic licenses yet. A license appears here once an application that issues one is granted.',
  ],
  'lic.legalNote': [
    '依据《中华人民共和国行政许可法》第五十条，被许可人需要延续许可有效期的，应当在有效期届满前规定期限内提出申请；行政机关逾期未作决定的，视为准予延续。准予延续后，新证自原证有效期届满次日起计算，原证同时作废。',
    'Under article 50 of the Administrative Licensing Law, a holder who wants their license renewed applies before it runs out, within the period set; where the authority has not decided by then, the license counts as renewed. A renewed license runs on from the day after the old one ends, and the old one is void.',
  ],
  'lic.changeNote': [
    '准予变更后，按变更后的内容换发新证，有效期至原证有效期届满之日（不延长），原证同时作废。不再从事许可活动的，可以申请注销证照。同一本证照同一时间只能办理一项延续、变更或注销申请。',
    'A change granted reissues the license with what it now records, valid until the same day as the old one (not extended), and the old one is void. A holder who no longer carries on the activity may apply to cancel the license. A license takes one application at a time: a renewal, a change or a cancellation.',
  ],

  'lic.notPermit': [
    '{type}（编号 {number}）不是行政许可证照，不能申请延续、变更或注销；需要换领、补领的，请申请相应事项。',
    'The {type} ({number}) is not a permit (行政许可): it is not renewed, changed or cancelled this way; to replace it, apply for the service that does.',
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
  'lic.apply.notYet': [
    '证照 {number} 的延续申请自 {date} 起受理，现在还不能申请延续，本次将按新办提交。',
    'The renewal of license {number} is taken from {date}: it cannot be renewed yet, and this application goes as a new one.',
  ],
  'lic.apply.noEnd': [
    '证照 {number} 长期有效，无需延续，本次将按新办提交。',
    'License {number} does not run out and needs no renewal: this application goes as a new one.',
  ],
  'lic.apply.forPrincipal': [
    '延续的证照属于另一申请人：以当前选择的申请人提交时，不能延续该证照，本次将按新办提交。请选择持证主体作为申请人。',
    'The license belongs to another applicant: applied for as chosen, it is not renewed and goes as a new application. Choose its holder as the applicant.',
  ],
  'lic.apply.loadFailed': [
    '要延续的证照未能加载，请重试；不重试则按新办提交。',
    'The license to renew could not be loaded: retry, or the application goes as a new one.',
  ],
  'lic.apply.loading': ['正在查找要延续的证照…', 'Looking up the license to renew…'],
  'lic.apply.cancelInHand': [
    '证照 {number} 已有注销申请在办（办件编号 {case}），本次将按新办提交。',
    'An application to cancel license {number} is in progress already (case {case}): this application goes as a new one.',
  ],
  'lic.apply.changeInHand': [
    '证照 {number} 已有变更申请在办（办件编号 {case}），本次将按新办提交。',
    'License {number} is being changed already (case {case}): this application goes as a new one.',
  ],

  // the application page: a change (变更)
  'lic.chg.title': ['变更申请', 'Change application'],
  'lic.chg.text': [
    '本次申请变更 {type}（编号 {number}），原证有效期至 {validUntil}。请在申请表中填写变更后的内容；准予变更后，按变更后的内容换发新证，有效期仍至 {validUntil}（不延长），原证同时作废。',
    'This application changes {type} no. {number}, valid until {validUntil}. Fill in the form with what the license is to record; once granted, the license is reissued with it, still valid until {validUntil} (not extended), and the old one is void.',
  ],
  'lic.chg.textNoEnd': [
    '本次申请变更 {type}（编号 {number}），原证长期有效。请在申请表中填写变更后的内容；准予变更后，按变更后的内容换发新证，原证同时作废。',
    'This application changes {type} no. {number}, valid without end. Fill in the form with what the license is to record; once granted, the license is reissued with it, and the old one is void.',
  ],
  'lic.chg.notChangedTitle': ['本次申请不作为变更申请', 'This application will not change a license'],
  'lic.chg.notFound': [
    '未找到要变更的证照（可能已换发新证或不属于您），本次将按新办提交。',
    'The license to change was not found (it may have been replaced, or is not yours): this application goes as a new one.',
  ],
  'lic.chg.otherItem': [
    '证照 {number} 不是由本事项核发的，不能在此变更，本次将按新办提交。',
    'License {number} was not issued by this service and cannot be changed here: this application goes as a new one.',
  ],
  'lic.chg.expired': [
    '证照 {number} 已于 {validUntil} 过期，不能变更，本次将按新办提交。',
    'License {number} expired on {validUntil} and cannot be changed: this application goes as a new one.',
  ],
  'lic.chg.forPrincipal': [
    '变更的证照属于另一申请人：以当前选择的申请人提交时，不能变更该证照，本次将按新办提交。请选择持证主体作为申请人。',
    'The license belongs to another applicant: applied for as chosen, it is not changed and goes as a new application. Choose its holder as the applicant.',
  ],
  'lic.chg.loadFailed': [
    '要变更的证照未能加载，请重试；不重试则按新办提交。',
    'The license to change could not be loaded: retry, or the application goes as a new one.',
  ],
  'lic.chg.loading': ['正在查找要变更的证照…', 'Looking up the license to change…'],

  // the application page: giving a license up (申请注销)
  'lic.cxl.title': ['注销申请', 'Application to cancel a license'],
  'lic.cxl.text': [
    '本次申请注销 {type}（编号 {number}，有效期至 {validUntil}）。准予注销后，该证照即不再有效：不能再用于办事、延续或变更，核验时显示“已注销”。如仍需从事许可活动，请不要申请注销。',
    'This application asks for {type} no. {number} (valid until {validUntil}) to be cancelled. Once the cancellation is granted, the license is no longer valid: it cannot be used in another application, renewed or changed, and its verification shows it as cancelled. Do not apply if you still carry on the licensed activity.',
  ],
  'lic.cxl.notTitle': ['本次申请不作为注销申请', 'This application will not cancel a license'],
  'lic.cxl.notFound': [
    '未找到要注销的证照（可能已注销、已换发新证或不属于您），请回到“我的证照”查看。',
    'The license to cancel was not found (it may have been cancelled or replaced already, or is not yours): see My licenses.',
  ],
  'lic.cxl.otherItem': [
    '证照 {number} 不是由本事项核发的，请通过核发它的事项申请注销。',
    'License {number} was not issued by this service: apply to cancel it through the service that issued it.',
  ],
  'lic.cxl.expired': [
    '证照 {number} 已于 {validUntil} 过期，由发证部门依法注销，无需申请。',
    'License {number} ran out on {validUntil}: the issuing department cancels it under the law; no application is needed.',
  ],
  'lic.cxl.forPrincipal': [
    '注销申请须以持证主体的名义提交：请选择持证主体作为申请人。',
    'An application to cancel a license is made in its holder’s name: choose its holder as the applicant.',
  ],
  'lic.cxl.loadFailed': ['要注销的证照未能加载，请重试。', 'The license to cancel could not be loaded. Please try again.'],
  'lic.cxl.loading': ['正在查找要注销的证照…', 'Looking up the license to cancel…'],
  'lic.cxl.card': ['注销说明', 'Cancellation details'],
  'lic.cxl.reason': ['注销原因', 'Reason for cancellation'],
  'lic.cxl.reasonPlaceholder': [
    '如：停止经营、经营场所拆迁、企业已办理注销登记等',
    'For example: the business closed, the premises were demolished, the company was dissolved',
  ],
  'lic.cxl.reasonRequired': ['请填写注销原因（2 至 500 字）', 'Enter the reason for cancellation (2 to 500 characters)'],
  'lic.cxl.noMaterials': [
    '注销申请无需提交申请材料；窗口核实后如需补充，将一次性告知。',
    'An application to cancel a license takes no materials; should the window need any, it tells you everything at once.',
  ],
  'lic.cxl.submit': ['提交注销申请', 'Apply to cancel'],
  'lic.cxl.confirmTitle': ['确认申请注销该证照？', 'Apply to cancel this license?'],
  'lic.cxl.confirmText': [
    '准予注销后，证照 {number} 即不再有效，不能恢复；如需再次从事许可活动，应当重新申请许可。',
    'Once the cancellation is granted, license {number} is no longer valid and cannot be restored. To carry on the activity again, you would need to apply for a new license.',
  ],
  'lic.cxl.confirmOk': ['确认提交', 'Apply'],

  // the server's refusal of `renews`
  'lic.err.invalid': [
    '该证照不能延续（可能已过期、已被延续换发、不由本事项核发或长期有效）。请回到“我的证照”查看，或改为新办。',
    'This license cannot be renewed (it may have expired, been replaced, been issued by another service, or not run out at all). See My licenses, or apply as new.',
  ],
  'lic.err.notYet': ['该证照的延续申请自 {date} 起受理，请届时再申请。', 'The renewal of this license is taken from {date}: apply then.'],
  'lic.err.expired': ['该证照已于 {date} 过期，不能延续，请改为新办。', 'This license expired on {date} and cannot be renewed: apply as new.'],
  'lic.err.otherItem': [
    '该证照不是由本事项核发的，请通过事项 {code} 申请延续。',
    'This license was not issued by this service: renew it through service {code}.',
  ],
  'lic.err.inHand': [
    '该证照已有延续、变更或注销申请在办（办件编号 {number}），同一本证照同一时间只能办理一项申请，请待其办结后再申请。',
    'An application for this license (a renewal, a change or a cancellation) is in progress already (case {number}): a license takes one at a time; apply once it is decided.',
  ],
  // the server's refusal of `changes`
  'lic.err.change.invalid': [
    '该证照不能变更（可能已过期、已换发新证或不由本事项核发）。请回到“我的证照”查看，或改为新办。',
    'This license cannot be changed (it may have expired, been replaced, or been issued by another service). See My licenses, or apply as new.',
  ],
  'lic.err.change.expired': ['该证照已于 {date} 过期，不能变更，请重新申请。', 'This license expired on {date} and cannot be changed: apply anew.'],
  'lic.err.change.otherItem': [
    '该证照不是由本事项核发的，请通过事项 {code} 申请变更。',
    'This license was not issued by this service: change it through service {code}.',
  ],
  // the server's refusal of `cancels` and `cancelReason`
  'lic.err.cancel.invalid': [
    '该证照不能申请注销（可能已注销、已换发新证或不由本事项核发）。请回到“我的证照”查看。',
    'This license cannot be cancelled on application here (it may have been cancelled or replaced already, or issued by another service). See My licenses.',
  ],
  'lic.err.cancel.expired': [
    '该证照已于 {date} 过期，由发证部门依法注销，无需申请。',
    'This license ran out on {date}: the issuing department cancels it; no application is needed.',
  ],
  'lic.err.cancel.otherItem': [
    '该证照不是由本事项核发的，请通过事项 {code} 申请注销。',
    'This license was not issued by this service: apply to cancel it through service {code}.',
  ],
  'lic.err.materialExpired': [
    '所选证照已于 {date} 过期，不能作为申请材料，请改为上传。',
    'The license chosen expired on {date} and cannot serve as a material: upload a copy instead.',
  ],

  // the window
  'lic.win.mode': ['办理类型', 'Application type'],
  'lic.win.new': ['新办', 'New'],
  'lic.win.renew': ['延续', 'Renewal'],
  'lic.win.change': ['变更', 'Change'],
  'lic.win.cancel': ['注销', 'Cancellation'],
  'lic.win.which': ['延续的证照', 'License to renew'],
  'lic.win.option': ['{number} · 有效期至 {validUntil}', '{number} · valid until {validUntil}'],
  'lic.win.hint': [
    '申请人持有本事项核发的证照：需要延长有效期的，办理延续；证照记载事项发生变化的，办理变更。',
    'The applicant holds a license of this service: to run on past its end, renew it; when what it records has changed, change it.',
  ],
  'lic.win.renewHint': [
    '准予延续后，新证自原证有效期届满次日起计算，原证同时作废。',
    'Once granted, the new license runs on from the day after the old one ends, and the old one is void.',
  ],
  'lic.win.changeHint': [
    '在申请表中填写变更后的内容。准予变更后，按变更后的内容换发新证，有效期至原证有效期届满之日（不延长），原证同时作废。',
    'Fill in the form with what the license is to record. Once granted, the license is reissued with it, valid until the same day as the old one (not extended), and the old one is void.',
  ],
  'lic.win.pickLicense': ['请选择要延续的证照', 'Choose the license to renew'],
  'lic.win.pickChange': ['请选择要变更的证照', 'Choose the license to change'],
  'lic.win.pickCancel': ['请选择要注销的证照', 'Choose the license to cancel'],
  'lic.win.cancelHint': [
    '持证人申请注销证照：填写注销原因，无需收取申请材料。准予注销后，该证照即不再有效。',
    'The holder applies to cancel the license: record the reason; no materials are taken. Once granted, the license is no longer valid.',
  ],

  // the case pages
  'lic.fact.renews': ['延续证照', 'License to renew'],
  'lic.fact.changes': ['变更证照', 'License to change'],
  'lic.fact.cancels': ['注销证照', 'License to cancel'],
  'lic.fact.cancelReason': ['注销原因', 'Reason'],
  'lic.tag.renews': ['延续申请', 'Renewal'],
  'lic.tag.changes': ['变更申请', 'Change'],
  'lic.tag.cancels': ['注销申请', 'Cancellation'],
  'lic.fact.cancelled': ['已注销', 'Cancelled'],
  'lic.fact.renewsText': ['{number}（有效期至 {validUntil}）', '{number} (valid until {validUntil})'],
  'lic.fact.issuedBy': ['原办件 {number}', 'issued by case {number}'],
  'lic.fact.replaced': ['已换发新证', 'Replaced'],
  'lic.doc.validUntil': ['有效期至 {date}', 'Valid until {date}'],
  'lic.doc.revoked': ['已撤销', 'Revoked'],
  'lic.doc.revokedOn': ['许可已于 {date} 撤销，证照不再有效', 'Revoked on {date}: no longer valid'],
  'lic.doc.superseded': ['已换发新证', 'Replaced'],

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
  'lic.ev.changes': ['变更申请：证照 {number}', 'Change of license {number}'],
  'lic.ev.changesUnnamed': ['变更申请', 'Change of a license'],
  'lic.ev.cancels': ['注销申请：证照 {number}', 'Cancellation of license {number}'],
  'lic.ev.cancelsUnnamed': ['注销申请', 'Cancellation of a license'],
  'lic.ev.cancelReason': ['注销原因：{text}', 'Reason: {text}'],
  'lic.ev.byCase': ['依持证人申请（办件 {number}）准予注销', 'Granted on the holder’s application (case {number})'],

  // a license that no longer holds (the ledger, the case pages)
  'lic.state.revoked': ['已撤销', 'Revoked'],
  'lic.state.superseded': ['已换发新证', 'Replaced'],
  'lic.state.cancelled': ['已注销', 'Cancelled'],
  'lic.doc.cancelled': ['已注销', 'Cancelled'],
  'lic.ev.license_cancelled': ['注销证照', 'License cancelled'],
  'lic.ev.enterprise_registered': ['企业登记成立', 'Company registered'],
  'lic.ev.registered': ['{name}依法登记成立，统一社会信用代码：{code}', '{name} is registered, unified social credit code {code}'],
  'lic.ev.registeredInBundle': [
    '{name}（{code}）经 {number} 依法登记成立，营业执照已核发；其余事项以该企业名义继续办理',
    '{name} ({code}) was registered by {number} and its business license issued; the other items go on in its name',
  ],
  'lic.ev.filedForRegistered': [
    '{name}（{code}）经 {number} 登记成立，本件改以该企业名义办理，原申请人为代办人',
    '{name} ({code}) was registered by {number}: this case is now filed for it, its former applicant as agent',
  ],
  'lic.ev.awaiting_registration': ['等待企业设立登记', 'Waiting for the company’s registration'],
  'lic.ev.awaitingText': [
    '须待{subject}（{number}）准予、企业登记成立后作出决定；等待期间暂停计时',
    'To be decided once {subject} ({number}) is granted and the company registered; the clock is paused meanwhile',
  ],
  'lic.ev.registration_denied': ['企业设立登记不予登记', 'Company registration denied'],
  'lic.ev.deniedText': [
    '{subject}（{number}）决定不予登记，本件恢复计时，请依法作出决定',
    '{subject} ({number}) was denied: this case’s clock runs again, for it to be decided as it stands',
  ],
  'lic.ev.cancelled': ['证照 {number}（{type}）已注销，注销情形：{ground}', 'License {number} ({type}) cancelled: {ground}'],
  'lic.ev.cancelNote': ['注销说明：{text}', 'Note: {text}'],

  // 证照核验 (public)
  'lic.ver.subtitle': [
    '输入电子证照上的证照编号，或用手机扫描证照上的二维码，核验该证照是否由本平台核发、目前是否有效。',
    'Enter the number printed on an electronic license, or scan its QR code, to check that this platform issued it and whether it still holds.',
  ],
  'lic.ver.placeholder': ['请输入证照编号', 'License number'],
  'lic.ver.submit': ['核验', 'Verify'],
  'lic.ver.badNumber': ['证照编号只包含字母、数字和连字符，请核对后重新输入', 'A license number has letters, digits and hyphens only: check what you typed'],
  'lic.ver.loading': ['正在核验证照…', 'Checking the license…'],
  'lic.ver.notFound': ['未查到该编号的证照', 'No license of this number was found'],
  'lic.ver.notFoundHint': [
    '请核对证照编号是否输入正确。编号无误仍查不到的，该证照不是由本平台核发的，如有疑问请联系发证机关。',
    'Check the number as typed. If it is right, this platform did not issue the license: ask its issuer if in doubt.',
  ],
  'lic.ver.tooMany': ['查询过于频繁，请稍后再试', 'Too many checks: try again in a minute'],
  'lic.ver.failed': ['核验未能完成', 'The check could not be made'],
  'lic.ver.verdict.valid': ['有效', 'Valid'],
  'lic.ver.verdict.deemed_renewed': ['视为准予延续', 'Deemed renewed'],
  'lic.ver.verdict.expired': ['已过期', 'Expired'],
  'lic.ver.verdict.revoked': ['已撤销', 'Revoked'],
  'lic.ver.verdict.cancelled': ['已注销', 'Cancelled'],
  'lic.ver.verdict.superseded': ['已换发新证', 'Replaced by a new license'],
  'lic.ver.say.valid': ['该证照由本平台核发，目前在有效期内，合法有效。', 'This platform issued this license, and it is within its period of validity.'],
  'lic.ver.say.deemed_renewed': [
    '该证照有效期已届满，其延续申请尚在办理中，依照《中华人民共和国行政许可法》第五十条视为准予延续，目前仍然有效。',
    'Its period of validity has ended while its renewal is being decided: under article 50 of the Administrative Licensing Law it counts as renewed and still holds.',
  ],
  'lic.ver.say.expired': [
    '该证照已超过有效期，且未办理延续，不再有效。',
    'This license has run past its period of validity without renewal and no longer holds.',
  ],
  'lic.ver.say.revoked': [
    '该证照对应的行政许可已于 {date} 依法撤销，证照不再有效。',
    'The permit of this license was revoked on {date}: the license no longer holds.',
  ],
  'lic.ver.say.cancelled': ['该证照已于 {date} 由发证机关依法注销，不再有效。', 'The issuer cancelled this license on {date}: it no longer holds.'],
  'lic.ver.say.superseded': [
    '该证照已于 {date} 延续或变更换发新证，原证同时作废，请以新证为准。',
    'This license was replaced on {date} by a renewal or a change and is void: the new license holds instead.',
  ],
  'lic.ver.cancelGround': ['注销情形', 'Ground'],
  'lic.ver.newNumber': ['新证编号', 'New license'],
  'lic.ver.verifyNew': ['核验新证', 'Verify the new license'],
  'lic.ver.f.type': ['证照名称', 'License'],
  'lic.ver.f.number': ['证照编号', 'Number'],
  'lic.ver.f.holder': ['持证主体', 'Holder'],
  'lic.ver.f.subject': ['许可事项', 'Permit'],
  'lic.ver.f.matter': ['办理事项', 'Service'],
  'lic.ver.f.issuer': ['发证机关', 'Issued by'],
  'lic.ver.f.issuedAt': ['发证日期', 'Issued on'],
  'lic.ver.f.validUntil': ['有效期至', 'Valid until'],
  'lic.ver.f.sha256': ['电子证照摘要（SHA-256）', 'Fingerprint of the PDF (SHA-256)'],
  'lic.ver.f.checkedAt': ['核验时间', 'Checked at'],
  'lic.ver.personMasked': ['（个人姓名已部分隐去）', "(a person's name, partly hidden)"],
  'lic.ver.noPdf': ['电子证照文件尚未生成', 'The PDF has not been made yet'],
  'lic.ver.again': ['核验其他证照', 'Verify another license'],
  'lic.ver.note': [
    '核验结果以核验时间为准。本页只显示证照的公开信息，个人持证人的姓名已部分隐去。',
    "The answer holds as of the time of the check. This page shows a license's public facts only; a person's name is partly hidden.",
  ],
  'lic.ver.cmp.title': ['比对电子证照文件', 'Compare a license file'],
  'lic.ver.cmp.hint': [
    '选择您收到的电子证照 PDF 文件，浏览器将在本机计算其 SHA-256 摘要，并与发证时生成的摘要比对，文件不会上传。',
    'Choose the license PDF you were given: your browser computes its SHA-256 fingerprint on this device and compares it with the one made when the license was issued. The file is not uploaded.',
  ],
  'lic.ver.cmp.pick': ['选择 PDF 文件', 'Choose a PDF file'],
  'lic.ver.cmp.computing': ['正在计算文件摘要…', 'Computing the fingerprint…'],
  'lic.ver.cmp.same': ['一致', 'Identical'],
  'lic.ver.cmp.sameText': ['所选文件与发证机关核发的电子证照完全一致。', 'The file is exactly the electronic license the issuer issued.'],
  'lic.ver.cmp.differ': ['不一致', 'Different'],
  'lic.ver.cmp.differText': [
    '所选文件与核发的电子证照不符，可能被修改过，或不是这一本证照的文件。',
    "The file differs from the electronic license issued: it may have been altered, or be another license's file.",
  ],
  'lic.ver.cmp.file': ['所选文件：{name}', 'File: {name}'],
  'lic.ver.cmp.fileHash': ['文件摘要', 'Its fingerprint'],
  'lic.ver.cmp.unavailable': ['该证照的电子文件尚未生成，暂不能比对文件。', "The license's PDF has not been made yet: there is nothing to compare with."],
  'lic.ver.cmp.noCrypto': [
    '当前浏览器环境不能计算文件摘要（需通过 HTTPS 访问本页）。',
    'This browser cannot compute the fingerprint here (open this page over HTTPS).',
  ],
  'lic.ver.cmp.readFailed': ['未能读取所选文件', 'The file could not be read'],

  // 证照管理 (the issuing department's ledger)
  'lic.adm.subtitle': [
    '本部门（本级中心为本区域）核发的电子证照：有效期、延续和变更办理情况，以及依法注销。',
    'The electronic licenses your department issued (at a service center, those of its region): until when they hold, their renewals and changes, and their cancellation under the law.',
  ],
  'lic.adm.filter.all': ['全部', 'All'],
  'lic.adm.filter.valid': ['有效', 'Valid'],
  'lic.adm.filter.expiring': ['即将到期', 'Expiring'],
  'lic.adm.filter.expired': ['已过期', 'Expired'],
  'lic.adm.filter.revoked': ['已撤销', 'Revoked'],
  'lic.adm.filter.superseded': ['已换发', 'Replaced'],
  'lic.adm.filter.cancelled': ['已注销', 'Cancelled'],
  'lic.adm.search': ['证照编号或持证主体名称', 'Number or holder'],
  'lic.adm.col.license': ['证照名称 / 证照编号', 'License / number'],
  'lic.adm.col.holder': ['持证主体', 'Holder'],
  'lic.adm.col.issuer': ['发证机关 / 发证日期', 'Issued by / on'],
  'lic.adm.renewal': ['延续申请', 'Renewal'],
  'lic.adm.change': ['变更申请', 'Change'],
  'lic.adm.cancellation': ['注销申请', 'Cancellation applied for'],
  'lic.adm.col.case': ['办件', 'Case'],
  'lic.adm.verify': ['核验', 'Verify'],
  'lic.adm.cancel': ['注销', 'Cancel'],
  'lic.adm.cancelledOn': ['{date} 注销', 'Cancelled on {date}'],
  'lic.adm.empty': ['暂无核发的证照', 'No licenses issued yet'],
  'lic.adm.emptyFiltered': ['没有符合条件的证照', 'No license matches'],
  'lic.adm.reset': ['清除筛选', 'Clear filters'],
  'lic.adm.expiringNote': [
    '“即将到期”：延续申请期限在 30 日内或已过、尚未申请延续的证照，按有效期先后排列。',
    '“Expiring”: licenses whose renewal falls due within 30 days or is past due, none applied for, soonest end first.',
  ],
  'lic.adm.person': ['个人', 'Person'],
  'lic.adm.renewByPast': ['延续申请期限 {date} 已过，尚未申请', 'Renewal was due by {date}: none applied for'],

  // 注销 (行政许可法 art. 70)
  'lic.cancel.title': ['注销证照', 'Cancel a license'],
  'lic.cancel.intro': [
    '依据《中华人民共和国行政许可法》第七十条，有下列情形之一的，行政机关应当依法办理有关行政许可的注销手续。',
    'Under article 70 of the Administrative Licensing Law, the authority cancels a permit in any of the following cases.',
  ],
  'lic.cancel.introCertificate': [
    '证照不再有效的，由发证机关依照法律、法规和有关规定注销，有下列情形之一的：',
    'A license that no longer holds is cancelled by its issuing authority as the laws and rules say, in any of the following cases.',
  ],
  'lic.cancel.ground': ['注销情形', 'Ground'],
  'lic.cancel.groundPlaceholder': ['请选择注销情形', 'Choose the ground'],
  'lic.cancel.groundRequired': ['请选择注销情形', 'Choose the ground of the cancellation'],
  'lic.cancel.note': ['注销说明', 'Note'],
  'lic.cancel.notePlaceholder': [
    '写明注销的事实和依据，如注销登记通知书文号、申请日期等',
    "The facts and grounds: the deregistration notice's number, the date of the request…",
  ],
  'lic.cancel.noteRequired': ['选择“其他情形”的，请写明依据的法律、法规', 'For “another case”, name the law that requires it'],
  'lic.cancel.warning': [
    '注销后证照即行失效，不能再延续、作为申请材料使用或核验为有效；系统将在原办件中告知持证人。注销不能撤回，请核实后操作。',
    'Once cancelled the license stops holding: it can no longer be renewed, used as a material or verified as valid, and the holder is told on the issuing case. A cancellation cannot be undone: check before you confirm.',
  ],
  'lic.cancel.confirm': ['确认注销', 'Cancel the license'],
  'lic.cancel.done': ['已注销证照 {number}', 'License {number} cancelled'],
  'lic.cancel.err.conflict': [
    '该证照已不再有效（{state}），不能注销。列表已刷新。',
    'This license no longer holds ({state}) and cannot be cancelled. The list has been refreshed.',
  ],
  'lic.cancel.err.conflictAgain': [
    '该证照刚被他人注销或变更，列表已刷新。',
    'Someone else has just cancelled or changed this license. The list has been refreshed.',
  ],
  'lic.cancel.expiredNotYet': ['有效期尚未届满，不适用此情形', 'It has not run out: this ground does not apply'],
  'lic.cancel.expiredDeemed': ['延续申请尚未决定，视为准予延续，不适用此情形', 'Its renewal is undecided: it counts as renewed, so this ground does not apply'],
  'lic.cancel.err.deemed': [
    '该证照的延续申请（办件 {number}）尚未决定，视为准予延续，不能以“有效期届满未延续”注销。',
    'Its renewal (case {number}) is undecided: the license counts as renewed and cannot be cancelled as run out.',
  ],
  'lic.cancel.err.forbidden': ['只有核发该证照的部门可以注销它。', 'Only the department that issued a license may cancel it.'],
  'lic.cancel.err.notFound': ['未找到该证照，或您无权查看。', 'The license was not found, or you may not see it.'],

  // 批量注销 (行政许可法 art. 70 (一): ran out without renewal)
  'lic.adm.expiredNote': [
    '“已过期”：有效期已届满的证照。未申请延续的应依法注销，可勾选后批量注销；已申请延续、尚未决定的视为准予延续，不能注销。',
    '“Expired”: licenses past their last day. Those not renewed are to be cancelled: tick them to cancel them together. One whose renewal is still undecided counts as renewed and cannot be cancelled.',
  ],
  'lic.batch.pickHint': ['有效期届满未延续，可批量注销', 'Ran out without renewal: may be cancelled together'],
  'lic.batch.deemedHint': ['延续申请尚未决定，视为准予延续，不能注销', 'Its renewal is undecided: it counts as renewed and cannot be cancelled'],
  'lic.batch.chosen': ['已选择 {n} 张有效期届满未延续的证照', 'Licenses chosen that ran out without renewal: {n}'],
  'lic.batch.cancel': ['批量注销', 'Cancel them'],
  'lic.batch.cancelling': ['注销中 {done}/{total}', 'Cancelling {done}/{total}'],
  'lic.batch.title': ['批量注销证照', 'Cancel licenses together'],
  'lic.batch.count': ['注销数量', 'Licenses'],
  'lic.batch.countValue': ['{n} 张', '{n}'],
  'lic.batch.licenses': ['证照', 'Which'],
  'lic.batch.groundBasis': ['《行政许可法》第七十条第（一）项', 'Administrative Licensing Law, art. 70 (1)'],
  'lic.batch.notePlaceholder': ['选填：写明注销的依据，如注销公告文号', 'Optional: the grounds, such as the number of the cancellation notice'],
  'lic.batch.noteHint': ['说明将记入每张证照的注销记录', 'The note is recorded with each cancellation'],
  'lic.batch.warning': [
    '注销后这些证照即行失效，不能再延续、作为申请材料使用或核验为有效；系统将在各原办件中告知持证人。注销不能撤回，请核实后操作。',
    'Once cancelled these licenses stop holding: they can no longer be renewed, used as materials or verified as valid, and each holder is told on the issuing case. A cancellation cannot be undone: check before you confirm.',
  ],
  'lic.batch.confirm': ['确认注销 {n} 张', 'Cancel {n}'],
  'lic.batch.done': ['已注销 {n} 张证照', 'Licenses cancelled: {n}'],
  'lic.batch.result': ['已注销 {done} 张，{left} 张未注销', 'Cancelled: {done}; not cancelled: {left}'],
  'lic.batch.skipped': ['已跳过，{reason}', 'Skipped: {reason}'],
  'lic.batch.failed': ['未能注销，{reason}', 'Not cancelled: {reason}'],
  'lic.batch.skip.state': ['该证照已不再有效（{state}），可能已由他人处理', 'it no longer holds ({state}): someone has dealt with it meanwhile'],
  'lic.batch.skip.changed': ['该证照刚被他人注销或变更', 'someone has just cancelled or changed it'],

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
      return fill(text, vars);
    },
    [locale, t],
  );
}
