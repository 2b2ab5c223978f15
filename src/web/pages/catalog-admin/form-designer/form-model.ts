import type { ItemForm, Widget } from '../../../api/catalog-admin.ts';

/*
 * The form designer's model: a list of fields, each its JSON Schema property plus its UI hints, turned
 * back into the `{ schema, ui: { order, fields } }` that catalog.schemas.ts `Form` describes and
 * item-rules.ts `validateForm` checks (widgets fit their types, ID numbers use format id-card, phones
 * format phone, every field has labels in both languages and a place in the order).
 */

export type JsonSchema = Record<string, unknown>;
export type Labels = { 'zh-CN': string; en: string };

export interface FieldDef {
  key: string;
  widget: Widget;
  label: Labels;
  help?: string;
  /** the help in English (English pages show `help` where it is missing) */
  helpEn?: string;
  prefill?: string;
  required: boolean;
  /** The property's JSON Schema, kept whole so what the designer does not edit survives a round trip. */
  schema: JsonSchema;
}

export const fieldKeyPattern = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;

/** The column types a table field offers. */
export type ColumnType = 'string' | 'number' | 'date';
export interface TableColumn {
  key: string;
  title: string;
  /** the title in English (`x-title-en`, an annotation the server's Ajv leaves alone); empty: the Chinese title */
  titleEn?: string;
  type: ColumnType;
  required: boolean;
}

/** The schema a new field of each widget starts with. */
export function defaultSchema(widget: Widget): JsonSchema {
  switch (widget) {
    case 'text':
      return { type: 'string', maxLength: 100 };
    case 'textarea':
      return { type: 'string', maxLength: 2000 };
    case 'number':
      return { type: 'number', minimum: 0 };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'select':
      return { type: 'string', enum: ['选项一', '选项二'] };
    case 'region':
      return { type: 'string', format: 'region-code' };
    case 'id_number':
      return { type: 'string', format: 'id-card' };
    case 'phone':
      return { type: 'string', format: 'phone' };
    case 'address':
      return { type: 'string', maxLength: 200 };
    case 'table':
      return {
        type: 'array',
        minItems: 1,
        maxItems: 50,
        items: { type: 'object', properties: { name: { type: 'string', title: '名称', maxLength: 100 } }, required: ['name'] },
      };
    case 'file':
      return { type: 'string' };
  }
}

const keyStem: Record<Widget, string> = {
  text: 'text',
  textarea: 'description',
  number: 'amount',
  date: 'date',
  select: 'choice',
  region: 'region',
  id_number: 'idNumber',
  phone: 'phone',
  address: 'address',
  table: 'rows',
  file: 'attachment',
};

/** A new field of a widget, with a key not yet used and labels naming the widget. */
export function newField(widget: Widget, taken: readonly string[], label: Labels): FieldDef {
  let key = keyStem[widget];
  for (let n = 2; taken.includes(key); n++) key = `${keyStem[widget]}${n}`;
  return { key, widget, label, required: false, schema: { ...defaultSchema(widget), title: label['zh-CN'] } };
}

interface ObjectSchema {
  type?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  [k: string]: unknown;
}

/** Read a form: fields in the order the UI hints give, then any property the order forgot. */
export function formToFields(form: ItemForm): FieldDef[] {
  const schema = form.schema as ObjectSchema;
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const keys = [...form.ui.order.filter((k) => k in properties), ...Object.keys(properties).filter((k) => !form.ui.order.includes(k))];
  return [...new Set(keys)].map((key) => {
    const ui = form.ui.fields[key];
    const property = properties[key] ?? {};
    return {
      key,
      widget: ui?.widget ?? 'text',
      label: ui?.label ?? { 'zh-CN': String(property.title ?? key), en: key },
      help: ui?.help,
      helpEn: ui?.helpEn,
      prefill: ui?.prefill,
      required: required.has(key),
      schema: property,
    };
  });
}

/** Write the fields back as a form, keeping whatever else the form's schema says. */
export function fieldsToForm(fields: readonly FieldDef[], previous: ItemForm): ItemForm {
  const { properties: _p, required: _r, ...rest } = previous.schema as ObjectSchema;
  const properties: Record<string, JsonSchema> = {};
  const uiFields: ItemForm['ui']['fields'] = {};
  for (const f of fields) {
    properties[f.key] = { ...f.schema, title: f.label['zh-CN'] };
    uiFields[f.key] = {
      widget: f.widget,
      label: f.label,
      ...(f.help ? { help: f.help } : {}),
      ...(f.helpEn ? { helpEn: f.helpEn } : {}),
      ...(f.prefill ? { prefill: f.prefill } : {}),
    };
  }
  return {
    schema: { ...rest, type: 'object', properties, required: fields.filter((f) => f.required).map((f) => f.key) },
    ui: { order: fields.map((f) => f.key), fields: uiFields },
  };
}

/** What is wrong with a field as the server would see it (key, labels), for the designer's inline hints. */
export function fieldIssues(field: FieldDef, all: readonly FieldDef[]): ('key' | 'duplicate' | 'labelZh' | 'labelEn' | 'options' | 'columns')[] {
  const out: ReturnType<typeof fieldIssues> = [];
  if (!fieldKeyPattern.test(field.key)) out.push('key');
  if (all.filter((f) => f.key === field.key).length > 1) out.push('duplicate');
  if (!field.label['zh-CN'].trim()) out.push('labelZh');
  if (!field.label.en.trim()) out.push('labelEn');
  if (field.widget === 'select' && selectOptions(field.schema).length === 0) out.push('options');
  if (field.widget === 'table' && tableColumns(field.schema).length === 0) out.push('columns');
  return out;
}

/** A select's choices: `enum`, or `items.enum` when several may be chosen. */
export function selectOptions(schema: JsonSchema): (string | number)[] {
  const items = schema.items as JsonSchema | undefined;
  const list = (schema.type === 'array' ? items?.enum : schema.enum) as unknown;
  return Array.isArray(list) ? (list as (string | number)[]) : [];
}

export function isMultiple(schema: JsonSchema): boolean {
  return schema.type === 'array';
}

/** A select of one or several of `options`. */
export function selectSchema(schema: JsonSchema, options: string[], multiple: boolean): JsonSchema {
  const { enum: _e, items: _i, uniqueItems: _u, type: _t, ...rest } = schema;
  return multiple ? { ...rest, type: 'array', items: { type: 'string', enum: options }, uniqueItems: true } : { ...rest, type: 'string', enum: options };
}

/** A file field holds one file reference, or several. */
export function fileSchema(schema: JsonSchema, multiple: boolean): JsonSchema {
  const { items: _i, maxItems: _m, type: _t, ...rest } = schema;
  return multiple ? { ...rest, type: 'array', items: { type: 'string' }, maxItems: 10 } : { ...rest, type: 'string' };
}

export function tableColumns(schema: JsonSchema): TableColumn[] {
  const items = (schema.items ?? {}) as ObjectSchema;
  const required = new Set(items.required ?? []);
  return Object.entries(items.properties ?? {}).map(([key, p]) => ({
    key,
    title: String(p.title ?? key),
    ...(typeof p['x-title-en'] === 'string' ? { titleEn: p['x-title-en'] } : {}),
    type: p.format === 'date' ? 'date' : p.type === 'number' || p.type === 'integer' ? 'number' : 'string',
    required: required.has(key),
  }));
}

export function columnSchema(type: ColumnType, title: string): JsonSchema {
  if (type === 'number') return { type: 'number', title };
  if (type === 'date') return { type: 'string', title, format: 'date' };
  return { type: 'string', title, maxLength: 100 };
}

/** A table's row schema from its columns; a column whose type did not change keeps the rest of its schema. */
export function tableSchema(schema: JsonSchema, columns: readonly TableColumn[]): JsonSchema {
  const items = (schema.items ?? {}) as ObjectSchema;
  const before = items.properties ?? {};
  const properties: Record<string, JsonSchema> = {};
  for (const c of columns) {
    const prior = before[c.key];
    const sameType = prior && tableColumns({ items: { properties: { [c.key]: prior } } })[0]?.type === c.type;
    properties[c.key] = withKeyword(sameType ? { ...prior, title: c.title } : columnSchema(c.type, c.title), 'x-title-en', c.titleEn?.trim());
  }
  return { ...schema, type: 'array', items: { ...items, type: 'object', properties, required: columns.filter((c) => c.required).map((c) => c.key) } };
}

/** Set or clear (undefined, null or '') one keyword of a schema. */
export function withKeyword(schema: JsonSchema, keyword: string, value: unknown): JsonSchema {
  const next = { ...schema };
  if (value === undefined || value === null || value === '') delete next[keyword];
  else next[keyword] = value;
  return next;
}
