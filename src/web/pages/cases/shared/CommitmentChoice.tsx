import { Alert, Checkbox, Radio, Typography } from 'antd';
import { useCommitT, type CommitT } from '../../../i18n/commitment.ts';
import type { ItemContent, Limit } from '../../../api/cases.ts';
import { formatLimit } from './labels.tsx';

/** 告知承诺制 as an application takes it: by commitment or not, and — by commitment — the commitment made. */
export interface CommitmentValue {
  byCommitment: boolean;
  agreed: boolean;
}

export const noCommitment: CommitmentValue = { byCommitment: false, agreed: false };

/** What an item version says of 告知承诺制: whether it allows it, its conditions, and the period of the check after a grant. */
export interface CommitmentTerms {
  organizationName: string;
  conditions: string;
  /** 事后核查 within this after the grant (90 days when the version does not say) */
  check: Pick<Limit, 'value' | 'unit'>;
}

const defaultCheck: Pick<Limit, 'value' | 'unit'> = { value: 90, unit: 'day' };

/** The terms of 告知承诺制 of an item version, or null when the version does not allow it. */
export function commitmentTermsOf(content: ItemContent, organizationName: string): CommitmentTerms | null {
  if (!content.commitmentApproval) return null;
  return { organizationName, conditions: content.conditions, check: content.commitmentCheck ?? defaultCheck };
}

/** Why the application cannot go yet: by commitment, the commitment is not made. */
export const commitmentProblem = (value: CommitmentValue) => value.byCommitment && !value.agreed;

/** The conditions as the department lists them ("1. …；2. …"), one to a line. */
function conditionLines(conditions: string): string[] {
  return conditions
    .split(/(?<=[；;。])\s*(?=\d+[.．、])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * 办理方式: the ordinary procedure, or by written commitment (告知承诺) — the department's conditions told, the
 * commitment's text, and the box that makes it. Online the applicant ticks it; at the window (`mode="window"`) the
 * clerk confirms the applicant signed it on paper. `showProblem` marks the box once a submit was tried.
 */
export function CommitmentChoice({
  terms,
  value,
  onChange,
  showProblem,
  mode = 'online',
}: {
  terms: CommitmentTerms;
  value: CommitmentValue;
  onChange: (value: CommitmentValue) => void;
  showProblem: boolean;
  mode?: 'online' | 'window';
}) {
  const t = useCommitT();
  const missing = showProblem && commitmentProblem(value);
  return (
    <div data-testid="commitment-choice">
      <Typography.Paragraph type="secondary">{t('commit.modeHint')}</Typography.Paragraph>
      <div data-testid="commitment-mode">
        <Radio.Group
          value={value.byCommitment ? 'commitment' : 'ordinary'}
          optionType="button"
          buttonStyle="solid"
          onChange={(e) => onChange({ byCommitment: e.target.value === 'commitment', agreed: false })}
          options={[
            { value: 'ordinary', label: t('commit.mode.ordinary') },
            { value: 'commitment', label: t('commit.mode.commitment') },
          ]}
        />
      </div>
      {value.byCommitment && <CommitmentNotice terms={terms} t={t} />}
      {value.byCommitment && (
        <div className={`case-commitment-agree${missing ? ' case-commitment-agree-missing' : ''}`}>
          <Checkbox checked={value.agreed} onChange={(e) => onChange({ ...value, agreed: e.target.checked })} data-testid="commitment-agree">
            {t(mode === 'window' ? 'commit.agreeWindow' : 'commit.agree')}
          </Checkbox>
          {missing && (
            <div className="ant-form-item-explain-error" data-testid="commitment-agree-error">
              {t(mode === 'window' ? 'commit.agreeRequiredWindow' : 'commit.agreeRequired')}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** 告知内容 and 承诺内容: what the department tells, and what the applicant commits to. */
function CommitmentNotice({ terms, t }: { terms: CommitmentTerms; t: CommitT }) {
  const lines = conditionLines(terms.conditions);
  return (
    <div className="case-commitment-notice block-gap-top" data-testid="commitment-notice">
      <Typography.Text strong>{t('commit.notice')}</Typography.Text>
      <Typography.Paragraph className="case-commitment-intro">{t('commit.noticeIntro', { org: terms.organizationName })}</Typography.Paragraph>
      <ul className="case-commitment-conditions">
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <Alert type="info" showIcon title={t('commit.checkAfter', { period: formatLimit(t, terms.check.value, terms.check.unit) })} />
      <div className="case-commitment-pledge">
        <Typography.Text strong>{t('commit.pledge')}</Typography.Text>
        <Typography.Paragraph className="case-commitment-pledge-text" data-testid="commitment-pledge">
          {t('commit.pledgeText')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
