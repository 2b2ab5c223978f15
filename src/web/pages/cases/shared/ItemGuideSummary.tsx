import { Descriptions, Tag, Typography } from 'antd';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import type { ApplyItem } from '../../../api/cases.ts';
import { deliveryLabel, formatLimit, kindLabel } from './labels.tsx';

/** The published guide in a few lines: department, kind, limits, visits, fees, delivery and conditions. */
export function ItemGuideSummary({ item, column = 2 }: { item: ApplyItem; column?: number }) {
  const t = useCaseT();
  const c = item.content;
  return (
    <div data-testid="guide-summary">
      <Descriptions
        size="small"
        column={{ xs: 1, md: column }}
        items={[
          { key: 'org', label: t('cases.organization'), children: item.organizationName },
          {
            key: 'kind',
            label: t('cases.caseKind'),
            children: <Tag color={c.caseKind === 'immediate' ? 'green' : 'blue'}>{kindLabel(t, c.caseKind)}</Tag>,
          },
          {
            key: 'limits',
            label: t('cases.limits'),
            children:
              c.caseKind === 'immediate'
                ? t('cases.immediateLimit')
                : t('cases.limitsValue', {
                    committed: formatLimit(t, c.committedLimit.value, c.committedLimit.unit),
                    legal: formatLimit(t, c.legalLimit.value, c.legalLimit.unit),
                  }),
          },
          { key: 'visits', label: t('cases.visits'), children: c.visitsRequired === 0 ? t('cases.zeroVisits') : t('cases.visitsN', { n: c.visitsRequired }) },
          {
            key: 'fees',
            label: t('cases.fees'),
            children: c.isChargeable ? c.fees.map((f) => t('cases.feeLine', { name: f.name, standard: f.standard })).join(t('cases.listSep')) : t('cases.free'),
          },
          { key: 'delivery', label: t('cases.deliveryMethods'), children: c.deliveryMethods.map((m) => deliveryLabel(t, m)).join(t('cases.listSep')) },
          { key: 'result', label: t('cases.result'), children: c.resultName || '—' },
          { key: 'version', label: t('cases.version'), children: t('cases.versionN', { n: item.version }) },
        ]}
      />
      {c.conditions && (
        <Typography.Paragraph className="case-conditions" ellipsis={{ rows: 3, expandable: 'collapsible' }}>
          <Typography.Text strong>
            {t('cases.conditions')}
            {t('cases.colon')}
          </Typography.Text>
          {c.conditions}
        </Typography.Paragraph>
      )}
    </div>
  );
}
