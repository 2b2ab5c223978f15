import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Tag, Tooltip, Typography } from 'antd';
import type { Locale } from '../../../../common/errors.ts';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useTolT, type TolT } from '../../../i18n/tolerated.ts';
import { useCaseAction, type CaseDetail, type CaseMaterial } from '../../../api/cases.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { useFeedback } from '../../../components/feedback-context.tsx';
import { MaterialUploads, handedInList, type HandedIn } from './MaterialUploads.tsx';

/** 容缺受理 on a case, as the staff's and the applicant's pages show it alike. */

/** The materials the case was accepted without and that are not handed in yet. */
export const toleratedMaterials = (kase: Pick<CaseDetail, 'materials'>): CaseMaterial[] => kase.materials.filter((m) => m.status === 'tolerated');

export const isPast = (iso: string | null | undefined) => !!iso && Date.parse(iso) < Date.now();

/**
 * The promised day: the server keeps the end of that day (midnight after it), so the day shown is the one before —
 * as the acceptance notice and the applicant's message name it.
 */
export function toleratedDay(iso: string, _locale?: Locale): string {
  // year first in either language, as every day is written (i18n/format.ts)
  return new Date(Date.parse(iso) - 1).toLocaleDateString('zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'Asia/Shanghai',
  });
}

/** The day the materials to follow are due, in red with 已逾期 once it has passed. */
export function ToleratedDue({ dueAt, t, prefix = true }: { dueAt: string; t: TolT; prefix?: boolean }) {
  const { locale } = useLocale();
  const late = isPast(dueAt);
  const day = toleratedDay(dueAt, locale);
  return (
    <span className={late ? 'case-overdue' : undefined} data-testid="tolerated-due" data-overdue={late}>
      {prefix ? t('tol.dueBy', { due: day }) : <span className="mono">{day}</span>}
      {late && (
        <Tag color="red" className="case-overdue-tag">
          {t('tol.overdue')}
        </Tag>
      )}
    </span>
  );
}

/** The names of the materials a case was accepted without, from its `accepted` event (they stay there once handed in). */
export function acceptedTolerated(kase: Pick<CaseDetail, 'timeline'>): { key: string; name: string }[] {
  const accepted = kase.timeline.find((e) => e.type === 'accepted');
  const list = (accepted?.payload as { tolerated?: unknown } | undefined)?.tolerated;
  return Array.isArray(list) ? (list as { key: string; name: string }[]).filter((m) => m && typeof m.key === 'string') : [];
}

/**
 * 材料完整性 on a case accepted with materials to follow (容缺受理) that are not all in: the required materials are not
 * complete — so many still missing, accepted to follow by a day —, in red once that day has passed.
 */
export function ToleratedCompleteness({ names, dueAt }: { names: string[]; dueAt: string | null | undefined }) {
  const t = useTolT();
  const ct = useCaseT();
  const { locale } = useLocale();
  const late = isPast(dueAt);
  const n = names.length;
  return (
    <Alert
      type={late ? 'error' : 'warning'}
      showIcon
      className="block-gap"
      data-testid="completeness-tolerated"
      data-overdue={late}
      title={
        dueAt
          ? t(late ? 'tol.completeToleratedOverdue' : 'tol.completeToleratedDue', { n, due: toleratedDay(dueAt, locale) })
          : t('tol.completeTolerated', { n })
      }
      description={names.join(ct('cases.listSep'))}
    />
  );
}

/** The facts row of 容缺受理 for a case's Descriptions: what follows and by when, or that it is all in. */
export function toleratedFacts(kase: CaseDetail, t: TolT, sep: string) {
  const outstanding = toleratedMaterials(kase);
  const row = (children: ReactNode) => [
    { key: 'tolerated', label: t('tol.fact'), span: 'filled' as const, children: <span data-testid="tolerated-fact">{children}</span> },
  ];
  if (kase.toleratedDueAt && outstanding.length)
    return row(
      <>
        <Tooltip title={outstanding.map((m) => m.name).join(sep)}>
          <Tag color="orange">{t('tol.mstatus')}</Tag>
          {t('tol.factCount', { n: outstanding.length })}
        </Tooltip>
        {' · '}
        <ToleratedDue dueAt={kase.toleratedDueAt} t={t} />
      </>,
    );
  if (acceptedTolerated(kase).length) return row(<Tag color="green">{t('tol.allIn')}</Tag>);
  return [];
}

/**
 * 容缺待补 on a case page while materials accepted to follow are outstanding: what and by when (red once the day has
 * passed), that the result waits for them, and — for the applicant, or the window taking them for the applicant — the
 * form to hand them in. Without `mode` (an approver), the notice alone.
 */
export function ToleratedCard({ kase, mode }: { kase: CaseDetail; mode?: 'applicant' | 'window' }) {
  const t = useTolT();
  const ct = useCaseT();
  const { locale } = useLocale();
  const outstanding = toleratedMaterials(kase);
  if (!kase.toleratedDueAt || outstanding.length === 0 || kase.status === 'withdrawn' || kase.status === 'refused') return null;
  const late = isPast(kase.toleratedDueAt);
  const due = toleratedDay(kase.toleratedDueAt, locale);
  const alert = (
    <Alert
      type={late ? 'error' : 'warning'}
      showIcon
      className="block-gap"
      data-testid="tolerated-alert"
      data-overdue={late}
      title={t(late ? 'tol.alertOverdue' : 'tol.alertTitle', { n: outstanding.length, due })}
      description={
        <>
          <div>{outstanding.map((m) => m.name).join(ct('cases.listSep'))}</div>
          <div>
            {t(late ? 'tol.alertHeldOverdue' : 'tol.alertHeld')}
            {mode === 'window' ? ` ${t('tol.alertWindow')}` : ''}
          </div>
        </>
      }
    />
  );
  if (!mode) return alert;
  return (
    <Card title={t(mode === 'window' ? 'tol.handInWindowTitle' : 'tol.handInTitle')} className="block-gap case-attention-card" data-testid="tolerated-card">
      {alert}
      {mode === 'applicant' && <Typography.Paragraph>{t('tol.handInIntro')}</Typography.Paragraph>}
      <HandInForm kase={kase} materials={outstanding} mode={mode} />
    </Card>
  );
}

/** 补交材料: any of the materials accepted to follow, each uploaded (or at the window, its paper original checked). */
function HandInForm({ kase, materials, mode }: { kase: CaseDetail; materials: CaseMaterial[]; mode: 'applicant' | 'window' }) {
  const t = useTolT();
  const [refs, setRefs] = useState<HandedIn>({});
  const [error, setError] = useState<string | null>(null);
  const [key, renew] = useIdempotencyKey();
  const action = useCaseAction(kase.id);
  const { message } = useFeedback();
  const chosen = handedInList(materials, refs);
  const submit = () => {
    setError(null);
    action.mutate(
      { body: { action: 'hand_in', materials: chosen }, key },
      {
        onSuccess: (updated) => {
          renew();
          setRefs({});
          message.success(updated.toleratedDueAt ? t('tol.handedIn', { n: chosen.length }) : t('tol.handedInAll'));
        },
        onError: (e) => setError(e.message),
      },
    );
  };
  return (
    <div data-testid="hand-in-form">
      <MaterialUploads materials={materials} value={refs} onChange={setRefs} mode={mode} testIdPrefix="hand-in" />
      {error && <Alert type="error" showIcon className="block-gap" title={error} />}
      <Button type="primary" disabled={chosen.length === 0} loading={action.isPending} onClick={submit} data-testid="hand-in-submit">
        {t('tol.handInSubmit')}
      </Button>
      {materials.length > 1 && <span className="case-inline-hint">{t('tol.handInSome')}</span>}
    </div>
  );
}
