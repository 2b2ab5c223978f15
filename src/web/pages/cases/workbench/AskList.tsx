import { Checkbox, Input } from 'antd';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import type { AskItem } from '../../../api/cases.ts';

export interface AskOption {
  key: string;
  name: string;
  required: boolean;
  missing: boolean;
}

/**
 * Pick the materials to ask for and write, for each, what exactly is wrong or missing (the written
 * one-time notice and supplement requests list every item with its own note).
 */
export function AskList({ options, value, onChange }: { options: AskOption[]; value: AskItem[]; onChange: (v: AskItem[]) => void }) {
  const t = useCaseT();
  const picked = new Map(value.map((v) => [v.key, v.note]));
  const toggle = (key: string, on: boolean) => onChange(on ? [...value, { key, note: '' }] : value.filter((v) => v.key !== key));
  const note = (key: string, text: string) => onChange(value.map((v) => (v.key === key ? { ...v, note: text } : v)));
  return (
    <div className="case-ask-list" data-testid="ask-list">
      {options.map((o) => (
        <div key={o.key} className="case-ask-row" data-material={o.key}>
          <Checkbox checked={picked.has(o.key)} onChange={(e) => toggle(o.key, e.target.checked)}>
            <span className={o.required ? 'sf-required' : undefined}>{o.name}</span>
            {o.missing && <span className="case-missing-hint">{t('cases.notProvided')}</span>}
          </Checkbox>
          {picked.has(o.key) && (
            <Input
              size="small"
              maxLength={500}
              value={picked.get(o.key)}
              onChange={(e) => note(o.key, e.target.value)}
              placeholder={t('cases.askNotePlaceholder')}
              status={picked.get(o.key)?.trim() ? undefined : 'warning'}
              aria-label={t('cases.askNoteFor', { name: o.name })}
            />
          )}
        </div>
      ))}
    </div>
  );
}

export const askComplete = (items: AskItem[]) => items.length > 0 && items.every((i) => i.note.trim().length > 0);
