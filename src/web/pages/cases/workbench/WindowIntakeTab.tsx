import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Divider, Form, Modal, Result, Select, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { useCaseDocuments } from '../../../api/case-fees.ts';
import { Link } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useBundleForApply, useHeldLicenses, useItemSearch, usePublishedItem, type Applicant, type ApplyItem } from '../../../api/cases.ts';
import { toFormData } from '../../../components/schema-form/index.ts';
import { InlineError } from '../../../components/Feedback.tsx';
import { ItemGuideSummary } from '../shared/ItemGuideSummary.tsx';
import { MaterialsInput, missingRequired, toMaterialInputs, type MaterialChoices } from '../shared/MaterialsInput.tsx';
import { placeSubmitErrors } from '../shared/submit-errors.ts';
import { formatLimit } from '../shared/labels.tsx';
import { ApplicantPicker } from './ApplicantPicker.tsx';
import { deliveryInput } from '../shared/DeliveryChoiceInput.tsx';
import { ReceiveFooter, checkApplication, confirmReceiveWithout, useWindowReceive, WindowFormSection } from './WindowIntakeParts.tsx';
import { CommitmentChoice, commitmentProblem, commitmentTermsOf, noCommitment, type CommitmentValue } from '../shared/CommitmentChoice.tsx';
import { useCommitT } from '../../../i18n/commitment.ts';
import { useLocale } from '../../../i18n/index.tsx';
import { useLicT } from '../../../i18n/licenses.ts';
import {
  CancelReasonInput,
  LicenseStateTag,
  licenseActionField,
  licenseApplicationError,
  licenseApplicationRefused,
  validUntilText,
} from '../shared/Licenses.tsx';
import { issuesLicense, type LicenseAction } from '../../../../common/licenses.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useSitT } from '../../../i18n/window-sitting.ts';
import { WindowSitting } from './WindowSitting.tsx';
import { TolerateTerms, initialTolerate, tolerateReady, type TolerateValue } from './TolerateTerms.tsx';
import { WindowBundleIntake, type Received } from './WindowBundleIntake.tsx';
import { useWorkT } from '../../../i18n/case-work.ts';
import { useBundles } from '../../../api/catalog.ts';
import { useTicketApplicant, useWindowCommands, type TicketApplicant } from '../../queue/queue-api.ts';
import { useFeedback } from '../../../components/feedback-context.tsx';

/**
 * 窗口收件: receive an application at the window — who applies, for which item, the form, the
 * materials checked on paper or scanned, and the green channel (急办件) for key projects.
 */
export function WindowIntakeTab({ initialItem, ticketId }: { initialItem?: string; ticketId?: number }) {
  const t = useCaseT();
  const s = useSitT();
  const [applicant, setApplicant] = useState<Applicant | null>(null);
  // 叫号到收件: the ticket the window called, whose holder is taken as the applicant when the register knows them
  const [ticketDone, setTicketDone] = useState(false);
  const ticket = useTicketApplicant(ticketDone ? undefined : ticketId);
  const [fromTicket, setFromTicket] = useState<number | null>(null);
  useEffect(() => {
    if (ticket.data?.applicant && fromTicket !== ticket.data.ticketId) {
      setApplicant(ticket.data.applicant);
      setFromTicket(ticket.data.ticketId);
    }
  }, [ticket.data, fromTicket]);
  const [code, setCode] = useState<string | undefined>(initialItem);
  const [done, setDone] = useState<Received | null>(null);
  // an item by its code, or a bundle (一件事) as `bundle:<code>`
  const bundleCode = code?.startsWith('bundle:') ? code.slice('bundle:'.length) : undefined;
  const item = usePublishedItem(bundleCode ? undefined : code);
  const bundle = useBundleForApply(bundleCode);
  const next = () => {
    // the next applicant is not the ticket's holder
    if (ticketId !== undefined) setTicketDone(true);
    setDone(null);
    setApplicant(null);
    setCode(undefined);
  };
  // 收件并受理: the sitting goes on here — the decision the window makes on the spot, then the delivery
  const finishTicket = done && !ticketDone && ticket.data ? <FinishTicketButton ticket={ticket.data} caseId={done.id} /> : null;
  if (done?.accepted && !done.bundle) return <WindowSitting caseId={done.id} onNext={next} extra={finishTicket} />;
  if (done)
    return (
      <Result
        status="success"
        title={done.accepted ? s('sit.accepted') : t('cases.received')}
        subTitle={
          <span data-testid="case-number">
            {t('cases.numberIs')}{' '}
            <Typography.Text copyable className="mono">
              {done.number}
            </Typography.Text>
          </span>
        }
        extra={[
          ...(finishTicket ? [<span key="ticket">{finishTicket}</span>] : []),
          <Link key="open" to={`/workbench/cases/${done.id}`} data-testid="open-received">
            <Button type="primary">{done.accepted ? s('sit.openCase') : t('cases.toPreReview')}</Button>
          </Link>,
          <PrintButton key="receipt" caseId={done.id} kind="material_receipt" label={t('cases.printReceipt')} testId="print-receipt" />,
          ...(done.accepted
            ? [<PrintButton key="notice" caseId={done.id} kind="acceptance_notice" label={s('sit.printNotice')} testId="print-acceptance" />]
            : []),
          <Button key="next" onClick={next}>
            {t('cases.nextApplicant')}
          </Button>,
        ]}
      />
    );
  return (
    <div className="case-window-intake" data-testid="window-intake">
      {ticketId !== undefined && !ticketDone && <TicketNote query={ticket} />}
      <Typography.Title level={5}>{t('cases.step1Applicant')}</Typography.Title>
      <ApplicantPicker value={applicant} onChange={setApplicant} />
      <Divider />
      <Typography.Title level={5}>{t('cases.step2Item')}</Typography.Title>
      <ItemPicker value={code} onChange={setCode} />
      {item.isError && <InlineError error={item.error} onRetry={() => void item.refetch()} />}
      {bundle.isError && <InlineError error={bundle.error} onRetry={() => void bundle.refetch()} />}
      {bundleCode && bundle.data && (
        <WindowBundleIntake key={`${bundle.data.code}-${applicant?.id ?? 0}`} bundle={bundle.data} applicant={applicant} onDone={setDone} />
      )}
      {!bundleCode && item.data && (
        <>
          <div className="block-gap-top">
            <ItemGuideSummary item={item.data} column={3} />
          </div>
          <Divider />
          <IntakeForm key={`${item.data.code}-${applicant?.id ?? 0}`} item={item.data} applicant={applicant} onDone={setDone} />
        </>
      )}
    </div>
  );
}

/** 叫号到收件: which ticket the window is receiving for, and whether its holder was found in the register. */
function TicketNote({ query }: { query: ReturnType<typeof useTicketApplicant> }) {
  const s = useSitT();
  if (query.isPending) return <Alert type="info" showIcon className="block-gap" title={s('sit.ticketLoading')} />;
  if (query.isError) return <Alert type="warning" showIcon className="block-gap" title={s('sit.ticketGone')} data-testid="intake-ticket" />;
  const { code, applicant, hasIdNumber } = query.data;
  return (
    <Alert
      type={applicant ? 'success' : 'info'}
      showIcon
      className="block-gap"
      data-testid="intake-ticket"
      title={applicant ? s('sit.ticketFound', { code, name: applicant.name }) : hasIdNumber ? s('sit.ticketUnknown', { code }) : s('sit.ticketNoId', { code })}
    />
  );
}

/** 办结叫号: the ticket the window received for is finished, the case filed linked to it, without going back to the panel. */
function FinishTicketButton({ ticket, caseId }: { ticket: TicketApplicant; caseId: number }) {
  const s = useSitT();
  const { act } = useWindowCommands(ticket.windowId);
  const { message } = useFeedback();
  if (act.isSuccess)
    return (
      <Button key="done" disabled data-testid="intake-ticket-finished">
        {s('sit.ticketFinished', { code: ticket.code })}
      </Button>
    );
  return (
    <Button
      loading={act.isPending}
      onClick={() =>
        act.mutate({ ticketId: ticket.ticketId, action: 'finish', caseId }, { onError: (e) => message.error(e instanceof Error ? e.message : String(e)) })
      }
      data-testid="intake-ticket-finish"
    >
      {s('sit.ticketFinish', { code: ticket.code })}
    </Button>
  );
}

/** 打印收件凭证 (or, accepted, 打印受理通知书): a document of the case for the applicant to keep. */
function PrintButton({ caseId, kind, label, testId }: { caseId: number; kind: 'material_receipt' | 'acceptance_notice'; label: string; testId: string }) {
  const documents = useCaseDocuments(caseId);
  const doc = documents.data?.items.find((d) => d.kind === kind);
  return (
    <Button icon={<PrinterOutlined />} href={doc?.url ?? undefined} target="_blank" disabled={!doc} loading={documents.isPending} data-testid={testId}>
      {label}
    </Button>
  );
}

/** The item received for, or a bundle (一件事, its value `bundle:<code>`), found by what is typed. */
function ItemPicker({ value, onChange }: { value?: string; onChange: (code: string | undefined) => void }) {
  const t = useCaseT();
  const w = useWorkT();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);
  const hits = useItemSearch(debounced);
  const chosen = usePublishedItem(value?.startsWith('bundle:') ? undefined : value);
  // 一件事: the bundles whose name, description or themes hold what is typed, before the items
  const bundles = useBundles();
  const options = useMemo(() => {
    const typed = debounced.toLowerCase();
    const bundleOptions = (bundles.data ?? [])
      .filter((b) => typed && [b.name, b.description, ...b.themes].some((text) => text.toLowerCase().includes(typed)))
      .map((b) => ({ value: `bundle:${b.code}`, label: b.name, hint: w('bundle.pickerTag'), bundle: true }));
    const list = (hits.data?.items ?? []).map((i) => ({
      value: i.code,
      label: `${i.name} · ${i.organizationName}`,
      hint: i.caseKind === 'immediate' ? t('cases.kind.immediate') : formatLimit(t, i.committedLimit.value, i.committedLimit.unit),
      bundle: false,
    }));
    if (value && chosen.data && !list.some((o) => o.value === value))
      list.unshift({ value, label: `${chosen.data.content.name} · ${chosen.data.organizationName}`, hint: '', bundle: false });
    const chosenBundle = value?.startsWith('bundle:') ? (bundles.data ?? []).find((b) => `bundle:${b.code}` === value) : undefined;
    if (chosenBundle && !bundleOptions.some((o) => o.value === value))
      bundleOptions.unshift({ value: value!, label: chosenBundle.name, hint: w('bundle.pickerTag'), bundle: true });
    return [...bundleOptions, ...list];
  }, [hits.data, bundles.data, debounced, value, chosen.data, t, w]);
  return (
    <Select
      id="item-picker"
      showSearch={{ filterOption: false, onSearch: setQ }}
      // twenty hits at most: rendered whole, so a hit keeps its place in the page while the list scrolls
      virtual={false}
      value={value}
      onChange={onChange}
      allowClear
      placeholder={t('cases.itemSearch')}
      loading={hits.isFetching}
      style={{ width: '100%', maxWidth: 640 }}
      options={options}
      optionRender={(o) => (
        <div className="case-item-option" data-bundle={o.data.bundle ? 'true' : undefined}>
          <span>
            {o.data.bundle && <Tag color="purple">{o.data.hint}</Tag>}
            {o.data.label}
          </span>
          {!o.data.bundle && <span className="cell-sub">{o.data.hint}</span>}
        </div>
      )}
      notFoundContent={t('cases.noItem')}
      data-testid="item-picker"
    />
  );
}

function IntakeForm({ item, applicant, onDone }: { item: ApplyItem; applicant: Applicant | null; onDone: (r: Received) => void }) {
  const t = useCaseT();
  const s = useSitT();
  const [form] = Form.useForm();
  const [choices, setChoices] = useState<MaterialChoices>({});
  const receive = useWindowReceive(item.content.deliveryMethods);
  const { setError, key, renewKey, modal, holder, apply } = receive;
  // 告知承诺制: the applicant at the window signs the commitment on paper, the clerk confirms it
  const ct = useCommitT();
  const terms = commitmentTermsOf(item.content, item.organizationName);
  const [committed, setCommitted] = useState<CommitmentValue>(noCommitment);
  const [commitmentChecked, setCommitmentChecked] = useState(false);
  const held = useHeldLicenses(applicant?.id, !!applicant && (item.content.materials.some((m) => m.source === 'license') || issuesLicense(item.content)));
  // 办理类型: 新办, or for the applicant's licenses of this item 延续 (those that may be renewed now, where the item's
  // license runs out), 变更 (those that may be changed now) or 注销 (those the holder may give up now)
  const lt = useLicT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const ofItem = (held.data?.items ?? []).filter((l) => l.itemCode === item.code);
  const eligible: Record<LicenseAction, typeof ofItem> = {
    renew: item.content.resultValidity ? ofItem.filter((l) => l.mayRenew) : [],
    change: ofItem.filter((l) => l.mayChange),
    cancel: ofItem.filter((l) => l.mayCancel),
  };
  const pickText = { renew: 'lic.win.pickLicense', change: 'lic.win.pickChange', cancel: 'lic.win.pickCancel' } as const;
  // 注销: the holder says why; no materials, no commitment
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [mode, setMode] = useState<'new' | LicenseAction>('new');
  const [licenseId, setLicenseId] = useState<number | undefined>(undefined);
  const forLicense = mode === 'new' ? undefined : eligible[mode].find((l) => l.id === licenseId);
  const giveUp = mode === 'cancel';
  // a license picked for one applicant is not another's
  useEffect(() => setChoices((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v?.kind !== 'held'))), [applicant?.id]);
  const spec = item.content.form;
  // 收件并受理 is offered while every required material is checked (申请注销 asks none); 收件并容缺受理 while only what
  // the item lets follow is missing
  const missingNow = giveUp ? [] : missingRequired(item.content.materials, choices);
  const complete = missingNow.length === 0;
  const tolerableOnly = missingNow.length > 0 && missingNow.every((m) => m.tolerable);
  const [tolerating, setTolerating] = useState(false);
  const [tolerance, setTolerance] = useState(initialTolerate);
  const submit = async (accept: boolean, tolerate?: TolerateValue) => {
    const checked = await checkApplication(receive, t, applicant, async () => ({
      values: (await form.validateFields()) as Record<string, unknown>,
      reason: giveUp ? (await reasonForm.validateFields()).reason.trim() : '',
    }));
    if (!checked || !applicant) return;
    const { values, reason } = checked;
    if (terms && !giveUp && commitmentProblem(committed)) {
      setCommitmentChecked(true);
      setError(ct('commit.agreeRequiredWindow'));
      return;
    }
    if (mode !== 'new' && !forLicense) {
      setError(lt(pickText[mode]));
      return;
    }
    const missing = giveUp ? [] : missingRequired(item.content.materials, choices);
    if (accept && missing.length && !(tolerate && missing.every((m) => m.tolerable))) {
      setError(s('sit.missingTitle'));
      return;
    }
    if (!accept && !(await confirmReceiveWithout(modal, t, missing))) return;
    apply.mutate(
      {
        body: {
          itemCode: item.code,
          channel: 'window',
          applicantId: applicant.id,
          formData: toFormData(spec, values),
          materials: toMaterialInputs(choices),
          urgent: receive.urgent,
          delivery: deliveryInput(receive.delivery),
          ...(terms && !giveUp && committed.byCommitment ? { commitment: true } : {}),
          ...(mode !== 'new' && forLicense ? { [licenseActionField[mode]]: forLicense.id } : {}),
          ...(giveUp && forLicense ? { cancelReason: reason } : {}),
          ...(accept ? { accept: true } : {}),
          ...(accept && tolerate ? { tolerate: { workdays: tolerate.workdays! }, acceptNote: tolerate.note.trim() || null } : {}),
        },
        key,
      },
      {
        onSuccess: (r) => {
          renewKey();
          setTolerating(false);
          onDone({ id: r.id, number: r.number, accepted: accept });
        },
        onError: (e) => {
          const sent = mode !== 'new' && forLicense ? mode : null;
          setError(licenseApplicationError(e, lt, locale, sent) ?? placeSubmitErrors(form, e));
          if (sent && licenseApplicationRefused(e)) void queryClient.invalidateQueries({ queryKey: ['licenses'] });
        },
      },
    );
  };
  return (
    <>
      {holder}
      {terms && !giveUp && (
        <>
          <Typography.Title level={5}>{ct('commit.mode')}</Typography.Title>
          <CommitmentChoice
            terms={terms}
            value={committed}
            onChange={(v) => {
              setCommitted(v);
              setError(null);
            }}
            showProblem={commitmentChecked}
            mode="window"
          />
          <Divider />
        </>
      )}
      {(eligible.renew.length > 0 || eligible.change.length > 0 || eligible.cancel.length > 0) && (
        <div data-testid="renewal-choice">
          <Typography.Title level={5}>{lt('lic.win.mode')}</Typography.Title>
          <Typography.Paragraph type="secondary" data-testid="renewal-hint">
            {lt(({ new: 'lic.win.hint', renew: 'lic.win.renewHint', change: 'lic.win.changeHint', cancel: 'lic.win.cancelHint' } as const)[mode])}
          </Typography.Paragraph>
          <Space wrap align="start">
            <Select
              id="renewal-mode"
              value={mode}
              onChange={(v: 'new' | LicenseAction) => {
                setMode(v);
                // the license soonest to run out first; one chosen for the other action is kept when it may be
                if (v !== 'new' && !eligible[v].some((l) => l.id === licenseId))
                  setLicenseId(eligible[v].find((l) => l.state === 'expiring')?.id ?? eligible[v][0]?.id);
                setError(null);
              }}
              style={{ width: 160 }}
              options={[
                { value: 'new', label: lt('lic.win.new') },
                ...(eligible.renew.length > 0 ? [{ value: 'renew', label: lt('lic.win.renew') }] : []),
                ...(eligible.change.length > 0 ? [{ value: 'change', label: lt('lic.win.change') }] : []),
                ...(eligible.cancel.length > 0 ? [{ value: 'cancel', label: lt('lic.win.cancel') }] : []),
              ]}
              data-testid="renewal-mode"
            />
            {mode !== 'new' && (
              <Select
                id="renewal-license"
                value={forLicense?.id}
                onChange={(id: number) => {
                  setLicenseId(id);
                  setError(null);
                }}
                placeholder={lt(pickText[mode])}
                style={{ minWidth: 360 }}
                popupMatchSelectWidth={false}
                options={eligible[mode].map((l) => ({
                  value: l.id,
                  label: (
                    <span>
                      {lt('lic.win.option', { number: l.number, validUntil: validUntilText(l.validUntil, locale, lt) })} <LicenseStateTag license={l} t={lt} />
                    </span>
                  ),
                }))}
                data-testid="renewal-license"
              />
            )}
          </Space>
          <Divider />
        </div>
      )}
      <WindowFormSection form={form} spec={spec} applicant={applicant} onChange={() => setError(null)} />
      <Divider />
      {giveUp ? (
        <>
          {/* in the place of the materials a cancellation does not take: step 4 */}
          <Typography.Title level={5}>{t('cases.step4CancelReason')}</Typography.Title>
          <CancelReasonInput form={reasonForm} onChange={() => setError(null)} />
        </>
      ) : (
        <>
          <Typography.Title level={5}>{t('cases.step4Materials')}</Typography.Title>
          <MaterialsInput materials={item.content.materials} value={choices} onChange={setChoices} mode="window" licenses={held.data?.items} />
        </>
      )}
      <Divider />
      <ReceiveFooter
        receive={receive}
        recipient={applicant?.name}
        complete={complete}
        onReceive={(accept) => void submit(accept)}
        hint={complete ? s('sit.receiveAndAcceptHint') : tolerableOnly ? s('sit.receiveOrTolerateHint') : s('sit.receiveOnlyHint')}
        more={
          tolerableOnly && (
            <Button
              type="primary"
              size="large"
              icon={<ClockCircleOutlined />}
              disabled={apply.isPending}
              onClick={() => {
                setTolerance(initialTolerate());
                setTolerating(true);
              }}
              data-testid="intake-accept-tolerate"
            >
              {s('sit.receiveAndTolerate')}
            </Button>
          )
        }
      />
      {tolerating && (
        <Modal
          open
          width={600}
          title={s('sit.tolerateTitle')}
          okText={s('sit.receiveAndTolerate')}
          okButtonProps={{ disabled: !tolerateReady(tolerance), loading: apply.isPending, 'data-testid': 'intake-tolerate-ok' }}
          onOk={() => {
            receive.setSent('accept');
            void submit(true, tolerance);
          }}
          onCancel={() => setTolerating(false)}
          data-testid="intake-tolerate-dialog"
        >
          <TolerateTerms materials={missingNow} value={tolerance} onChange={setTolerance} />
          {receive.error && <Alert type="error" showIcon className="block-gap-top" title={receive.error} />}
        </Modal>
      )}
    </>
  );
}
