import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { isStaff, useMe } from '../../../api/auth.ts';
import { useApply, useHeldLicenses, usePublishedItem, type ApplyItem, type HeldLicense } from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { QueryState } from '../../../components/PageState.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { ItemGuideSummary } from '../shared/ItemGuideSummary.tsx';
import { ApplicationForm, type Application } from '../shared/ApplicationForm.tsx';
import { SubmittedResult } from '../shared/SubmittedResult.tsx';
import { commitmentTermsOf } from '../shared/CommitmentChoice.tsx';
import { useLocale } from '../../../i18n/index.tsx';
import { useLicT } from '../../../i18n/licenses.ts';
import { civilDay, todayYmd, validUntilText } from '../shared/Licenses.tsx';
import '../cases.css';

/** 在线申请: an applicant applies for a published item — the guide in brief, the form, the materials. */
export function ApplyPage() {
  const t = useCaseT();
  const { code } = useParams();
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
      <QueryState query={item} rows={12}>
        {(data) => (isStaff(me) ? <StaffNotice item={data} /> : <ApplyForm item={data} me={me} />)}
      </QueryState>
    </div>
  );
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

/** 延续: the license named in the address (`?renews=<id>`), and whether this application may renew it. */
function useRenewal(item: ApplyItem) {
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('renews')) || undefined;
  const held = useHeldLicenses(undefined, id !== undefined);
  const license = id === undefined ? undefined : held.data?.items.find((l) => l.id === id);
  const renewable = license && license.mayRenew && license.itemCode === item.code ? license : null;
  const drop = () =>
    setParams(
      (p) => {
        p.delete('renews');
        return p;
      },
      { replace: true },
    );
  return { id, held, license, renewable, drop };
}

function ApplyForm({ item, me }: { item: ApplyItem; me: Me }) {
  const t = useCaseT();
  const [key, renewKey] = useIdempotencyKey();
  const [done, setDone] = useState<{ id: number; number: string } | null>(null);
  const apply = useApply();
  const renewal = useRenewal(item);

  if (done) return <SubmittedResult title={t('cases.submitted')} numberLabel={t('cases.numberIs')} id={done.id} number={done.number} />;

  const submit = async (application: Application) => {
    const r = await apply.mutateAsync({ body: { itemCode: item.code, channel: 'online', ...application }, key });
    renewKey();
    setDone(r);
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <Typography.Title level={2} className="case-apply-title">
        {t('cases.applyFor', { name: item.content.name })}
      </Typography.Title>
      {renewal.id !== undefined && <RenewalNotice renewal={renewal} itemCode={item.code} />}
      <Card title={t('cases.guideSummary')} className="block-gap" extra={<Link to={`/services/${encodeURIComponent(item.code)}`}>{t('cases.fullGuide')}</Link>}>
        <ItemGuideSummary item={item} />
      </Card>
      <ApplicationForm
        spec={item.content.form}
        materials={item.content.materials}
        deliveryMethods={item.content.deliveryMethods}
        commitment={commitmentTermsOf(item.content, item.organizationName)}
        me={me}
        submit={submit}
        // the license to renew is looked up before the application goes
        pending={apply.isPending || (renewal.id !== undefined && renewal.held.isPending)}
        renews={renewal.renewable?.id ?? null}
      />
    </>
  );
}

/**
 * 延续申请: the license this application renews — its type, number, last day and the day to apply by — or, when it
 * cannot be renewed here (not found, another item's, expired, a renewal in hand), why the application goes as a new one.
 */
function RenewalNotice({ renewal, itemCode }: { renewal: ReturnType<typeof useRenewal>; itemCode: string }) {
  const t = useLicT();
  const { locale } = useLocale();
  const { held, license, renewable } = renewal;
  if (held.isPending) return <Alert type="info" showIcon className="block-gap" title={t('lic.apply.loading')} data-testid="renewal-notice" />;
  if (held.isError)
    return (
      <Alert
        type="warning"
        showIcon
        className="block-gap"
        title={t('lic.apply.loadFailed')}
        data-testid="renewal-notice"
        data-renewable="false"
        action={
          <Button size="small" onClick={() => void held.refetch()}>
            {t('action.retry')}
          </Button>
        }
      />
    );
  if (renewable) {
    const late = !!renewable.renewBy && renewable.renewBy < todayYmd();
    return (
      <Alert
        type={renewable.state === 'expiring' ? 'warning' : 'info'}
        showIcon
        className="block-gap"
        data-testid="renewal-notice"
        data-renewable="true"
        title={t('lic.apply.title')}
        description={
          <>
            <div>{t('lic.apply.text', { type: renewable.type, number: renewable.number, validUntil: validUntilText(renewable.validUntil, locale, t) })}</div>
            {renewable.renewBy && (
              <div className={late ? 'case-needs-me' : undefined}>
                {t(late ? 'lic.apply.renewByPast' : 'lic.apply.renewBy', { date: civilDay(renewable.renewBy, locale) })}
              </div>
            )}
          </>
        }
        action={
          <Button size="small" type="link" onClick={renewal.drop} data-testid="renewal-drop">
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
      data-testid="renewal-notice"
      data-renewable="false"
      title={t('lic.apply.notRenewedTitle')}
      description={whyNotRenewable(license, itemCode, t, locale)}
      closable={{ onClose: renewal.drop }}
    />
  );
}

function whyNotRenewable(license: HeldLicense | undefined, itemCode: string, t: ReturnType<typeof useLicT>, locale: 'zh-CN' | 'en'): string {
  if (!license) return t('lic.apply.notFound');
  if (license.itemCode !== itemCode) return t('lic.apply.otherItem', { number: license.number });
  if (license.renewal) return t('lic.apply.inHand', { number: license.number, case: license.renewal.number });
  if (license.validUntil === null) return t('lic.apply.noEnd', { number: license.number });
  if (license.state === 'expired') return t('lic.apply.expired', { number: license.number, validUntil: civilDay(license.validUntil, locale) });
  return t('lic.apply.notFound');
}
