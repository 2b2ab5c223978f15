import { Button, Form, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useCaseT } from '../../i18n/cases-pages.ts';
import { useLocale } from '../../i18n/index.tsx';
import { WidgetControl } from './controls.tsx';
import { columnsOf, type FieldModel } from './model.ts';
import { rulesFor } from './rules.ts';

interface Row {
  key: number;
  name: number;
}

/** A `table` field (an array of objects) as an editable list of rows, each cell validated by its column's schema. */
export function TableField({ field, label, disabled }: { field: FieldModel; label: string; disabled?: boolean }) {
  const t = useCaseT();
  const { locale } = useLocale();
  const columns = columnsOf(field.schema).map((c) => ({ ...c, label: c.label[locale] }));
  const max = field.schema.maxItems;
  const min = field.schema.minItems ?? 0;
  return (
    <Form.List
      name={field.name}
      rules={[
        {
          validator: async (_r, rows: unknown[] | undefined) => {
            const n = rows?.length ?? 0;
            if (field.required && n === 0) throw new Error(t('sf.requiredRows', { label }));
            if (n > 0 && n < min) throw new Error(t('sf.minItems', { n: min }));
            if (max !== undefined && n > max) throw new Error(t('sf.maxItems', { n: max }));
          },
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => {
        const tableColumns: TableColumnsType<Row> = [
          { title: '#', key: 'index', width: 44, render: (_v, _r, i) => i + 1 },
          ...columns.map((c) => ({
            title: (
              <span className={c.required ? 'sf-required' : undefined} title={c.label}>
                {c.label}
              </span>
            ),
            key: c.name,
            render: (_v: unknown, row: Row) => (
              <Form.Item name={[row.name, c.name]} rules={rulesFor(c.schema, c.label, c.required, t)} className="sf-cell">
                <WidgetControl widget={c.widget} schema={c.schema} disabled={disabled} aria-label={c.label} />
              </Form.Item>
            ),
          })),
        ];
        if (!disabled)
          tableColumns.push({
            title: '',
            key: 'remove',
            width: 48,
            render: (_v, row) => (
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('sf.removeRow')} title={t('sf.removeRow')} onClick={() => remove(row.name)} />
            ),
          });
        return (
          <div className="sf-table" data-testid={`sf-table-${field.name}`}>
            <Table<Row>
              size="small"
              bordered
              pagination={false}
              rowKey="key"
              columns={tableColumns}
              dataSource={rows.map((r) => ({ key: r.key, name: r.name }))}
              scroll={{ x: Math.max(600, columns.length * 180) }}
              locale={{ emptyText: t('sf.noRows') }}
            />
            {!disabled && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                disabled={max !== undefined && rows.length >= max}
                className="sf-add-row"
                data-testid={`sf-add-${field.name}`}
              >
                {t('sf.addRow')}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </div>
        );
      }}
    </Form.List>
  );
}
