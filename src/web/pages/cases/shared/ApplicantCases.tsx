import { Alert, Skeleton } from 'antd';
import { Link } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useCases } from '../../../api/cases.ts';
import { StatusTag } from './labels.tsx';

/**
 * An applicant's latest cases in the reader's scope: at the window, what the applicant already has in hand here, so
 * that the same application is not taken twice and a question about an earlier one is answered at once; on a case's
 * page, their other cases (`exceptCaseId`, with its bundle application's parent or item cases), an earlier refusal or a
 * case in hand beside it.
 */
export function ApplicantCases({ applicantId, exceptCaseId, exceptParentId }: { applicantId: number; exceptCaseId?: number; exceptParentId?: number }) {
  const t = useCaseT();
  const cases = useCases({ applicant: applicantId }, 1, 6);
  if (cases.isPending) return <Skeleton active title={false} paragraph={{ rows: 1 }} />;
  if (cases.isError) return <Alert type="error" showIcon title={cases.error.message} />;
  // on a bundle application's page its own item cases are not the applicant's other cases (nor its parent on theirs)
  const others = cases.data.items
    .filter((c) => c.id !== exceptCaseId && (exceptCaseId === undefined || (c.parentId !== exceptCaseId && c.id !== exceptParentId)))
    .slice(0, 5);
  const other = exceptCaseId !== undefined;
  if (others.length === 0)
    return (
      <div className="cell-sub case-applicant-cases" data-testid="applicant-cases">
        {t(other ? 'cases.applicantNoOtherCases' : 'cases.applicantNoCases')}
      </div>
    );
  return (
    <div className="case-applicant-cases" data-testid="applicant-cases">
      <div className="cell-sub">{other ? t('cases.applicantOtherCases') : t('cases.applicantCases', { n: cases.data.total })}</div>
      {others.map((c) => (
        // the subject over its number, the status at the right: a long subject keeps its line
        <div key={c.id} className="case-applicant-case">
          <div>
            <Link to={`/workbench/cases/${c.id}`} target={other ? undefined : '_blank'} className="case-link">
              {c.subject}
            </Link>
            <div className="mono cell-sub">{c.number}</div>
          </div>
          <StatusTag status={c.status} t={t} />
        </div>
      ))}
    </div>
  );
}
