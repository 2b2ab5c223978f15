import type { FormRule } from 'antd';
import { isValidCreditCode, isValidIdCardNumber, isValidPhone, isValidRegionCode } from '../../../common/validators.ts';
import type { CaseT } from '../../i18n/cases-pages.ts';
import type { FieldSchema } from './model.ts';

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** The formats item forms use, checked by the same functions the server's Ajv uses. */
const formats: Record<string, { check: (v: string) => boolean; message: Parameters<CaseT>[0] }> = {
  'id-card': { check: (v) => isValidIdCardNumber(v.toUpperCase()), message: 'form.invalidIdCard' },
  phone: { check: isValidPhone, message: 'form.invalidPhone' },
  'credit-code': { check: (v) => isValidCreditCode(v.toUpperCase()), message: 'form.invalidCreditCode' },
  'region-code': { check: isValidRegionCode, message: 'sf.invalidRegion' },
  date: { check: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), message: 'sf.invalidDate' },
  email: { check: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), message: 'sf.invalidEmail' },
};

/** antd rules for one field from its JSON Schema: required, lengths, pattern, bounds, enum, formats. */
export function rulesFor(schema: FieldSchema, label: string, required: boolean, t: CaseT): FormRule[] {
  const rules: FormRule[] = [];
  if (required) {
    rules.push({
      validator: (_r, v: unknown) =>
        empty(v) ? Promise.reject(new Error(t(schema.type === 'array' ? 'sf.requiredRows' : 'form.required', { label }))) : Promise.resolve(),
    });
  }
  rules.push({
    validator: (_r, value: unknown) => {
      if (empty(value)) return Promise.resolve();
      const problem = check(schema, value, t);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  });
  return rules;
}

function check(schema: FieldSchema, value: unknown, t: CaseT): string | null {
  if (typeof value === 'string') {
    const v = value.trim();
    const length = [...v].length;
    if (schema.minLength !== undefined && length < schema.minLength) return t('sf.minLength', { n: schema.minLength });
    if (schema.maxLength !== undefined && length > schema.maxLength) return t('sf.maxLength', { n: schema.maxLength });
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(v)) return t('sf.pattern');
    if (schema.enum && !schema.enum.includes(v)) return t('sf.notAnOption');
    const format = schema.format ? formats[schema.format] : undefined;
    if (format && !format.check(v)) return t(format.message);
    return null;
  }
  if (typeof value === 'number') {
    if (schema.type === 'integer' && !Number.isInteger(value)) return t('sf.integer');
    if (schema.minimum !== undefined && value < schema.minimum) return t('sf.minimum', { n: schema.minimum });
    if (schema.maximum !== undefined && value > schema.maximum) return t('sf.maximum', { n: schema.maximum });
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return t('sf.exclusiveMinimum', { n: schema.exclusiveMinimum });
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return t('sf.exclusiveMaximum', { n: schema.exclusiveMaximum });
    if (schema.enum && !schema.enum.includes(value)) return t('sf.notAnOption');
    return null;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return t('sf.minItems', { n: schema.minItems });
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return t('sf.maxItems', { n: schema.maxItems });
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) return t('sf.unique');
    return null;
  }
  return null;
}
