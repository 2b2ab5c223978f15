import type { ReactNode } from 'react';
import { Form, Input, Tag, Tooltip, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { Link } from 'react-router';
import type { Locale } from '../../../../common/errors.ts';
import { cancelGroundText, cancelReasonLength, type IssuedLicenseState, type LicenseAction, type LicenseCancelGround } from '../../../../common/licenses.ts';
import { isApiError } from '../../../api/client.ts';
import type { CaseDetail } from '../../../api/cases.ts';
import { useLicT, type LicT } from '../../../i18n/licenses.ts';

/**
 * 证照有效期、延续与变更 (a license's validity, its renewal and its change) as the case pages, 我的证照 and the
 * application show them.
 */

/** A civil day ('YYYY-MM-DD') as the pages show days, year first in either language: 2031/11/27. */
export function civilDay(day: string | null | undefined, _locale?: Locale): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})/.exec(day) : null;
  if (!m) return '—';
  return `${m[1]}/${m[2]}/${m[3]}`;
}

/** The day of an instant in the center's time zone, as `civilDay` shows it. */
export function dayOf(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const ymd = d.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  return civilDay(ymd, locale);
}

/** Today in the center's time zone, as 'YYYY-MM-DD' (civil days compare as strings). */
export function todayYmd(at = Date.now()): string {
  return new Date(at).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** 有效期至: the last day, or 长期有效. */
export const validUntilText = (validUntil: string | null | undefined, locale: Locale, t: LicT) => (validUntil ? civilDay(validUntil, locale) : t('lic.noEnd'));

/** The 有效期至 column of a list of licenses (我的证照, 证照管理). */
export const validUntilColumn = (locale: Locale, t: LicT) => ({
  title: t('lic.col.validUntil'),
  dataIndex: 'validUntil',
  width: 110,
  render: (v: string | null) => (
    <span className="nowrap-cell" data-testid="license-valid-until">
      {validUntilText(v, locale, t)}
    </span>
  ),
});

/**
 * A cancellation's ground (注销情形) as a label on its own — a status line, an option, a verdict: in English it opens
 * with a capital, as a label does (the shared text is worded to run on after a colon in a sentence).
 */
export function cancelGroundLabel(ground: LicenseCancelGround, itemType: string | null | undefined, locale: Locale): string {
  const [zh, en] = cancelGroundText(ground, itemType) ?? [ground, ground];
  return locale === 'en' ? en.charAt(0).toUpperCase() + en.slice(1) : zh;
}

export const licenseStateColor: Record<IssuedLicenseState, string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
  deemed_renewed: 'blue',
  // no longer held: revoked (撤销) and cancelled (注销) by the authority, replaced by a renewal's or a change's new license
  revoked: 'red',
  cancelled: 'red',
  superseded: 'default',
};

/**
 * The state of a license as a tag: 有效, 即将到期, 已过期, 视为准予延续 — and, in the issuing department's ledger,
 * 已撤销, 已换发新证, 已注销.
 */
export function LicenseStateTag({ license, t }: { license: { state: IssuedLicenseState }; t: LicT }) {
  const tag = (
    <Tag
      color={licenseStateColor[license.state]}
      // what needs the holder stands out
      variant={license.state === 'expiring' || license.state === 'expired' ? 'solid' : 'filled'}
      data-testid="license-state"
      data-state={license.state}
    >
      {t(`lic.state.${license.state}`)}
    </Tag>
  );
  return license.state === 'deemed_renewed' ? <Tooltip title={t('lic.deemedHint')}>{tag}</Tooltip> : tag;
}

export { licenseActionField } from '../../../../common/licenses.ts';

/**
 * 注销原因: why the holder gives a license up, asked by an application to cancel it online and at the window (no
 * materials are asked). `form` holds `reason`.
 */
export function CancelReasonInput({ form, onChange }: { form: FormInstance<{ reason: string }>; onChange?: () => void }) {
  const t = useLicT();
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="cancel-no-materials">
        {t('lic.cxl.noMaterials')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={onChange} data-testid="cancel-reason-form">
        <Form.Item
          name="reason"
          label={t('lic.cxl.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: cancelReasonLength.min,
              max: cancelReasonLength.max,
              message: t('lic.cxl.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea
            id="cancel-reason"
            rows={3}
            maxLength={cancelReasonLength.max}
            showCount
            placeholder={t('lic.cxl.reasonPlaceholder')}
            data-testid="cancel-reason"
          />
        </Form.Item>
      </Form>
    </>
  );
}

/**
 * The server's refusal of a renewal or a change, said plainly: `renews` not renewable or `changes` not changeable
 * (400 VALIDATION_FAILED with that field: another item's, expired, …), an application for the license in hand already
 * — a renewal or a change, one at a time — (409 CONFLICT with the case's number), or a material taken from an expired
 * license. `sent`: what the application did for a license, if anything. Null for any other error.
 */
export function licenseApplicationError(error: unknown, t: LicT, locale: Locale, sent: LicenseAction | null): string | null {
  if (!isApiError(error)) return null;
  const d = (error.details ?? {}) as {
    field?: string;
    caseNumber?: string;
    validUntil?: string;
    itemCode?: string;
    reason?: string;
    key?: string;
    opensOn?: string;
  };
  if (error.code === 'VALIDATION_FAILED' && d.field === 'renews') {
    if (d.opensOn) return t('lic.err.notYet', { date: civilDay(d.opensOn, locale) });
    if (d.itemCode) return t('lic.err.otherItem', { code: d.itemCode });
    if (d.validUntil) return t('lic.err.expired', { date: civilDay(d.validUntil, locale) });
    return t('lic.err.invalid');
  }
  if (error.code === 'VALIDATION_FAILED' && d.field === 'changes') {
    if (d.itemCode) return t('lic.err.change.otherItem', { code: d.itemCode });
    if (d.validUntil) return t('lic.err.change.expired', { date: civilDay(d.validUntil, locale) });
    return t('lic.err.change.invalid');
  }
  if (error.code === 'VALIDATION_FAILED' && d.field === 'cancels') {
    if (d.itemCode) return t('lic.err.cancel.otherItem', { code: d.itemCode });
    if (d.validUntil) return t('lic.err.cancel.expired', { date: civilDay(d.validUntil, locale) });
    return t('lic.err.cancel.invalid');
  }
  if (error.code === 'VALIDATION_FAILED' && d.field === 'cancelReason') return t('lic.cxl.reasonRequired');
  if (error.code === 'CONFLICT' && sent && d.caseNumber) return t('lic.err.inHand', { number: d.caseNumber });
  if (error.code === 'VALIDATION_FAILED' && d.field === 'materials' && d.validUntil)
    return [t('lic.err.materialExpired', { date: civilDay(d.validUntil, locale) }), d.key].filter(Boolean).join(' · ');
  return null;
}

/**
 * Whether the refusal of a renewal or a change means the license list is out of date (something in hand for the
 * license, the license expired or replaced since).
 */
export const licenseApplicationRefused = (error: unknown) => {
  if (!isApiError(error)) return false;
  const field = (error.details as { field?: string } | null)?.field;
  return (error.code === 'VALIDATION_FAILED' && (field === 'renews' || field === 'changes' || field === 'cancels')) || error.code === 'CONFLICT';
};

/**
 * 延续证照 / 变更证照 / 注销证照 for a case's facts: the license a renewal, a change or a cancellation names, with the
 * case that issued it — and, once the grant replaced or cancelled it, that it was; a cancellation's reason besides.
 */
/** Beside a case's title: an application for a license held — its renewal, change or cancellation — says which. */
export function LicenseActionTag({ kase }: { kase: Pick<CaseDetail, 'renews' | 'changes' | 'cancels'> }) {
  const t = useLicT();
  const action = kase.renews ? 'renews' : kase.changes ? 'changes' : kase.cancels ? 'cancels' : null;
  if (!action) return null;
  return (
    <Tag color={action === 'cancels' ? 'volcano' : 'geekblue'} variant="outlined" data-testid="license-action-tag">
      {t(`lic.tag.${action}`)}
    </Tag>
  );
}

export function licenseFacts(kase: CaseDetail, t: LicT, locale: Locale, base: '/my/cases' | '/workbench/cases') {
  const named = [
    { field: 'renews' as const, license: kase.renews, label: t('lic.fact.renews') },
    { field: 'changes' as const, license: kase.changes, label: t('lic.fact.changes') },
    { field: 'cancels' as const, license: kase.cancels, label: t('lic.fact.cancels') },
  ];
  const reason =
    kase.cancels && kase.cancelReason
      ? [
          {
            key: 'cancelReason',
            label: t('lic.fact.cancelReason'),
            span: 'filled' as const,
            children: <span data-testid="cancel-reason-fact">{kase.cancelReason}</span>,
          },
        ]
      : [];
  return named
    .flatMap<{ key: string; label: string; span: 'filled'; children: ReactNode }>(({ field, license: r, label }) =>
      r
        ? [
            {
              key: field,
              label,
              span: 'filled' as const,
              children: (
                <span data-testid={`${field}-fact`}>
                  {r.type} · {t('lic.fact.renewsText', { number: r.number, validUntil: validUntilText(r.validUntil, locale, t) })}
                  {' · '}
                  <Link to={`${base}/${r.caseId}`} data-testid={`${field}-case`}>
                    {t('lic.fact.issuedBy', { number: r.caseNumber })}
                  </Link>{' '}
                  {r.supersededAt && (
                    <Tag color="default" className="case-license-replaced" data-testid={`${field}-replaced`}>
                      {t('lic.fact.replaced')}
                    </Tag>
                  )}
                  {r.cancelledAt && (
                    <Tag color="red" className="case-license-replaced" data-testid={`${field}-cancelled`}>
                      {t('lic.fact.cancelled')}
                    </Tag>
                  )}
                </span>
              ),
            },
          ]
        : [],
    )
    .concat(reason);
}
