import { useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Form, Modal, Result, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { isStaff, useMe } from '../../../api/auth.ts';
import { useApply, usePublishedItem, type ApplyItem } from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { QueryState } from '../../../components/PageState.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { SchemaFields, maskedPrefills, prefillValues, toFormData } from '../../../components/schema-form/index.ts';
import { ItemGuideSummary } from '../shared/ItemGuideSummary.tsx';
import { MaterialsInput, missingRequired, toMaterialInputs, type MaterialChoices } from '../shared/MaterialsInput.tsx';
import { placeSubmitErrors } from '../shared/submit-errors.ts';
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
  const [form] = Form.useForm();
  const [choices, setChoices] = useState<MaterialChoices>({});
  const [key, renewKey] = useIdempotencyKey();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: number; number: string } | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const apply = useApply();
  const spec = item.content.form;
  const source = me.applicant;
  const initial = useMemo(() => prefillValues(spec, source), [spec, source]);
  const masked = useMemo(() => new Set(maskedPrefills(spec, source).map((f) => f.name)), [spec, source]);

  if (done)
    return (
      <Card>
        <Result
          status="success"
          title={t('cases.submitted')}
          subTitle={
            <span data-testid="case-number">
              {t('cases.numberIs')}{' '}
              <Typography.Text copyable className="mono">
                {done.number}
              </Typography.Text>
            </span>
          }
          extra={[
            <Link key="view" to={`/my/cases/${done.id}`} data-testid="view-case">
              <Button type="primary">{t('cases.viewProgress')}</Button>
            </Link>,
            <Link key="all" to="/my/cases">
              <Button>{t('cases.myCases')}</Button>
            </Link>,
          ]}
        >
          <Typography.Paragraph type="secondary" className="center-text">
            {t('cases.submittedHint')}
          </Typography.Paragraph>
        </Result>
      </Card>
    );

  const submit = async () => {
    setError(null);
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      setError(t('cases.fixForm'));
      return;
    }
    const missing = missingRequired(item.content.materials, choices);
    if (missing.length) {
      const go = await modal.confirm({
        title: t('cases.missingTitle'),
        content: (
          <div>
            <p>{t('cases.missingText')}</p>
            <ul>
              {missing.map((m) => (
                <li key={m.key}>{m.name}</li>
              ))}
            </ul>
          </div>
        ),
        okText: t('cases.submitAnyway'),
        cancelText: t('cases.backToMaterials'),
      });
      if (!go) return;
    }
    apply.mutate(
      { body: { itemCode: item.code, channel: 'online', formData: toFormData(spec, values), materials: toMaterialInputs(choices) }, key },
      {
        onSuccess: (r) => {
          renewKey();
          setDone(r);
          window.scrollTo({ top: 0 });
        },
        onError: (e) => setError(placeSubmitErrors(form, e)),
      },
    );
  };

  return (
    <>
      {modalHolder}
      <Typography.Title level={2} className="case-apply-title">
        {t('cases.applyFor', { name: item.content.name })}
      </Typography.Title>
      <Card title={t('cases.guideSummary')} className="block-gap" extra={<Link to={`/services/${encodeURIComponent(item.code)}`}>{t('cases.fullGuide')}</Link>}>
        <ItemGuideSummary item={item} />
      </Card>
      <Card title={t('cases.applicationForm')} className="block-gap">
        {masked.size > 0 && <Alert type="info" showIcon className="block-gap" title={t('cases.maskedPrefillNote')} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={initial}
          scrollToFirstError={{ block: 'center' }}
          data-testid="apply-form"
          onValuesChange={() => setError(null)}
        >
          <SchemaFields spec={spec} highlight={masked} />
        </Form>
      </Card>
      <Card title={t('cases.materials')} className="block-gap">
        <Typography.Paragraph type="secondary">{t('cases.materialsHint')}</Typography.Paragraph>
        <MaterialsInput materials={item.content.materials} value={choices} onChange={setChoices} mode="online" />
      </Card>
      {error && <Alert type="error" showIcon className="block-gap" title={error} data-testid="apply-error" />}
      <Space className="case-submit-bar">
        <Button type="primary" size="large" loading={apply.isPending} onClick={() => void submit()} data-testid="apply-submit">
          {t('cases.submitApplication')}
        </Button>
        <Typography.Text type="secondary">{t('cases.submitNote')}</Typography.Text>
      </Space>
    </>
  );
}
