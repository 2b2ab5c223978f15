import { Link } from 'react-router';
import { useWorkT } from '../../../i18n/case-work.ts';
import type { CaseSummary } from '../../../api/cases.ts';
import { BundleTag } from './BundleParts.tsx';

/** The first cell of the staff's case lists: the subject, linked to the case's page, over its number; a bundle marked. */
export function CaseSubjectCell({ c }: { c: Pick<CaseSummary, 'id' | 'subject' | 'number' | 'isBundle'> }) {
  const t = useWorkT();
  return (
    <div className="case-subject-cell">
      {c.isBundle && <BundleTag t={t} />}
      <Link to={`/workbench/cases/${c.id}`} className="case-link">
        {c.subject}
      </Link>
      <div className="cell-sub mono">{c.number}</div>
    </div>
  );
}
