import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useLocale } from '../../../i18n/index.tsx';
import type { DeliveryChoice, DeliveryMethod, ItemContent } from '../../../api/cases.ts';
import type { Draft, DraftOf, SavedDraft } from '../../../api/drafts.ts';
import { takesLicense, type MaterialChoice, type MaterialChoices } from './MaterialsInput.tsx';
import type { CommitmentValue } from './CommitmentChoice.tsx';

type Material = ItemContent['materials'][number];

/**
 * 暂存: what a draft keeps of the page, as it was — the form's raw values (unvalidated), the materials chosen (an upload
 * by its reference and name, a held license as the license), how the result comes, the commitment, and the applicant
 * applied for. `v` names this shape, so that a later page still reads a draft saved by this one.
 */
export type DraftContent = {
  v: 1;
  values: Record<string, unknown>;
  choices: MaterialChoices;
  delivery: DeliveryChoice | null;
  committed: CommitmentValue;
  /** 代办: the principal applied for; null: the signed-in applicant */
  forId: number | null;
};

/** The application's drafts: what a new one is of, the one the form continues, and what the page does on a save. */
export interface DraftsOfForm {
  of: DraftOf;
  /** the draft the form continues: read once, as the form mounts */
  draft: Draft | null;
  /** a save went through; the first one created the draft, whose id the page puts in its address */
  onSaved: (saved: SavedDraft) => void;
  /** load the draft again as last saved (another tab saved it meanwhile) */
  onReload: () => void;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A draft's content as the form starts from it, kept to what still fits: the item's version may have changed since
 * the save (a material or a delivery method gone), and what a page cannot read is left out rather than sent.
 */
export function restoreDraft(content: Record<string, unknown> | undefined, materials: Material[], deliveryMethods: DeliveryMethod[] | undefined) {
  if (!content || content.v !== 1) return null;
  const byKey = new Map(materials.map((m) => [m.key, m]));
  const choices: MaterialChoices = {};
  for (const [key, raw] of Object.entries(isRecord(content.choices) ? content.choices : {})) {
    const m = byKey.get(key);
    const c = raw as Partial<MaterialChoice> & Record<string, unknown>;
    if (!m || !isRecord(c)) continue;
    if (c.kind === 'file' && typeof c.reference === 'string' && typeof c.name === 'string')
      choices[key] = { kind: 'file', reference: c.reference, name: c.name };
    else if (c.kind === 'held' && isRecord(c.license) && typeof c.license.id === 'number' && m.source === 'license')
      choices[key] = c as Extract<MaterialChoice, { kind: 'held' }>;
    else if (c.kind === 'license' && takesLicense(m)) choices[key] = { kind: 'license' };
  }
  const delivery = isRecord(content.delivery) ? (content.delivery as unknown as DeliveryChoice) : null;
  const committed = isRecord(content.committed) ? content.committed : {};
  return {
    values: isRecord(content.values) ? content.values : {},
    choices,
    delivery: delivery && deliveryMethods?.includes(delivery.method) ? delivery : undefined,
    // 告知承诺: the way chosen comes back, the pledge itself is given again as the application goes
    committed: { byCommitment: committed.byCommitment === true, agreed: false },
    forId: typeof content.forId === 'number' ? content.forId : undefined,
  };
}

/** What the last 暂存 came to, said beside the buttons. */
export type DraftNote = { kind: 'saved'; at: string } | { kind: 'conflict' } | { kind: 'gone' } | { kind: 'failed'; text: string; toList?: boolean };

/** 暂存's outcome beside the buttons: saved (at what time, and where to continue), or why not and what to do. */
export function DraftNoteAlert({ note, onReload }: { note: DraftNote; onReload: () => void }) {
  const t = useCaseT();
  const { locale } = useLocale();
  if (note.kind === 'saved') {
    const time = new Date(note.at).toLocaleTimeString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
    return <Alert type="success" showIcon className="block-gap" title={t('cases.draft.saved', { time })} data-testid="draft-saved" />;
  }
  if (note.kind === 'conflict')
    return (
      <Alert
        type="warning"
        showIcon
        className="block-gap"
        title={t('cases.draft.conflict')}
        description={t('cases.draft.conflictHint')}
        data-testid="draft-conflict"
        action={
          <Button size="small" onClick={onReload} data-testid="draft-reload">
            {t('cases.draft.reload')}
          </Button>
        }
      />
    );
  return (
    <Alert
      type={note.kind === 'gone' ? 'warning' : 'error'}
      showIcon
      className="block-gap"
      title={note.kind === 'gone' ? t('cases.draft.gone') : note.text}
      data-testid="draft-error"
      action={
        note.kind === 'failed' &&
        note.toList && (
          <Link to="/my/cases">
            <Button size="small">{t('cases.draft.toMyCases')}</Button>
          </Link>
        )
      }
    />
  );
}
