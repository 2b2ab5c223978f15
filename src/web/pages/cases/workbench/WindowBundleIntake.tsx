import { useMemo, useState } from 'react';
import { Alert, Divider, Form, Typography } from 'antd';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useWorkT } from '../../../i18n/case-work.ts';
import { useSitT } from '../../../i18n/window-sitting.ts';
import { useHeldLicenses, type Applicant, type BundleForApply } from '../../../api/cases.ts';
import { toFormData } from '../../../components/schema-form/index.ts';
import { MaterialsInput, missingRequired, toMaterialInputs, type MaterialChoices } from '../shared/MaterialsInput.tsx';
import { deliveryInput } from '../shared/DeliveryChoiceInput.tsx';
import { ReceiveFooter, checkApplication, confirmReceiveWithout, useWindowReceive, WindowFormSection } from './WindowIntakeParts.tsx';
import { placeSubmitErrors } from '../shared/submit-errors.ts';
import { formatLimit } from '../shared/labels.tsx';
import { BundleItemsTable } from '../shared/BundleParts.tsx';

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
  const receive = useWindowReceive(bundle.content.deliveryMethods);
  const { setError, key, renewKey, modal, holder, apply } = receive;
  const held = useHeldLicenses(applicant?.id, !!applicant && bundle.materials.some((m) => m.source === 'license'));
  const spec = bundle.form;
  const itemNames = useMemo(() => new Map(bundle.items.map((i) => [i.code, i.name])), [bundle.items]);
  const complete = missingRequired(bundle.materials, choices).length === 0;

  const submit = async (accept: boolean) => {
    const values = await checkApplication(receive, t, applicant, () => form.validateFields());
    if (!values || !applicant) return;
    const missing = missingRequired(bundle.materials, choices);
    if (accept && missing.length) {
      setError(s('sit.missingTitle'));
      return;
    }
    if (!(await confirmReceiveWithout(modal, t, missing))) return;
    apply.mutate(
      {
        body: {
          bundleCode: bundle.code,
          channel: 'window',
          applicantId: applicant.id,
          formData: toFormData(spec, values),
          materials: toMaterialInputs(choices),
          urgent: receive.urgent,
          delivery: deliveryInput(receive.delivery),
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
      <BundleItemsTable items={bundle.items} testId="window-bundle-items" />
      <Typography.Paragraph type="secondary" className="block-gap-top">
        {w('bundle.committedLimit')}
        {t('cases.colon')}
        {formatLimit(t, bundle.content.committedLimit.value, bundle.content.committedLimit.unit)}
      </Typography.Paragraph>
      <Divider />
      <WindowFormSection form={form} spec={spec} applicant={applicant} onChange={() => setError(null)} />
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
      <ReceiveFooter
        receive={receive}
        recipient={applicant?.name}
        complete={complete}
        onReceive={(accept) => void submit(accept)}
        hint={complete ? w('bundle.windowAcceptHint') : s('sit.receiveOnlyHint')}
      />
    </div>
  );
}
