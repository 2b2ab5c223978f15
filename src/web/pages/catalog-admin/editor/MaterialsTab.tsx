import { Button, Checkbox, Col, Input, InputNumber, Row, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { useTolT } from '../../../i18n/tolerated.ts';
import type { Material } from '../../../api/catalog-admin.ts';
import { materialFormLabels, materialKindLabels, necessityLabels, optionsOf, sourceLabels } from '../labels.ts';
import { move } from './list-ops.ts';
import { MaterialsView } from './MaterialsView.tsx';

const keyPattern = /^[a-z0-9_]{1,60}$/;

/** A table row: the material and where it stands in the list. */
type Row = Material & { rowIndex: number };

/** A cell renderer given the material (without the row's index) and its position. */
function cell<V>(render: (value: V, m: Material, i: number) => ReactNode) {
  return (value: V, { rowIndex, ...m }: Row) => render(value, m, rowIndex);
}

function newMaterial(existing: Material[]): Material {
  let n = existing.length + 1;
  while (existing.some((m) => m.key === `material_${n}`)) n += 1;
  return { key: `material_${n}`, name: '', kind: 'original', form: 'both', necessity: 'required', count: 1, source: 'applicant' };
}

/** Leave optional texts out when they are cleared. */
function setText<K extends keyof Material>(m: Material, key: K, value: string): Material {
  const next = { ...m };
  if (value === '') delete next[key];
  else (next as Record<string, unknown>)[key] = value;
  return next;
}

/** The details a row folds away: notes, paper spec, basis, where it comes from, blank form and sample. */
function MaterialDetails({ m, onChange }: { m: Material; onChange: (m: Material) => void }) {
  const t = useT();
  const text = (key: 'notes' | 'spec' | 'basis' | 'sourceNote' | 'blankFormFile' | 'sampleFile', label: string, max: number, area = false) => (
    <Col xs={24} lg={area ? 24 : 12}>
      <div className="ca-field-label">{label}</div>
      {area ? (
        <Input.TextArea
          value={m[key] ?? ''}
          maxLength={max}
          autoSize={{ minRows: 2, maxRows: 5 }}
          onChange={(e) => onChange(setText(m, key, e.target.value))}
        />
      ) : (
        <Input value={m[key] ?? ''} maxLength={max} onChange={(e) => onChange(setText(m, key, e.target.value))} />
      )}
    </Col>
  );
  return (
    <Row gutter={[16, 12]} className="ca-material-details">
      {text('notes', t('ca.material.notes'), 1000, true)}
      {text('spec', t('ca.material.spec'), 200)}
      {text('basis', t('ca.material.basis'), 500)}
      {text('sourceNote', t('ca.material.sourceNote'), 300)}
      {text('blankFormFile', t('ca.material.blankFormFile'), 200)}
      {text('sampleFile', t('ca.material.sampleFile'), 200)}
    </Row>
  );
}

/** Set or clear 容缺后补 (left out of the material when cleared); only a required material may have it. */
function setTolerable(m: Material, tolerable: boolean): Material {
  const { tolerable: _was, ...rest } = m;
  return tolerable && m.necessity === 'required' ? { ...rest, tolerable: true } : rest;
}

/**
 * 申请材料: one row per material — key, name, original/copy, paper/electronic, necessity with its condition or, for a
 * required one, whether it may follow after acceptance (容缺后补), count, source.
 */
export function MaterialsTab({ materials, readOnly, onChange }: { materials: Material[]; readOnly: boolean; onChange: (materials: Material[]) => void }) {
  const t = useT();
  const tt = useTolT();
  const set = (i: number, m: Material) => onChange(materials.map((x, j) => (j === i ? m : x)));
  const keyCount = new Map<string, number>();
  for (const m of materials) keyCount.set(m.key, (keyCount.get(m.key) ?? 0) + 1);

  if (readOnly)
    return (
      <div data-testid="materials-tab">
        <MaterialsView materials={materials} />
      </div>
    );
  const rows: Row[] = materials.map((m, rowIndex) => ({ ...m, rowIndex }));
  const columns: TableColumnsType<Row> = [
    {
      title: '#',
      key: 'order',
      width: 56,
      render: cell((_v: unknown, _m, i) => (
        <Space size={0}>
          <span className="ca-row-index">{i + 1}</span>
          <Space.Compact orientation="vertical" size="small">
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              disabled={i === 0}
              onClick={() => onChange(move(materials, i, i - 1))}
              aria-label={t('ca.moveUp')}
            />
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              disabled={i === materials.length - 1}
              onClick={() => onChange(move(materials, i, i + 1))}
              aria-label={t('ca.moveDown')}
            />
          </Space.Compact>
        </Space>
      )),
    },
    {
      // the name as it reads, in full, and below it the key that joins it with the same material of other items
      title: t('ca.material.nameAndKey'),
      dataIndex: 'name',
      width: 320,
      render: cell((name: string, m, i) => {
        const bad = !keyPattern.test(m.key) ? t('ca.material.keyInvalid') : (keyCount.get(m.key) ?? 0) > 1 ? t('ca.material.keyDuplicate') : null;
        return (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Input.TextArea
              value={name}
              maxLength={200}
              autoSize={{ minRows: 1, maxRows: 4 }}
              status={name.trim() ? undefined : 'warning'}
              placeholder={t('ca.material.namePlaceholder')}
              onChange={(e) => set(i, { ...m, name: e.target.value.replace(/[\r\n]+/g, '') })}
              aria-label={t('ca.material.name')}
              data-testid={`material-name-${i}`}
            />
            <Tooltip title={bad} open={bad ? undefined : false}>
              <Space.Compact block>
                <Space.Addon>{t('ca.material.keyShort')}</Space.Addon>
                <Input
                  className="mono"
                  value={m.key}
                  status={bad ? 'error' : undefined}
                  maxLength={60}
                  onChange={(e) => set(i, { ...m, key: e.target.value.trim() })}
                  aria-label={t('ca.material.key')}
                />
              </Space.Compact>
            </Tooltip>
          </Space>
        );
      }),
    },
    {
      title: t('ca.material.kindFormCount'),
      dataIndex: 'kind',
      width: 190,
      render: cell((v: Material['kind'], m, i) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Select
            value={v}
            options={optionsOf(t, materialKindLabels)}
            onChange={(kind) => set(i, { ...m, kind })}
            style={{ width: '100%' }}
            aria-label={t('ca.material.kind')}
          />
          <Select
            value={m.form}
            options={optionsOf(t, materialFormLabels)}
            onChange={(form) => set(i, { ...m, form })}
            style={{ width: '100%' }}
            aria-label={t('ca.material.form')}
          />
          <InputNumber
            value={m.count}
            min={1}
            max={99}
            precision={0}
            suffix={t('ca.material.copies')}
            onChange={(n) => set(i, { ...m, count: n ?? 1 })}
            style={{ width: '100%' }}
            aria-label={t('ca.material.count')}
          />
        </Space>
      )),
    },
    {
      title: t('ca.material.necessity'),
      dataIndex: 'necessity',
      width: 210,
      render: cell((v: Material['necessity'], m, i) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Select
            value={v}
            options={optionsOf(t, necessityLabels)}
            onChange={(necessity) =>
              set(i, setTolerable(necessity === 'conditional' ? { ...m, necessity } : setText({ ...m, necessity }, 'condition', ''), !!m.tolerable))
            }
            style={{ width: '100%' }}
          />
          {v === 'conditional' && (
            <Input.TextArea
              value={m.condition ?? ''}
              maxLength={500}
              autoSize={{ minRows: 1, maxRows: 4 }}
              status={m.condition ? undefined : 'error'}
              placeholder={t('ca.material.conditionPlaceholder')}
              onChange={(e) => set(i, setText(m, 'condition', e.target.value.replace(/[\r\n]+/g, '')))}
              aria-label={t('ca.material.condition')}
            />
          )}
          <Tooltip title={v === 'required' ? tt('tol.tolerableHint') : tt('tol.tolerableOnlyRequired')}>
            <Checkbox
              checked={v === 'required' && !!m.tolerable}
              disabled={v !== 'required'}
              onChange={(e) => set(i, setTolerable(m, e.target.checked))}
              data-testid={`material-tolerable-${i}`}
            >
              {tt('tol.tolerable')}
            </Checkbox>
          </Tooltip>
        </Space>
      )),
    },
    {
      title: t('ca.material.source'),
      dataIndex: 'source',
      width: 180,
      render: cell((v: Material['source'], m, i) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Select
            value={v}
            options={optionsOf(t, sourceLabels)}
            onChange={(source) => set(i, source === 'license' ? { ...m, source } : setText({ ...m, source }, 'licenseType', ''))}
            style={{ width: '100%' }}
          />
          {v === 'license' && (
            <Input
              value={m.licenseType ?? ''}
              maxLength={100}
              status={m.licenseType ? undefined : 'error'}
              placeholder={t('ca.material.licenseTypePlaceholder')}
              onChange={(e) => set(i, setText(m, 'licenseType', e.target.value))}
              aria-label={t('ca.material.licenseType')}
            />
          )}
        </Space>
      )),
    },
  ];
  columns.push({
    key: 'actions',
    width: 44,
    fixed: 'right',
    render: cell((_v: unknown, _m, i) => (
      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onChange(materials.filter((_x, j) => j !== i))} aria-label={t('action.remove')} />
    )),
  });

  return (
    <div data-testid="materials-tab">
      <Typography.Paragraph type="secondary">{t('ca.material.hint')}</Typography.Paragraph>
      <Table
        rowKey="rowIndex"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        // fits a laptop's screen beside the menu; a narrower one scrolls the grid, not the page
        scroll={{ x: 1056 }}
        expandable={{
          expandedRowRender: ({ rowIndex, ...m }) => <MaterialDetails m={m} onChange={(next) => set(rowIndex, next)} />,
          columnTitle: <Tooltip title={t('ca.material.more')}>…</Tooltip>,
        }}
        locale={{ emptyText: t('ca.material.empty') }}
        data-testid="materials-table"
      />
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        className="block-gap-top"
        disabled={materials.length >= 100}
        onClick={() => onChange([...materials, newMaterial(materials)])}
        data-testid="material-add"
      >
        {t('ca.material.add')}
      </Button>
    </div>
  );
}
