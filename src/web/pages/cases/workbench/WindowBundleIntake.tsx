import { useMemo, useState } from 'react';
import { Alert, Button, Divider, Form, Modal, Space, Switch, Table, Typography } from 'antd';
import { CheckCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useWorkT } from '../../../i18n/case-work.ts';
import { useSitT } from '../../../i18n/window-sitting.ts';
import { useApply, useHeldLicenses, type Applicant, type BundleForApply, type DeliveryChoice } from '../../../api/cases.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { SchemaFields, prefillValues, recordBoundFields, toFormData } from '../../../components/schema-form/index.ts';
import { MaterialsInput, missingRequired, toMaterialInputs, type MaterialChoices } from '../shared/MaterialsInput.tsx';
import { DeliveryChoiceInput, deliveryInput, deliveryProblems } from '../shared/DeliveryChoiceInput.tsx';
import { placeSubmitErrors } from '../shared/submit-errors.ts';
import { formatLimit } from '../shared/labels.tsx';

/** An application the window took: received only (it waits for pre-review), or received and accepted at once. */
export type Received = { id: number; number: string; accepted: boolean; bundle?: boolean };

/**
 * 一件事 at the window: the bundle's items, its one merged form and material list, how the results go out, and the green
 * channel — received for pre-review, or received and accepted at once (收件并受理) when every required material is in
 * hand: its item cases are filed and accepted with it, each department's clock starting.
 */
export function WindowBundleIntake({ bundle, applicant, onDone }: { bundle: BundleForApply; applicant: Applicant | null; onDone: (r: Received) => void }) {
  const t = useCaseT();
  const w = useWorkT();
  const s = useSitT();
  const [form] = Form.useForm();
  const [choices, setChoices] = useState<MaterialChoices>({});
  const [urgent, setUrgent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const methods = bundle.content.deliveryMethods;
  const [delivery, setDelivery] = useState<DeliveryChoice | null>(methods.length ? { method: methods.includes('pickup') ? 'pickup' : methods[0]! } : null);
  const [deliveryChecked, setDeliveryChecked] = useState(false);
  const [key, renewKey] = useIdempotencyKey();
  const [modal, holder] = Modal.useModal();
  const apply = useApply();
  const [sent, setSent] = useState<'receive' | 'accept' | null>(null);
  const held = useHeldLicenses(applicant?.id, !!applicant && bundle.materials.some((m) => m.source === 'license'));
  const spec = bundle.form;
  const initial = useMemo(
    () =>
      prefillValues(
        spec,
        applicant && { name: applicant.name, idNumber: applicant.idNumber, phone: applicant.phone, legalRepresentative: applicant.legalRepresentative },
      ),
    [spec, applicant],
  );
  const bound = useMemo(() => recordBoundFields(spec, applicant && { idNumber: applicant.idNumber, kind: applicant.kind }), [spec, applicant]);
  const itemNames = useMemo(() => new Map(bundle.items.map((i) => [i.code, i.name])), [bundle.items]);
  const complete = missingRequired(bundle.materials, choices).length === 0;

  const submit = async (accept: boolean) => {
    setError(null);
    if (!applicant) {
      setError(t('cases.pickApplicantFirst'));
      return;
    }
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      setError(t('cases.fixForm'));
      return;
    }
    if (deliveryProblems(delivery).length) {
      setDeliveryChecked(true);
      setError(t('cases.deliveryIncomplete'));
      return;
    }
    const missing = missingRequired(bundle.materials, choices);
    if (accept && missing.length) {
      setError(s('sit.missingTitle'));
      return;
    }
    if (missing.length) {
      const go = await modal.confirm({
        title: t('cases.missingTitle'),
        content: t('cases.missingWindowText', { names: missing.map((m) => m.name).join(t('cases.listSep')) }),
        okText: t('cases.receiveAnyway'),
        cancelText: t('action.cancel'),
      });
      if (!go) return;
    }
    apply.mutate(
      {
        body: {
          bundleCode: bundle.code,
          channel: 'window',
          applicantId: applicant.id,
          formData: toFormData(spec, values),
          materials: toMaterialInputs(choices),
          urgent,
          delivery: deliveryInput(delivery),
          ...(accept ? { accept: true } : {}),
        },
        key,
      },
      {
        onSuccess: (r) => {
          renewKey();
          onDone({ id: r.id, number: r.number, accepted: accept, bundle: true });
        },
        onError: (e) => setError(placeSubmitErrors(form, e)),
      },
    );
  };

  return (
    <div data-testid="window-bundle-intake">
      {holder}
      <Alert type="info" showIcon className="block-gap" title={w('bundle.windowHint')} />
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={bundle.items}
        data-testid="window-bundle-items"
        columns={[
          { title: w('bundle.items'), dataIndex: 'name' },
          { title: t('cases.organization'), dataIndex: 'organizationName', width: 240 },
          {
            title: t('cases.limits'),
            key: 'legal',
            width: 180,
            render: (_v, i) => (i.legalLimit.value > 0 ? formatLimit(t, i.legalLimit.value, i.legalLimit.unit) : t('cases.immediateLimit')),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="block-gap-top">
        {w('bundle.committedLimit')}
        {t('cases.colon')}
        {formatLimit(t, bundle.content.committedLimit.value, bundle.content.committedLimit.unit)}
      </Typography.Paragraph>
      <Divider />
      <Typography.Title level={5}>{t('cases.step3Form')}</Typography.Title>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        scrollToFirstError={{ block: 'center' }}
        data-testid="intake-form"
        onValuesChange={() => setError(null)}
      >
        <SchemaFields spec={spec} bound={bound} />
      </Form>
      <Divider />
      <Typography.Title level={5}>{t('cases.step4Materials')}</Typography.Title>
      <MaterialsInput
        materials={bundle.materials}
        value={choices}
        onChange={setChoices}
        mode="window"
        licenses={held.data?.items}
        note={(m) => {
          // which of the items use it, as the portal's form says
          const items = (m as BundleForApply['materials'][number]).items ?? [];
          return items.length ? w('bundle.materialFor', { items: items.map((c) => itemNames.get(c) ?? c).join(t('cases.listSep')) }) : null;
        }}
      />
      <Divider />
      {methods.length > 0 && (
        <>
          <Typography.Title level={5}>{t('cases.step5Delivery')}</Typography.Title>
          <DeliveryChoiceInput
            methods={methods}
            value={delivery}
            onChange={(d) => {
              setDelivery(d);
              setError(null);
            }}
            showProblems={deliveryChecked}
            defaultRecipient={applicant?.name}
          />
          <Divider />
        </>
      )}
      <Space align="center" className="block-gap">
        <Switch checked={urgent} onChange={setUrgent} data-testid="urgent-switch" />
        <span>
          <ThunderboltOutlined className={urgent ? 'case-urgent-icon' : undefined} /> {t('cases.greenChannel')}
        </span>
        <Typography.Text type="secondary">{t('cases.greenChannelHint')}</Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon className="block-gap" title={error} data-testid="intake-error" />}
      <div>
        <Space wrap>
          {complete && (
            <Button
              type="primary"
              size="large"
              icon={<CheckCircleOutlined />}
              loading={apply.isPending && sent === 'accept'}
              disabled={apply.isPending && sent !== 'accept'}
              onClick={() => {
                setSent('accept');
                void submit(true);
              }}
              data-testid="intake-accept"
            >
              {s('sit.receiveAndAccept')}
            </Button>
          )}
          <Button
            type={complete ? 'default' : 'primary'}
            size="large"
            loading={apply.isPending && sent === 'receive'}
            disabled={apply.isPending && sent !== 'receive'}
            onClick={() => {
              setSent('receive');
              void submit(false);
            }}
            data-testid="intake-submit"
          >
            {t('cases.receive')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" className="block-gap-top" data-testid="intake-submit-hint">
          {complete ? w('bundle.windowAcceptHint') : s('sit.receiveOnlyHint')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
