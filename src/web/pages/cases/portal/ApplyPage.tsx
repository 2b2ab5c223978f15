import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { isStaff, useMe } from '../../../api/auth.ts';
import { useApply, useHeldLicenses, usePublishedItem, type ApplyItem, type HeldLicense } from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { NotFoundState, QueryState } from '../../../components/PageState.tsx';
import { catalogCodeOf } from '../../../components/address.ts';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { ItemGuideSummary } from '../shared/ItemGuideSummary.tsx';
import { ApplicationForm, type Application } from '../shared/ApplicationForm.tsx';
import { SubmittedResult } from '../shared/SubmittedResult.tsx';
import { commitmentTermsOf } from '../shared/CommitmentChoice.tsx';
import { useLocale } from '../../../i18n/index.tsx';
import { useLicT, type LicKey, type LicT } from '../../../i18n/licenses.ts';
import type { Locale } from '../../../../common/errors.ts';
import type { LicenseAction } from '../../../../common/licenses.ts';
import { isLicensing } from '../../../../common/decisions.ts';
import { civilDay, licenseActionField, todayYmd, validUntilText } from '../shared/Licenses.tsx';
import { useDraftToContinue } from './MyDrafts.tsx';
import '../cases.css';

/** 在线申请: an applicant applies for a published item — the guide in brief, the form, the materials. */
export function ApplyPage() {
  const t = useCaseT();
  const code = catalogCodeOf(useParams().code);
  const item = usePublishedItem(code);
  const me = useMe().data!;
  usePageTitle(item.data ? t('cases.applyFor', { name: item.data.content.name }) : t('cases.apply'));
  return (
    <div className="portal-page case-apply" data-testid="apply-page">
      <Breadcrumb
        className="page-breadcrumb"
        items={[
          { title: <Link to="/services">{t('cases.services')}</Link> },
          ...(item.data ? [{ title: <Link to={`/services/${encodeURIComponent(item.data.code)}`}>{item.data.content.name}</Link> }] : []),
          { title: t('cases.apply') },
        ]}
      />
      {code ? (
        <QueryState query={item} rows={12} notFound={<ItemNotFound />}>
          {(data) => (isStaff(me) ? <StaffNotice item={data} /> : <ApplyForm item={data} me={me} />)}
        </QueryState>
      ) : (
        <ItemNotFound />
      )}
    </div>
  );
}

/** An address that names no item open for applications: said so, with the way to the list of services. */
function ItemNotFound() {
  const t = useCaseT();
  return <NotFoundState title={t('guide.notFound')} hint={t('guide.notFoundHint')} back={{ to: '/services', label: t('guide.backToServices') }} />;
}

function StaffNotice({ item }: { item: ApplyItem }) {
  const t = useCaseT();
  return (
    <Alert
      type="info"
      showIcon
      title={t('cases.staffApplyNotice')}
      action={
        <Link to={`/workbench/intake?tab=window&item=${encodeURIComponent(item.code)}`}>
          <Button type="primary" size="small">
            {t('cases.toWindowIntake')}
          </Button>
        </Link>
      }
    />
  );
}

/**
 * 延续 / 变更 / 申请注销: the license named in the address (`?renews=<id>`, `?changes=<id>` or `?cancels=<id>`), and
 * whether this application may renew, change or give it up: a license of this item that the holder may renew (change,
 * give up) now.
 */
function useForLicense(item: ApplyItem) {
  const [params, setParams] = useSearchParams();
  const action: LicenseAction = (['renew', 'change', 'cancel'] as const).find((a) => params.has(licenseActionField[a])) ?? 'renew';
  const id = Number(params.get(licenseActionField[action])) || undefined;
  // 代办: a license of someone the applicant acts for (`for`), applied for in their name
  const holderId = Number(params.get('for')) || undefined;
  const held = useHeldLicenses(holderId, id !== undefined);
  const license = id === undefined ? undefined : held.data?.items.find((l) => l.id === id);
  const may = { renew: license?.mayRenew, change: license?.mayChange, cancel: license?.mayCancel }[action];
  const allowed = license && license.itemCode === item.code && may ? license : null;
  const drop = () =>
    setParams(
      (p) => {
        for (const field of Object.values(licenseActionField)) p.delete(field);
        p.delete('for');
        return p;
      },
      { replace: true },
    );
  return { action, id, holderId, held, license, allowed, drop };
}
type ForLicense = ReturnType<typeof useForLicense>;

function ApplyForm({ item, me }: { item: ApplyItem; me: Me }) {
  const t = useCaseT();
  const [key, renewKey] = useIdempotencyKey();
  const [done, setDone] = useState<{ id: number; number: string } | null>(null);
  const apply = useApply();
  const forLicense = useForLicense(item);
  const lt = useLicT();
  // 申请注销: the application gives a license up, or is not made at all
  const giveUp = forLicense.id !== undefined && forLicense.action === 'cancel';
  // 暂存 (`?draft=<id>`): an application for a license held is short and made at once, so it offers no draft
  const continued = useDraftToContinue({ itemCode: item.code }, forLicense.id === undefined);

  if (done) return <SubmittedResult title={t('cases.submitted')} numberLabel={t('cases.numberIs')} id={done.id} number={done.number} />;

  const submit = async (application: Application) => {
    const r = await apply.mutateAsync({ body: { itemCode: item.code, channel: 'online', ...application }, key });
    renewKey();
    if (application.draftId) continued.filed();
    setDone(r);
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <Typography.Title level={2} className="case-apply-title">
        {t('cases.applyFor', { name: item.content.name })}
        {/* 延续 / 变更 / 注销 of a license held: the application says which, once the license allows it (one that does
            not is said below, and the application is not that) */}
        {forLicense.id !== undefined && forLicense.allowed && (
          <Tag
            color={forLicense.action === 'cancel' ? 'volcano' : 'geekblue'}
            variant="outlined"
            className="case-apply-action"
            data-testid="license-action-tag"
          >
            {lt(`lic.tag.${({ renew: 'renews', change: 'changes', cancel: 'cancels' } as const)[forLicense.action]}`)}
          </Tag>
        )}
      </Typography.Title>
      {forLicense.id !== undefined && <LicenseNotice forLicense={forLicense} itemCode={item.code} />}
      {continued.notice}
      {giveUp ? (
        // 申请注销 names a license the holder may give up, or there is nothing to apply for
        !forLicense.allowed && (
          <Link to="/my/licenses" data-testid="cancel-back">
            <Button>{lt('lic.title')}</Button>
          </Link>
        )
      ) : (
        <Card
          title={t('cases.guideSummary')}
          className="block-gap"
          extra={<Link to={`/services/${encodeURIComponent(item.code)}`}>{t('cases.fullGuide')}</Link>}
        >
          <ItemGuideSummary item={item} />
        </Card>
      )}
      {(!giveUp || forLicense.allowed) && !continued.holdForm && (
        <ApplicationForm
          key={continued.formKey}
          spec={item.content.form}
          materials={item.content.materials}
          deliveryMethods={item.content.deliveryMethods}
          commitment={commitmentTermsOf(item.content, item.organizationName)}
          me={me}
          submit={submit}
          // the license to renew or change is looked up before the application goes
          pending={apply.isPending || (forLicense.id !== undefined && forLicense.held.isPending)}
          forLicense={
            forLicense.allowed
              ? { action: forLicense.action, id: forLicense.allowed.id, number: forLicense.allowed.number, holderId: forLicense.holderId }
              : null
          }
          drafts={continued.drafts}
        />
      )}
    </>
  );
}

/** The notice's strings for a renewal (延续) and for a change (变更). */
const noticeText = {
  renew: { loading: 'lic.apply.loading', loadFailed: 'lic.apply.loadFailed', title: 'lic.apply.title', notTitle: 'lic.apply.notRenewedTitle' },
  change: { loading: 'lic.chg.loading', loadFailed: 'lic.chg.loadFailed', title: 'lic.chg.title', notTitle: 'lic.chg.notChangedTitle' },
  cancel: { loading: 'lic.cxl.loading', loadFailed: 'lic.cxl.loadFailed', title: 'lic.cxl.title', notTitle: 'lic.cxl.notTitle' },
} as const satisfies Record<LicenseAction, Record<string, LicKey>>;

/**
 * 延续申请 / 变更申请: the license this application renews or changes — its type, number, last day (and for a renewal
 * the day to apply by; for a change, that the new license keeps that end) — or, when it cannot be renewed or changed
 * here (not found, another item's, expired, something in hand for it), why the application goes as a new one.
 */
function LicenseNotice({ forLicense, itemCode }: { forLicense: ForLicense; itemCode: string }) {
  const t = useLicT();
  const { locale } = useLocale();
  const { action, held, license, allowed } = forLicense;
  const text = noticeText[action];
  // a renewal's notice and a change's are told apart by their test id; whether it holds, by data-renewable (data-changeable)
  const testId = { renew: 'renewal-notice', change: 'change-notice', cancel: 'cancel-notice' }[action];
  const holds = (yes: boolean) => ({ [{ renew: 'data-renewable', change: 'data-changeable', cancel: 'data-cancellable' }[action]]: String(yes) });
  if (held.isPending) return <Alert type="info" showIcon className="block-gap" title={t(text.loading)} data-testid={testId} />;
  if (held.isError)
    return (
      <Alert
        type="warning"
        showIcon
        className="block-gap"
        title={t(text.loadFailed)}
        data-testid={testId}
        {...holds(false)}
        action={
          <Button size="small" onClick={() => void held.refetch()}>
            {t('action.retry')}
          </Button>
        }
      />
    );
  if (allowed) {
    const late = action === 'renew' && !!allowed.renewBy && allowed.renewBy < todayYmd();
    const vars = { type: allowed.type, number: allowed.number, validUntil: validUntilText(allowed.validUntil, locale, t) };
    if (action === 'cancel')
      return (
        <Alert
          type="warning"
          showIcon
          className="block-gap"
          data-testid={testId}
          {...holds(true)}
          title={t(text.title)}
          description={<div data-testid="cancel-notice-text">{t('lic.cxl.text', vars)}</div>}
        />
      );
    return (
      <Alert
        type={action === 'renew' && allowed.state === 'expiring' ? 'warning' : 'info'}
        showIcon
        className="block-gap"
        data-testid={testId}
        {...holds(true)}
        title={t(text.title)}
        description={
          action === 'renew' ? (
            <>
              <div className="keep-words">{t('lic.apply.text', vars)}</div>
              {allowed.renewBy && (
                <div className={late ? 'case-needs-me' : undefined}>
                  {t(late ? 'lic.apply.renewByPast' : 'lic.apply.renewBy', { date: civilDay(allowed.renewBy, locale) })}
                </div>
              )}
            </>
          ) : (
            <div className="keep-words" data-testid="change-notice-text">
              {t(allowed.validUntil ? 'lic.chg.text' : 'lic.chg.textNoEnd', vars)}
            </div>
          )
        }
        action={
          <Button size="small" type="link" onClick={forLicense.drop} data-testid={action === 'renew' ? 'renewal-drop' : 'change-drop'}>
            {t('lic.apply.asNew')}
          </Button>
        }
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      className="block-gap"
      data-testid={testId}
      {...holds(false)}
      title={t(text.notTitle)}
      description={whyNot(action, license, itemCode, t, locale)}
      // a cancellation that cannot be made is not made as anything else
      closable={action === 'cancel' ? false : { onClose: forLicense.drop }}
    />
  );
}

/** Why the license named cannot be renewed (changed, given up) by this application. */
function whyNot(action: LicenseAction, license: HeldLicense | undefined, itemCode: string, t: LicT, locale: Locale): string {
  if (action === 'cancel') {
    if (!license) return t('lic.cxl.notFound');
    if (license.itemCode !== itemCode) return t('lic.cxl.otherItem', { number: license.number });
    if (!isLicensing(license.itemType)) return t('lic.notPermit', { type: license.type, number: license.number });
    const inHand = license.renewal ?? license.change ?? license.cancellation;
    if (inHand) return t('lic.err.inHand', { number: inHand.number });
    if (license.state === 'expired') return t('lic.cxl.expired', { number: license.number, validUntil: civilDay(license.validUntil, locale) });
    return t('lic.cxl.notFound');
  }
  const change = action === 'change';
  if (!license) return t(change ? 'lic.chg.notFound' : 'lic.apply.notFound');
  if (license.itemCode !== itemCode) return t(change ? 'lic.chg.otherItem' : 'lic.apply.otherItem', { number: license.number });
  // only a permit's holder applies for its renewal or change (an ID card is replaced through its own item)
  if (!isLicensing(license.itemType)) return t('lic.notPermit', { type: license.type, number: license.number });
  // one application for a license at a time: a renewal or a change in hand stops either
  if (license.renewal) return t('lic.apply.inHand', { number: license.number, case: license.renewal.number });
  if (license.change) return t('lic.apply.changeInHand', { number: license.number, case: license.change.number });
  if (license.cancellation) return t('lic.apply.cancelInHand', { number: license.number, case: license.cancellation.number });
  if (!change && license.validUntil === null) return t('lic.apply.noEnd', { number: license.number });
  // the item takes the renewal only near the end
  if (!change && license.renewFrom && license.state !== 'expired' && license.renewFrom > todayYmd())
    return t('lic.apply.notYet', { number: license.number, date: civilDay(license.renewFrom, locale) });
  if (license.state === 'expired')
    return t(change ? 'lic.chg.expired' : 'lic.apply.expired', { number: license.number, validUntil: civilDay(license.validUntil, locale) });
  return t(change ? 'lic.chg.notFound' : 'lic.apply.notFound');
}
