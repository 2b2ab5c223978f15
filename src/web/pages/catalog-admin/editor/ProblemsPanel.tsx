import { Alert, Button, Space, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { isApiError } from '../../../api/client.ts';
import { messageIn, type ItemContent, type Problem } from '../../../api/catalog-admin.ts';
import { schemaErrorZh } from '../../../../modules/catalog/schema-messages.ts';
import { placeOfProblem } from './problem-place.ts';

export type EditorTab = 'basic' | 'materials' | 'fees' | 'form' | 'process' | 'versions' | 'delegation';

export const tabKeys: Record<EditorTab, MessageKey> = {
  basic: 'ca.tab.basic',
  materials: 'ca.tab.materials',
  fees: 'ca.tab.fees',
  form: 'ca.tab.form',
  process: 'ca.tab.process',
  versions: 'ca.tab.versions',
  delegation: 'ca.tab.delegation',
};

/** Which tab edits the element a problem's path names (`materials.2.condition` → 申请材料). */
export function tabOfPath(path: string): EditorTab {
  const head = path.replace(/^\//, '').split(/[./]/)[0] ?? '';
  if (head === 'materials') return 'materials';
  if (head === 'fees' || head === 'isChargeable') return 'fees';
  // what the license prints of the form, and whom a grant registers, are chosen from the form's fields, beside them
  if (head === 'form' || head === 'resultFields' || head === 'establishes') return 'form';
  if (head === 'process') return 'process';
  return 'basic';
}

/**
 * Problems from an error: the rules' `details.problems` (送审), or a schema failure's `details.fields`
 * (a save or check whose content does not fit the schema). Null when the error is of another kind.
 */
export function problemsOfError(error: unknown): Problem[] | null {
  if (!isApiError(error, 'VALIDATION_FAILED')) return null;
  const details = error.details as { problems?: Problem[]; fields?: { field: string; rule?: string; message?: string }[] } | null;
  if (details?.problems) return details.problems;
  if (details?.fields)
    return details.fields.map((f) => {
      const path = f.field.replace(/^\/?content[./]?/, '').replace(/\//g, '.');
      // request validation sends the rule but not its params: the Chinese names the rule (the panel says where), the English is the validator's
      return { path, message: f.message ?? error.message, messageZh: schemaErrorZh({ keyword: f.rule ?? '' }, path ? '此项' : '事项内容') };
    });
  return null;
}

export function countByTab(problems: Problem[] | null): Partial<Record<EditorTab, number>> {
  const out: Partial<Record<EditorTab, number>> = {};
  for (const p of problems ?? []) {
    const tab = tabOfPath(p.path);
    out[tab] = (out[tab] ?? 0) + 1;
  }
  return out;
}

/** The result of 检查: problems grouped by the tab that fixes them, each saying where it is in words, with a jump to that tab. */
export function ProblemsPanel({
  problems,
  content,
  onJump,
  onClose,
}: {
  problems: Problem[];
  /** The content checked: names the material, field or stage a problem's path points at. */
  content: ItemContent | null | undefined;
  onJump: (tab: EditorTab) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  if (problems.length === 0)
    return (
      <Alert
        className="block-gap"
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title={t('ca.check.ok')}
        description={t('ca.check.okHint')}
        closable={{ onClose }}
        data-testid="check-ok"
      />
    );
  const groups = new Map<EditorTab, Problem[]>();
  for (const p of problems) {
    const tab = tabOfPath(p.path);
    groups.set(tab, [...(groups.get(tab) ?? []), p]);
  }
  return (
    <Alert
      className="block-gap"
      type="error"
      showIcon
      title={t('ca.check.problems', { count: problems.length })}
      closable={{ onClose }}
      data-testid="check-problems"
      description={
        <div className="ca-problems">
          {[...groups.entries()].map(([tab, list]) => (
            <div key={tab} className="ca-problem-group">
              <Space className="ca-problem-group-title">
                <Typography.Text strong>{t(tabKeys[tab])}</Typography.Text>
                <Button size="small" type="link" onClick={() => onJump(tab)}>
                  {t('ca.check.jump')}
                </Button>
              </Space>
              <ul className="ca-problem-list">
                {list.map((p, i) => {
                  const place = placeOfProblem(t, locale, p.path, content);
                  return (
                    <li key={i} className="ca-problem" onClick={() => onJump(tab)} data-testid="check-problem">
                      {place && <span className="ca-problem-place">{place}</span>}
                      <span>{messageIn(locale, p)}</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      }
    />
  );
}
