import { Descriptions, Table } from 'antd';
import { useLocale } from '../../i18n/index.tsx';
import { useRegions } from '../../api/org.ts';
import { fileUrl } from '../../api/files.ts';
import { columnsOf, fieldsOf, type FieldSchema, type FormSpec } from './model.ts';

type RegionNames = Map<string, string>;

function Value({ value, schema, regions }: { value: unknown; schema: FieldSchema; regions: RegionNames }) {
  const { locale } = useLocale();
  if (value === undefined || value === null || value === '') return <>—</>;
  if (Array.isArray(value)) return <>{value.map(String).join(locale === 'en' ? ', ' : '、')}</>;
  const text = String(value);
  const url = typeof value === 'string' ? fileUrl(value) : null;
  if (url)
    return (
      <a href={url} target="_blank" rel="noreferrer">
        {text}
      </a>
    );
  // a region by its name; its code (990102000000) when pointed at, for the staff who look it up
  if (schema.format === 'region-code' && regions.has(text)) return <span title={text}>{regions.get(text)}</span>;
  const mono = schema.format === 'id-card' || schema.format === 'phone' || schema.format === 'credit-code' || schema.format === 'region-code';
  return <span className={mono ? 'mono' : undefined}>{text}</span>;
}

function RowsTable({ rows, schema, regions }: { rows: Record<string, unknown>[]; schema: FieldSchema; regions: RegionNames }) {
  const { locale } = useLocale();
  const columns = columnsOf(schema).map((c) => ({ ...c, label: c.label[locale] }));
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      rowKey={(_r, i) => String(i)}
      dataSource={rows}
      columns={columns.map((c) => ({
        title: c.label,
        key: c.name,
        render: (_v: unknown, row: Record<string, unknown>) => <Value value={row[c.name]} schema={c.schema} regions={regions} />,
      }))}
      scroll={{ x: 'max-content' }}
    />
  );
}

const isRows = (v: unknown): v is Record<string, unknown>[] => Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null;

function inferRowSchema(rows: Record<string, unknown>[]): FieldSchema {
  const properties: Record<string, FieldSchema> = {};
  for (const r of rows) for (const k of Object.keys(r)) properties[k] = { title: k };
  return { type: 'array', items: { type: 'object', properties } };
}

/**
 * What an application said, read-only, labelled from the item's form: plain fields two to a row,
 * tables below them. Fields the form does not know (an older version) are still shown under their names.
 */
export function FormValues({ spec, data }: { spec?: FormSpec | null; data: Record<string, unknown> }) {
  const { locale } = useLocale();
  const regionList = useRegions();
  const regions: RegionNames = new Map((regionList.data ?? []).map((r) => [r.code, r.name]));
  const known = spec ? fieldsOf(spec) : [];
  const fields = [
    ...known.filter((f) => f.name in data).map((f) => ({ key: f.name, label: f.label[locale] || f.name, schema: f.schema, long: f.widget === 'textarea' })),
    ...Object.keys(data)
      .filter((k) => !known.some((f) => f.name === k))
      .map((k) => ({ key: k, label: k, schema: isRows(data[k]) ? inferRowSchema(data[k] as Record<string, unknown>[]) : ({} as FieldSchema), long: false })),
  ];
  const tables = fields.filter((f) => f.schema.items?.type === 'object' || isRows(data[f.key]));
  const plain = fields.filter((f) => !tables.includes(f));
  return (
    <div data-testid="form-values">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={plain.map((f) => ({
          key: f.key,
          label: f.label,
          span: f.long ? 'filled' : 1,
          children: <Value value={data[f.key]} schema={f.schema} regions={regions} />,
        }))}
      />
      {tables.map((f) => (
        <div key={f.key} className="sf-values-table">
          <div className="sf-values-title">{f.label}</div>
          {isRows(data[f.key]) ? <RowsTable rows={data[f.key] as Record<string, unknown>[]} schema={f.schema} regions={regions} /> : '—'}
        </div>
      ))}
    </div>
  );
}
