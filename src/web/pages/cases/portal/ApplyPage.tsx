import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { isStaff, useMe } from '../../../api/auth.ts';
import { useApply, usePublishedItem, type ApplyItem } from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { QueryState } from '../../../components/PageState.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { ItemGuideSummary } from '../shared/ItemGuideSummary.tsx';
import { ApplicationForm, type Application } from '../shared/ApplicationForm.tsx';
import { SubmittedResult } from '../shared/SubmittedResult.tsx';
import { commitmentTermsOf } from '../shared/CommitmentChoice.tsx';
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

function ApplyForm({ item, me }: { item: ApplyItem; me: Me }) {
  const t = useCaseT();
  const [key, renewKey] = useIdempotencyKey();
  const [done, setDone] = useState<{ id: number; number: string } | null>(null);
  const apply = useApply();

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
        pending={apply.isPending}
      />
    </>
  );
}
