import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { useCases } from '../../api/cases.ts';
import { dateOfInstant, formatDate } from '../../../common/civil-date.ts';

/**
 * The case filed at this visit, to link the ticket to (排队到办件): today's newest cases in the caller's scope to pick
 * from, or found by what is typed — the case number, part of the item's or the applicant's name. People know a case
 * by its number, never by the database's id.
 */
export function CaseLinkPicker({ value, onChange }: { value: number | null; onChange: (caseId: number | null) => void }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(h);
  }, [typed]);
  // China time: the day the hall works in
  const today = formatDate(dateOfInstant(Date.now(), 8 * 60));
  const cases = useCases(q ? { q } : { from: today, to: today }, 1, 10);
  const options = useMemo(
    () =>
      (cases.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.number} · ${c.subject} · ${c.applicantName}`,
      })),
    [cases.data],
  );
  return (
    <Select
      id="finish-case"
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      // ten options at most, rendered whole: the panel re-renders as the hall moves, and a virtual list would
      // replace the option under the pointer
      virtual={false}
      value={value ?? undefined}
      onChange={(v?: number) => onChange(v ?? null)}
      options={options}
      loading={cases.isFetching}
      placeholder={t('q.calling.casePlaceholder')}
      notFoundContent={cases.isFetching ? null : t('q.calling.caseNone')}
      style={{ width: '100%' }}
      data-testid="finish-case"
    />
  );
}
