import type { Form } from '../../../modules/catalog/catalog.schemas.ts';

/**
 * An item's application form as published: JSON Schema (what the server validates with Ajv) plus UI
 * hints (widget, label in both languages, order, help, prefill). This file reads the schema; the
 * components render it.
 */
export type FormSpec = Form;
export type Widget = FormSpec['ui']['fields'][string]['widget'];

/** The subset of JSON Schema item forms use. */
export interface FieldSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  title?: string;
  /** a table column's title in English (`title` is the Chinese); an annotation Ajv leaves alone */
  'x-title-en'?: string;
  description?: string;
  format?: string;
  enum?: (string | number)[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: FieldSchema;
  properties?: Record<string, FieldSchema>;
  required?: string[];
}

export interface FieldModel {
  name: string;
  schema: FieldSchema;
  widget: Widget;
  label: { 'zh-CN': string; en: string };
  help?: string;
  /** the help in English; English pages show `help` where it is missing */
  helpEn?: string;
  prefill?: string;
  required: boolean;
}

export interface ColumnModel {
  name: string;
  schema: FieldSchema;
  widget: Widget;
  /** the column's title in both languages: `title`, and `x-title-en` (or `title` again) */
  label: { 'zh-CN': string; en: string };
  required: boolean;
}

function objectSchema(spec: FormSpec): { properties: Record<string, FieldSchema>; required: string[] } {
  const s = spec.schema as { properties?: Record<string, FieldSchema>; required?: string[] };
  return { properties: s.properties ?? {}, required: s.required ?? [] };
}

/** The fields in the designer's order; fields the order forgot come last rather than vanish. */
export function fieldsOf(spec: FormSpec): FieldModel[] {
  const { properties, required } = objectSchema(spec);
  const names = [...spec.ui.order.filter((n) => properties[n]), ...Object.keys(properties).filter((n) => !spec.ui.order.includes(n))];
  return names.map((name) => {
    const schema = properties[name]!;
    const ui = spec.ui.fields[name];
    return {
      name,
      schema,
      widget: ui?.widget ?? inferWidget(schema),
      label: ui?.label ?? { 'zh-CN': schema.title ?? name, en: schema.title ?? name },
      help: ui?.help,
      helpEn: ui?.helpEn,
      prefill: ui?.prefill,
      required: required.includes(name),
    };
  });
}

/** A widget for a schema without UI hints (the columns of a table have none). */
export function inferWidget(schema: FieldSchema): Widget {
  if (schema.format === 'date') return 'date';
  if (schema.format === 'id-card') return 'id_number';
  if (schema.format === 'phone') return 'phone';
  if (schema.format === 'region-code') return 'region';
  if (schema.enum || schema.items?.enum) return 'select';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.type === 'array') return 'table';
  if ((schema.maxLength ?? 0) > 300) return 'textarea';
  return 'text';
}

/**
 * The columns of a table field. PostgreSQL's jsonb does not keep key order, so the order comes from
 * `required` (an array keeps it) and then the remaining properties.
 */
export function columnsOf(schema: FieldSchema): ColumnModel[] {
  const row = schema.items ?? {};
  const properties = row.properties ?? {};
  const required = row.required ?? [];
  const names = [...required.filter((n) => properties[n]), ...Object.keys(properties).filter((n) => !required.includes(n))];
  return names.map((name) => ({
    name,
    schema: properties[name]!,
    widget: inferWidget(properties[name]!),
    label: { 'zh-CN': properties[name]!.title ?? name, en: properties[name]!['x-title-en'] || (properties[name]!.title ?? name) },
    required: required.includes(name),
  }));
}

/** Who is applying, as far as the form may prefill from (masked values are never prefilled). */
export interface PrefillSource {
  name?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  legalRepresentative?: string | null;
}

const isMasked = (v: string) => v.includes('*');

/** Initial values for fields whose UI hint says `prefill: "applicant.<field>"`. */
export function prefillValues(spec: FormSpec, source: PrefillSource | null | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (!source) return values;
  for (const f of fieldsOf(spec)) {
    const path = f.prefill?.match(/^applicant\.(\w+)$/)?.[1] as keyof PrefillSource | undefined;
    const value = path ? source[path] : undefined;
    if (typeof value === 'string' && value && !isMasked(value)) values[f.name] = value;
  }
  return values;
}

/**
 * 实名: the fields of the applicant's own number — prefilled from `applicant.idNumber`, an ID-card field for a person, a
 * credit-code field for an enterprise — with the masked number to show. The server fills them from the applicant's
 * record, so the form shows them and sends nothing for them.
 */
export function recordBoundFields(spec: FormSpec, source: (PrefillSource & { kind?: string }) | null | undefined): Map<string, string> {
  const bound = new Map<string, string>();
  if (!source?.idNumber || !source.kind) return bound;
  for (const f of fieldsOf(spec))
    if (f.prefill === 'applicant.idNumber' && (source.kind === 'person' ? f.widget === 'id_number' : f.schema.format === 'credit-code'))
      bound.set(f.name, source.idNumber);
  return bound;
}

/** Which prefilled fields could not be filled because the source only has a masked value. */
export function maskedPrefills(spec: FormSpec, source: PrefillSource | null | undefined): FieldModel[] {
  if (!source) return [];
  return fieldsOf(spec).filter((f) => {
    const path = f.prefill?.match(/^applicant\.(\w+)$/)?.[1] as keyof PrefillSource | undefined;
    const value = path ? source[path] : undefined;
    return typeof value === 'string' && isMasked(value);
  });
}

function clean(schema: FieldSchema, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const v = value.trim();
    if (!v) return undefined;
    return schema.format === 'id-card' || schema.format === 'credit-code' ? v.toUpperCase() : v;
  }
  if (Array.isArray(value)) {
    if (schema.items?.type === 'object') {
      const rows = value.map((row) => cleanObject(schema.items!, (row ?? {}) as Record<string, unknown>));
      return rows.filter((r) => Object.keys(r).length > 0);
    }
    const items = value.map((v) => clean(schema.items ?? {}, v)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  return value;
}

function cleanObject(schema: FieldSchema, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    const v = clean(s, values[name]);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** The form's values as the server's schema expects them: trimmed, empty optional fields left out, IDs in upper case. */
export function toFormData(spec: FormSpec, values: Record<string, unknown>): Record<string, unknown> {
  return cleanObject(spec.schema as FieldSchema, values);
}
