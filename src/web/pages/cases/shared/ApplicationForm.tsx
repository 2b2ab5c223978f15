import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Modal, Space, Typography } from 'antd';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useHeldLicenses, type ItemContent, type MaterialInput } from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { SchemaFields, maskedPrefills, prefillValues, toFormData, type FormSpec } from '../../../components/schema-form/index.ts';
import { MaterialsInput, missingRequired, toMaterialInputs, type MaterialChoices } from './MaterialsInput.tsx';
import { placeSubmitErrors } from './submit-errors.ts';

type Material = ItemContent['materials'][number];

export interface Application {
  formData: Record<string, unknown>;
  materials: MaterialInput[];
}

/**
 * An online application: the form (prefilled from the applicant's account, masked values marked), the
 * materials with their uploads or licenses, a confirmation when required materials are missing, and the
 * server's verdict placed next to the fields it names. Items and bundles (一件事, with the merged form and
 * materials) use it alike; `submit` sends it and rejects with the API error.
 */
export function ApplicationForm({
  spec,
  materials,
  me,
  submit,
  pending,
  materialNote,
}: {
  spec: FormSpec;
  materials: Material[];
  me: Me;
  submit: (application: Application) => Promise<unknown>;
  pending: boolean;
  /** a line under a material's name (a bundle says which items use it) */
  materialNote?: (m: Material) => ReactNode;
}) {
  const t = useCaseT();
  const [form] = Form.useForm();
  const [choices, setChoices] = useState<MaterialChoices>({});
  const [error, setError] = useState<string | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const source = me.applicant;
  const held = useHeldLicenses(undefined, !!me.applicant && materials.some((m) => m.source === 'license'));
  const initial = useMemo(() => prefillValues(spec, source), [spec, source]);
  const masked = useMemo(() => new Set(maskedPrefills(spec, source).map((f) => f.name)), [spec, source]);

  const onSubmit = async () => {
    setError(null);
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      setError(t('cases.fixForm'));
      return;
    }
    const missing = missingRequired(materials, choices);
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
    try {
      await submit({ formData: toFormData(spec, values), materials: toMaterialInputs(choices) });
    } catch (e) {
      setError(placeSubmitErrors(form, e));
    }
  };

  return (
    <>
      {modalHolder}
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
        <MaterialsInput materials={materials} value={choices} onChange={setChoices} mode="online" note={materialNote} licenses={held.data?.items} />
      </Card>
      {error && <Alert type="error" showIcon className="block-gap" title={error} data-testid="apply-error" />}
      <Space className="case-submit-bar">
        <Button type="primary" size="large" loading={pending} onClick={() => void onSubmit()} data-testid="apply-submit">
          {t('cases.submitApplication')}
        </Button>
        <Typography.Text type="secondary">{t('cases.submitNote')}</Typography.Text>
      </Space>
    </>
  );
}
