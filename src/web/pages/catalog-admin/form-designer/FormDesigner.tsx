import { useState, type DragEvent, type ReactNode } from 'react';
import { Badge, Button, Card, Col, Empty, Row, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import {
  AlignLeftOutlined,
  ArrowDownOutlined,
  ArrowUpOutlined,
  CalendarOutlined,
  DeleteOutlined,
  DownSquareOutlined,
  EnvironmentOutlined,
  FontSizeOutlined,
  HolderOutlined,
  HomeOutlined,
  IdcardOutlined,
  NumberOutlined,
  PaperClipOutlined,
  PhoneOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { translate, useT } from '../../../i18n/index.tsx';
import type { ItemForm, Widget } from '../../../api/catalog-admin.ts';
import { labelOf, widgetLabels } from '../labels.ts';
import { move } from '../editor/list-ops.ts';
import { fieldIssues, fieldsToForm, formToFields, newField, type FieldDef } from './form-model.ts';
import { FieldSettings } from './FieldSettings.tsx';
import { FormPreview } from './FormPreview.tsx';
import './form-designer.css';

const widgetIcons: Record<Widget, ReactNode> = {
  text: <FontSizeOutlined />,
  textarea: <AlignLeftOutlined />,
  number: <NumberOutlined />,
  date: <CalendarOutlined />,
  select: <DownSquareOutlined />,
  region: <EnvironmentOutlined />,
  id_number: <IdcardOutlined />,
  phone: <PhoneOutlined />,
  address: <HomeOutlined />,
  table: <TableOutlined />,
  file: <PaperClipOutlined />,
};

const dragWidget = 'application/x-onewindow-widget';
const dragField = 'application/x-onewindow-field';

/**
 * 表单设计: a palette of widgets, the fields in order (drag, or move up and down), the selected field's
 * settings, and a live preview. Writes the JSON Schema and UI hints catalog.schemas.ts `Form` describes.
 */
export function FormDesigner({ form, readOnly, onChange }: { form: ItemForm; readOnly: boolean; onChange: (form: ItemForm) => void }) {
  const t = useT();
  const fields = formToFields(form);
  const [selected, setSelected] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const current = fields.find((f) => f.key === selected) ?? null;
  const write = (next: FieldDef[]) => onChange(fieldsToForm(next, form));

  const add = (widget: Widget, at = fields.length) => {
    const label = {
      'zh-CN': translate('zh-CN', widgetLabels.find(([w]) => w === widget)![1]),
      en: translate('en', widgetLabels.find(([w]) => w === widget)![1]),
    };
    const field = newField(
      widget,
      fields.map((f) => f.key),
      label,
    );
    write([...fields.slice(0, at), field, ...fields.slice(at)]);
    setSelected(field.key);
  };
  const update = (i: number, f: FieldDef) => {
    write(fields.map((x, j) => (j === i ? f : x)));
    if (fields[i]!.key === selected) setSelected(f.key);
  };
  const remove = (i: number) => {
    write(fields.filter((_x, j) => j !== i));
    if (fields[i]!.key === selected) setSelected(fields[i + 1]?.key ?? fields[i - 1]?.key ?? null);
  };

  const onDrop = (e: DragEvent, at: number) => {
    e.preventDefault();
    setDropAt(null);
    if (readOnly) return;
    const widget = e.dataTransfer.getData(dragWidget) as Widget;
    if (widget) return add(widget, at);
    const from = Number(e.dataTransfer.getData(dragField));
    if (Number.isInteger(from) && e.dataTransfer.getData(dragField) !== '') write(move(fields, from, from < at ? at - 1 : at));
  };
  const allowDrop = (e: DragEvent, at: number) => {
    if (readOnly) return;
    e.preventDefault();
    if (dropAt !== at) setDropAt(at);
  };

  return (
    <div className="ca-form-designer" data-testid="form-designer">
      {!readOnly && (
        <Card size="small" className="block-gap" title={t('ca.form.palette')} extra={<span className="muted">{t('ca.form.paletteHint')}</span>}>
          <div className="ca-palette" data-testid="form-palette">
            {widgetLabels.map(([widget, key]) => (
              <Button
                key={widget}
                icon={widgetIcons[widget]}
                draggable
                onDragStart={(e) => e.dataTransfer.setData(dragWidget, widget)}
                onClick={() => add(widget, current ? fields.indexOf(current) + 1 : fields.length)}
                data-testid={`palette-${widget}`}
              >
                {t(key)}
              </Button>
            ))}
          </div>
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Card size="small" title={t('ca.form.fields', { count: fields.length })} className="block-gap">
            <div className="ca-field-list" onDragLeave={() => setDropAt(null)} data-testid="form-fields">
              {fields.map((f, i) => {
                const issues = fieldIssues(f, fields);
                return (
                  <div key={`${f.key}-${i}`}>
                    <div className={`ca-drop-line${dropAt === i ? ' active' : ''}`} onDragOver={(e) => allowDrop(e, i)} onDrop={(e) => onDrop(e, i)} />
                    <div
                      className={`ca-field-row${f.key === selected ? ' selected' : ''}`}
                      draggable={!readOnly}
                      onDragStart={(e) => e.dataTransfer.setData(dragField, String(i))}
                      onDragOver={(e) => allowDrop(e, i)}
                      onDrop={(e) => onDrop(e, i)}
                      onClick={() => setSelected(f.key)}
                      data-testid={`form-field-${f.key}`}
                    >
                      {!readOnly && <HolderOutlined className="ca-drag-handle" />}
                      <span className="ca-field-icon">{widgetIcons[f.widget]}</span>
                      <div className="ca-field-text">
                        <div>
                          {f.required && <span className="ca-required-mark">*</span>}
                          <Typography.Text strong>{f.label['zh-CN'] || f.key}</Typography.Text>
                          <span className="muted"> · {f.label.en}</span>
                        </div>
                        <div className="cell-sub mono">{f.key}</div>
                      </div>
                      <Space size={4} onClick={(e) => e.stopPropagation()}>
                        {issues.length > 0 && (
                          <Tooltip title={t('ca.form.fieldHasIssues')}>
                            <Badge status="error" />
                          </Tooltip>
                        )}
                        <Tag>{labelOf(t, widgetLabels, f.widget)}</Tag>
                        {!readOnly && (
                          <>
                            <Button
                              size="small"
                              type="text"
                              icon={<ArrowUpOutlined />}
                              disabled={i === 0}
                              onClick={() => write(move(fields, i, i - 1))}
                              aria-label={t('ca.moveUp')}
                            />
                            <Button
                              size="small"
                              type="text"
                              icon={<ArrowDownOutlined />}
                              disabled={i === fields.length - 1}
                              onClick={() => write(move(fields, i, i + 1))}
                              aria-label={t('ca.moveDown')}
                            />
                            <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label={t('action.remove')} />
                          </>
                        )}
                      </Space>
                    </div>
                  </div>
                );
              })}
              <div
                className={`ca-drop-line last${dropAt === fields.length ? ' active' : ''}`}
                onDragOver={(e) => allowDrop(e, fields.length)}
                onDrop={(e) => onDrop(e, fields.length)}
              >
                {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ca.form.noFields')} />}
              </div>
            </div>
          </Card>
          {current && (
            <Card size="small" title={t('ca.form.settingsOf', { name: current.label['zh-CN'] || current.key })} className="block-gap">
              <FieldSettings field={current} all={fields} readOnly={readOnly} onChange={(f) => update(fields.indexOf(current), f)} />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" className="ca-preview-card">
            <Tabs
              size="small"
              items={[
                { key: 'preview', label: t('ca.form.preview'), children: <FormPreview fields={fields} /> },
                {
                  key: 'json',
                  label: t('ca.form.json'),
                  children: (
                    <pre className="ca-json" data-testid="form-json">
                      {JSON.stringify(form, null, 2)}
                    </pre>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
