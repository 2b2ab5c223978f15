import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useCaseAction, type CaseDetail, type CaseMaterial } from '../../../api/cases.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { MaterialUploads, handedInList, type HandedIn } from './MaterialUploads.tsx';
import { useLocale } from '../../../i18n/index.tsx';
import { toleratedDay } from './Tolerated.tsx';

/** What is asked for now: the missing materials of the latest round (one-time notice or a supplement request). */
export function askedMaterials(kase: CaseDetail): CaseMaterial[] {
  if (kase.status !== 'notified' && kase.status !== 'awaiting_supplement') return [];
  // a bundle application: its one-time notice names what to hand in (review-time supplements are on the item cases)
  if (kase.bundle) {
    if (kase.status !== 'notified') return [];
    const notice = [...kase.timeline].reverse().find((e) => e.type === 'notified');
    const items = ((notice?.payload as { items?: { key: string; note: string }[] } | undefined)?.items ?? []).filter((i) => i && i.key);
    return items.map((i) => {
      const m = kase.materials.find((x) => x.key === i.key);
      return { key: i.key, name: m?.name ?? i.key, status: 'missing', reference: null, round: 2, note: i.note };
    });
  }
  // an item case of a bundle under the bundle's notice: the materials go in on the bundle application
  if (kase.parent && kase.status === 'notified') return [];
  const round = Math.max(...kase.materials.map((m) => m.round));
  return kase.materials.filter((m) => m.round === round && m.status === 'missing');
}

/** The note that came with the one-time notice or the supplement request, if any. */
export function askedNote(kase: CaseDetail): string | null {
  const e = [...kase.timeline].reverse().find((x) => x.type === 'notified' || x.type === 'supplement_requested');
  return (e?.payload as { note?: string | null } | undefined)?.note ?? null;
}

/**
 * 补正: hand in exactly what was asked, each item with its own upload (or, at the window, the paper
 * original checked). Everything asked must come at once; the server refuses a partial supplement.
 */
export function SupplementForm({ kase, mode }: { kase: CaseDetail; mode: 'applicant' | 'window' }) {
  const t = useCaseT();
  const { locale } = useLocale();
  const asked = askedMaterials(kase);
  const [refs, setRefs] = useState<HandedIn>({});
  const [error, setError] = useState<string | null>(null);
  const [key, renew] = useIdempotencyKey();
  const action = useCaseAction(kase.id);
  if (asked.length === 0) return null;
  const complete = asked.every((m) => refs[m.key]);
  const submit = () => {
    setError(null);
    action.mutate(
      { body: { action: 'supplement', materials: handedInList(asked, refs) }, key },
      { onSuccess: () => renew(), onError: (e) => setError(e.message) },
    );
  };
  const note = askedNote(kase);
  const notes = new Map(asked.map((m) => [m.key, m.note]));
  // 补正期限: by when, and what follows; once it has passed the materials come too late
  const late = kase.supplementDueAt !== null && Date.parse(kase.supplementDueAt) <= Date.now();
  const due = kase.supplementDueAt ? toleratedDay(kase.supplementDueAt, locale) : null;
  return (
    <div data-testid="supplement-form">
      {due && (
        <Alert
          type={late ? 'error' : 'warning'}
          showIcon
          className="block-gap"
          data-testid="supplement-due-alert"
          title={t(late ? 'cases.supplementDueLate' : 'cases.supplementDue', { due })}
        />
      )}
      {note && <Alert type="info" showIcon className="block-gap" title={t('cases.askedGeneralNote', { text: note })} />}
      <MaterialUploads
        materials={asked}
        value={refs}
        onChange={setRefs}
        mode={mode}
        testIdPrefix="supplement"
        note={(k) => (notes.get(k) ? <div className="case-asked-note">{t('cases.askedItemNote', { text: notes.get(k)! })}</div> : null)}
      />
      {error && <Alert type="error" showIcon className="block-gap" title={error} />}
      <Button type="primary" disabled={!complete || late} loading={action.isPending} onClick={submit} data-testid="supplement-submit">
        {t('cases.submitSupplement')}
      </Button>
      {!complete && <span className="case-inline-hint">{t('cases.supplementAll')}</span>}
    </div>
  );
}
