import { Alert, Tag, Tooltip } from 'antd';
import { useLocale } from '../../../i18n/index.tsx';
import { useCommitT, type CommitT } from '../../../i18n/commitment.ts';
import { formatDateTime, formatDue } from '../../../i18n/format.ts';
import type { CaseDetail, CommitmentCheck, CommitmentCheckState } from '../../../api/cases.ts';

/** 告知承诺制 on a case, as the staff's and the applicant's pages show it alike. */

export const checkStateColor: Record<CommitmentCheckState, string> = { pending: 'gold', kept: 'green', broken: 'red' };
export const checkStateLabel = (t: CommitT, state: CommitmentCheckState) => t(`commit.state.${state}`);

/** 告知承诺: the case was filed by written commitment; 许可已撤销 once the check found it false. */
export function CommitmentTag({ kase }: { kase: Pick<CaseDetail, 'byCommitment' | 'revokedAt'> }) {
  const t = useCommitT();
  if (!kase.byCommitment && !kase.revokedAt) return null;
  return (
    <>
      {kase.byCommitment && (
        <Tooltip title={t('commit.tagHint')}>
          <Tag color="magenta" variant="outlined" data-testid="commitment-tag">
            {t('commit.tag')}
          </Tag>
        </Tooltip>
      )}
      {kase.revokedAt && (
        <Tag color="red" data-testid="revoked-tag">
          {t('commit.revoked')}
        </Tag>
      )}
    </>
  );
}

/** 事后核查 in a line: to check by a day (overdue in red), or what the check found, by whom and when, and why. */
export function CommitmentCheckText({ check }: { check: CommitmentCheck }) {
  const t = useCommitT();
  const { locale } = useLocale();
  return (
    <span data-testid="commitment-check" data-state={check.state}>
      <Tag color={checkStateColor[check.state]}>{checkStateLabel(t, check.state)}</Tag>
      {check.state === 'pending' ? (
        <span className={check.overdue ? 'case-overdue' : undefined}>
          {t('commit.dueBy', { due: formatDue(check.dueAt, locale) })}
          {check.overdue && (
            <Tag color="red" className="case-overdue-tag">
              {t('commit.overdue')}
            </Tag>
          )}
        </span>
      ) : (
        <>
          <span className="cell-sub">
            {check.checkedBy
              ? t('commit.checkedBy', { name: check.checkedBy, at: formatDateTime(check.checkedAt, locale) })
              : formatDateTime(check.checkedAt, locale)}
          </span>
          {check.opinion && <div className="case-commitment-opinion">{check.opinion}</div>}
        </>
      )}
    </span>
  );
}

/** The facts rows of 告知承诺制 for a case's Descriptions: how it was filed and, once granted, the check. */
export function commitmentFacts(kase: CaseDetail, t: CommitT) {
  if (!kase.byCommitment) return [];
  return [
    { key: 'commitment-mode', label: t('commit.mode'), children: t('commit.mode.commitment') },
    {
      key: 'commitment-check',
      label: t('commit.check'),
      span: 'filled' as const,
      children: kase.commitmentCheck ? <CommitmentCheckText check={kase.commitmentCheck} /> : <span className="cell-sub">{t('commit.afterGrant')}</span>,
    },
  ];
}

/** 许可已撤销: the check found the commitment false and the license was revoked (撤销). */
export function RevokedBanner({ kase }: { kase: CaseDetail }) {
  const t = useCommitT();
  const { locale } = useLocale();
  if (!kase.revokedAt) return null;
  const opinion = kase.commitmentCheck?.state === 'broken' ? kase.commitmentCheck.opinion : null;
  return (
    <Alert
      type="error"
      showIcon
      className="block-gap"
      data-testid="revoked-banner"
      title={t('commit.revokedOn', { date: formatDateTime(kase.revokedAt, locale) })}
      description={
        <>
          <div>{t('commit.revokedText')}</div>
          {opinion && <div>{t('commit.revokedOpinion', { text: opinion })}</div>}
        </>
      }
    />
  );
}
