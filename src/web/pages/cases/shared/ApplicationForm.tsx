import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Modal, Select, Space, Typography } from 'antd';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useHeldLicenses, type DeliveryChoice, type DeliveryMethod, type ItemContent, type MaterialInput } from '../../../api/cases.ts';
import { DeliveryChoiceInput, deliveryInput, deliveryProblems } from './DeliveryChoiceInput.tsx';
import { useAgents } from '../../../api/agents.ts';
import type { Me } from '../../../api/types.ts';
import { SchemaFields, maskedPrefills, prefillValues, recordBoundFields, toFormData, type FormSpec } from '../../../components/schema-form/index.ts';
import { MaterialsInput, missingRequired, toMaterialInputs, type MaterialChoices } from './MaterialsInput.tsx';
import { placeSubmitErrors } from './submit-errors.ts';
import { CommitmentChoice, commitmentProblem, noCommitment, type CommitmentTerms, type CommitmentValue } from './CommitmentChoice.tsx';
import { useCommitT } from '../../../i18n/commitment.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useLocale } from '../../../i18n/index.tsx';
import { useLicT } from '../../../i18n/licenses.ts';
import { useTolT } from '../../../i18n/tolerated.ts';
import type { LicenseAction } from '../../../../common/licenses.ts';
import { CancelReasonInput, licenseActionField, licenseApplicationError, licenseApplicationRefused } from './Licenses.tsx';
import { isApiError } from '../../../api/client.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { useCreateDraft, useSaveDraft } from '../../../api/drafts.ts';
import { DraftNoteAlert, isRecord, restoreDraft, type DraftContent, type DraftNote, type DraftsOfForm } from './application-draft.tsx';

type Material = ItemContent['materials'][number];

export interface Application {
  formData: Record<string, unknown>;
  materials: MaterialInput[];
  /** the applicant an agent applies for (代办); absent: the signed-in applicant */
  applicantId?: number;
  /** 结果领取方式 (an item's application; a bundle's results are delivered together) */
  delivery?: DeliveryChoice | null;
  /** 告知承诺制: applied by written commitment (sent only when chosen) */
  commitment?: boolean;
  /** 延续: the held license this application renews (sent only when renewing) */
  renews?: number;
  /** 变更: the held license this application changes (sent only when changing) */
  changes?: number;
  /** 申请注销: the held license this application gives up, and why (sent only when giving one up) */
  cancels?: number;
  cancelReason?: string;
  /** 暂存: the draft this application was continued from, removed as the application is filed */
  draftId?: number;
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
  deliveryMethods,
  commitment,
  forLicense,
  drafts,
}: {
  spec: FormSpec;
  materials: Material[];
  /** the item's delivery methods, to choose how to receive the result (none for a bundle) */
  deliveryMethods?: DeliveryMethod[];
  me: Me;
  submit: (application: Application) => Promise<unknown>;
  pending: boolean;
  /** a line under a material's name (a bundle says which items use it) */
  materialNote?: (m: Material) => ReactNode;
  /** 告知承诺制, where the item version allows it (never a bundle) */
  commitment?: CommitmentTerms | null;
  /**
   * 延续 / 变更 / 申请注销: the signed-in applicant's license this application renews, changes or gives up (not when applying
   * for a principal). Giving one up asks no materials and no commitment, but the reason.
   */
  forLicense?: { action: LicenseAction; id: number; number?: string; holderId?: number } | null;
  /** 暂存, where the page offers it (not for a license's renewal, change or cancellation) */
  drafts?: DraftsOfForm | null;
}) {
  const t = useCaseT();
  const ct = useCommitT();
  const lt = useLicT();
  const tt = useTolT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  // the draft continued, read once: what is typed from here on is the form's
  const [restored] = useState(() => restoreDraft(drafts?.draft?.content, materials, deliveryMethods));
  const [restoredValues, setRestoredValues] = useState(restored?.values ?? null);
  const [committed, setCommitted] = useState<CommitmentValue>(restored?.committed ?? noCommitment);
  const [commitmentChecked, setCommitmentChecked] = useState(false);
  const [form] = Form.useForm();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const giveUp = forLicense?.action === 'cancel';
  const [choices, setChoices] = useState<MaterialChoices>(restored?.choices ?? {});
  const [error, setError] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<DeliveryChoice | null>(restored?.delivery ?? (deliveryMethods?.length ? { method: deliveryMethods[0]! } : null));
  const [deliveryChecked, setDeliveryChecked] = useState(false);
  const [modal, modalHolder] = Modal.useModal();
  // 代办: the applicants who authorized me; applying for one of them, nothing of my account is prefilled
  const agents = useAgents(!!me.applicant);
  const principals = agents.data?.actingFor ?? [];
  // a license of someone the applicant acts for is applied for in their name from the start
  const [forId, setForId] = useState<number | undefined>(restored ? restored.forId : forLicense?.holderId);
  const principal = principals.find((a) => a.principal.applicantId === forId)?.principal;
  const source = forId === undefined ? me.applicant : null;
  const held = useHeldLicenses(forId, !!me.applicant && materials.some((m) => m.source === 'license'));
  // a draft's values as saved, until another applicant is chosen (whose prefill then applies)
  const initial = useMemo(() => restoredValues ?? prefillValues(spec, source), [restoredValues, spec, source]);
  // 实名: the applicant's own number is filled by the server from their record (for a principal, the agent types it, and
  // the server checks it against the principal's)
  const bound = useMemo(() => recordBoundFields(spec, source), [spec, source]);
  const masked = useMemo(
    () =>
      new Set(
        maskedPrefills(spec, source)
          .map((f) => f.name)
          .filter((name) => !bound.has(name)),
      ),
    [spec, source, bound],
  );
  // the form takes the chosen applicant's prefill (none for a principal)
  useEffect(() => form.resetFields(), [forId, form]);
  const chooseApplicant = (id: number | undefined) => {
    setForId(id);
    setRestoredValues(null);
    // a license picked for one applicant is not another's
    setChoices((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v?.kind !== 'held')));
    setError(null);
  };

  // what the application does for a license, as sent: for its holder only (the applicant, or the principal it is of)
  const sent = forLicense && forId === forLicense.holderId ? forLicense : null;

  // 暂存: the draft this form saves into — the one it continues, else none until the first save creates it
  const [draftAt, setDraftAt] = useState(drafts?.draft ? { id: drafts.draft.id, version: drafts.draft.version } : null);
  const [draftKey, renewDraftKey] = useIdempotencyKey();
  const [draftNote, setDraftNote] = useState<DraftNote | null>(null);
  const createDraft = useCreateDraft();
  const saveDraft = useSaveDraft();
  const offerDrafts = !!drafts && !forLicense;
  const draftSaving = createDraft.isPending || saveDraft.isPending;

  /** 暂存: the page as it is, unchecked — a half-filled form is what a draft is for. */
  const onSaveDraft = async () => {
    if (!drafts) return;
    setDraftNote(null);
    const content: DraftContent = { v: 1, values: form.getFieldsValue(true) as Record<string, unknown>, choices, delivery, committed, forId: forId ?? null };
    try {
      const saved = draftAt
        ? await saveDraft.mutateAsync({ id: draftAt.id, version: draftAt.version, content })
        : await createDraft.mutateAsync({ body: { ...drafts.of, content }, key: draftKey });
      if (!draftAt) renewDraftKey();
      setDraftAt({ id: saved.id, version: saved.version });
      setDraftNote({ kind: 'saved', at: saved.updatedAt });
      drafts.onSaved(saved);
    } catch (e) {
      if (draftAt && isApiError(e, 'CONFLICT')) setDraftNote({ kind: 'conflict' });
      else if (draftAt && isApiError(e, 'NOT_FOUND')) {
        // deleted, run out or filed meanwhile: the next save keeps the page as a new draft
        setDraftAt(null);
        setDraftNote({ kind: 'gone' });
      } else if (isApiError(e, 'CONFLICT')) setDraftNote({ kind: 'failed', text: t('cases.draft.limit'), toList: true });
      else if (isApiError(e, 'VALIDATION_FAILED')) setDraftNote({ kind: 'failed', text: t('cases.draft.tooLarge') });
      else setDraftNote({ kind: 'failed', text: t('cases.draft.saveFailed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const onSubmit = async () => {
    setError(null);
    // a license is given up by its holder only
    if (giveUp && forId !== undefined) {
      setError(lt('lic.cxl.forPrincipal'));
      return;
    }
    let values: Record<string, unknown>;
    let reason = '';
    try {
      values = await form.validateFields();
      if (giveUp) reason = (await reasonForm.validateFields()).reason.trim();
    } catch {
      setError(t('cases.fixForm'));
      return;
    }
    if (deliveryProblems(delivery).length) {
      setDeliveryChecked(true);
      setError(t('cases.deliveryIncomplete'));
      return;
    }
    if (commitment && !giveUp && commitmentProblem(committed)) {
      setCommitmentChecked(true);
      setError(ct('commit.agreeRequired'));
      return;
    }
    const missing = giveUp ? [] : missingRequired(materials, choices);
    if (giveUp) {
      const go = await modal.confirm({
        title: lt('lic.cxl.confirmTitle'),
        content: lt('lic.cxl.confirmText', { number: forLicense?.number ?? '' }),
        okText: lt('lic.cxl.confirmOk'),
        okButtonProps: { danger: true },
        cancelText: t('action.cancel'),
      });
      if (!go) return;
    }
    if (missing.length) {
      const go = await modal.confirm({
        title: t('cases.missingTitle'),
        content: (
          <div>
            <p>{t('cases.missingText')}</p>
            <ul>
              {missing.map((m) => (
                <li key={m.key}>
                  {m.name}
                  {m.tolerable && tt('tol.tolerableMark')}
                </li>
              ))}
            </ul>
            {missing.some((m) => m.tolerable) && <p data-testid="missing-tolerable-note">{tt('tol.applyMissingNote')}</p>}
          </div>
        ),
        okText: t('cases.submitAnyway'),
        cancelText: t('cases.backToMaterials'),
      });
      if (!go) return;
    }
    try {
      await submit({
        formData: toFormData(spec, values),
        materials: toMaterialInputs(choices),
        ...(forId === undefined ? {} : { applicantId: forId }),
        ...(delivery ? { delivery: deliveryInput(delivery) } : {}),
        ...(commitment && !giveUp && committed.byCommitment ? { commitment: true } : {}),
        // a renewal or a change is of the applicant's own license: applying for a principal, it goes as a new application
        ...(sent ? { [licenseActionField[sent.action]]: sent.id } : {}),
        ...(sent && giveUp ? { cancelReason: reason } : {}),
        ...(draftAt ? { draftId: draftAt.id } : {}),
      });
    } catch (e) {
      // the draft is gone (filed from another tab, deleted, run out), and so nothing was filed: said so, and a submit
      // pressed again files the application on its own
      if (draftAt && isApiError(e, 'NOT_FOUND') && (!isRecord(e.details) || 'draftId' in e.details)) {
        setDraftAt(null);
        setDraftNote(null);
        setError(t('cases.draft.goneOnSubmit'));
        return;
      }
      setError(licenseApplicationError(e, lt, locale, sent?.action ?? null) ?? placeSubmitErrors(form, e));
      // something is in hand for the license, or it ran out, meanwhile: what the page says of it is out of date
      if (sent && licenseApplicationRefused(e)) void queryClient.invalidateQueries({ queryKey: ['licenses'] });
    }
  };

  return (
    <>
      {modalHolder}
      {principals.length > 0 && (
        <Card title={t('cases.applyAs')} className="block-gap" data-testid="apply-as">
          <Select
            id="apply-as"
            value={forId ?? 0}
            onChange={(id: number) => chooseApplicant(id === 0 ? undefined : id)}
            style={{ width: '100%', maxWidth: 480 }}
            options={[
              { value: 0, label: t('cases.applyAsSelf', { name: me.applicant?.name ?? me.displayName }) },
              ...principals.map((a) => ({
                value: a.principal.applicantId,
                label: t('cases.applyAsPrincipal', { name: a.principal.name, id: a.principal.idNumber }),
              })),
            ]}
          />
          {principal && (
            <Alert type="warning" showIcon className="block-gap-top" title={t('cases.applyingFor', { name: principal.name })} data-testid="applying-for" />
          )}
          {forLicense && forId !== forLicense.holderId && (
            <Alert
              type="warning"
              showIcon
              className="block-gap-top"
              title={lt(({ renew: 'lic.apply.forPrincipal', change: 'lic.chg.forPrincipal', cancel: 'lic.cxl.forPrincipal' } as const)[forLicense.action])}
              data-testid="renewal-for-principal"
            />
          )}
        </Card>
      )}
      {commitment && !giveUp && (
        <Card title={ct('commit.mode')} className="block-gap" data-testid="commitment-card">
          <CommitmentChoice
            terms={commitment}
            value={committed}
            onChange={(v) => {
              setCommitted(v);
              setError(null);
            }}
            showProblem={commitmentChecked}
          />
        </Card>
      )}
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
          <SchemaFields spec={spec} highlight={masked} bound={bound} />
        </Form>
      </Card>
      {giveUp ? (
        <Card title={lt('lic.cxl.card')} className="block-gap" data-testid="cancel-reason-card">
          <CancelReasonInput form={reasonForm} onChange={() => setError(null)} />
        </Card>
      ) : (
        <Card title={t('cases.materials')} className="block-gap">
          <Typography.Paragraph type="secondary">{t('cases.materialsHint')}</Typography.Paragraph>
          <MaterialsInput
            materials={materials}
            value={choices}
            onChange={setChoices}
            mode="online"
            note={materialNote}
            licenses={held.data?.items}
            linkLicenses={forId === undefined}
          />
        </Card>
      )}
      {deliveryMethods && deliveryMethods.length > 0 && (
        <Card title={t('cases.deliveryChoice')} className="block-gap">
          <Typography.Paragraph type="secondary">{t('cases.deliveryChoiceHint')}</Typography.Paragraph>
          <DeliveryChoiceInput
            methods={deliveryMethods}
            value={delivery}
            onChange={(d) => {
              setDelivery(d);
              setError(null);
            }}
            showProblems={deliveryChecked}
            defaultRecipient={forId === undefined ? me.applicant?.name : principal?.name}
          />
        </Card>
      )}
      {error && <Alert type="error" showIcon className="block-gap" title={error} data-testid="apply-error" />}
      {drafts && offerDrafts && draftNote && <DraftNoteAlert note={draftNote} onReload={drafts.onReload} />}
      <Space className="case-submit-bar" wrap>
        {/* a draft being saved is not filed meanwhile: the application would go, and the draft stay behind */}
        <Button type="primary" size="large" loading={pending} disabled={draftSaving} onClick={() => void onSubmit()} data-testid="apply-submit">
          {giveUp ? lt('lic.cxl.submit') : t('cases.submitApplication')}
        </Button>
        {offerDrafts && (
          <Button size="large" loading={draftSaving} disabled={pending} onClick={() => void onSaveDraft()} data-testid="draft-save">
            {t('cases.draft.save')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('cases.submitNote')}</Typography.Text>
      </Space>
    </>
  );
}
