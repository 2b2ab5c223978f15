import { Button, Space, Typography } from 'antd';
import { useLocale } from '../i18n/index.tsx';
import { useCaseT } from '../i18n/cases-pages.ts';

/** What a phrase is for: an approval's opinion, a denial's or a return's reasons, an intake's refusal. */
export type PhrasePurpose = 'approve' | 'reject' | 'return' | 'refuse';

/**
 * 常用语: the sentences a reviewer or a window clerk writes again and again, in both languages. They are in the words
 * of the law's conditions, not of a permit: the same dialogs decide 行政确认 and public services.
 */
const phrases: Record<PhrasePurpose, [string, string][]> = {
  approve: [
    ['材料齐全，符合法定形式，同意', 'The materials are complete and in the legal form: agreed'],
    ['经审查，符合法定条件和标准，同意', 'Reviewed: the legal conditions and standards are met; agreed'],
    ['经现场核查，符合要求，同意', 'Checked on site: the requirements are met; agreed'],
  ],
  reject: [
    ['申请人不具备法定条件', 'The applicant does not meet the legal conditions'],
    ['申请材料反映的情况与实际不符', 'What the materials state does not match the facts'],
    ['经现场核查，不符合要求', 'Checked on site: the requirements are not met'],
    ['申请人隐瞒有关情况或者提供虚假材料', 'The applicant concealed facts or gave false materials'],
  ],
  return: [
    ['审查意见不明确，请补充后重新审查', 'The review’s opinion is unclear: complete it and review again'],
    ['请核实申请材料后重新审查', 'Check the materials and review again'],
    ['请补充现场核查情况', 'Add what the on-site check found'],
  ],
  refuse: [
    ['申请事项依法不需要取得行政许可', 'By law the matter applied for needs no permit'],
    ['申请事项不属于本机关职权范围，请向有关行政机关申请', 'The matter is not within this authority’s powers: apply to the competent one'],
    ['申请人不具备申请资格', 'The applicant is not entitled to apply'],
  ],
};

/** Adds a phrase to what is written: in place of nothing (or of the default), else after it. */
export function withPhrase(text: string, phrase: string, replaceable: string[] = []): string {
  const kept = text.trim();
  if (!kept || replaceable.includes(kept)) return phrase;
  return `${kept.replace(/[；;。.,，\s]+$/, '')}；${phrase}`;
}

/** The phrases for `purpose` as buttons under a text box; picking one hands it to `onPick`. */
export function CommonPhrases({ purpose, onPick }: { purpose: PhrasePurpose; onPick: (phrase: string) => void }) {
  const t = useCaseT();
  const { locale } = useLocale();
  const en = locale === 'en';
  return (
    <Space size={[4, 4]} wrap className="common-phrases" data-testid={`common-phrases-${purpose}`}>
      <Typography.Text type="secondary">{t('cases.commonPhrases')}</Typography.Text>
      {phrases[purpose].map(([zh, english]) => (
        <Button key={zh} size="small" type="dashed" onClick={() => onPick(en ? english : zh)}>
          {en ? english : zh}
        </Button>
      ))}
    </Space>
  );
}
