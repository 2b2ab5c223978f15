import { describe, expect, it } from 'vitest';
import { formToFields, fieldsToForm, tableColumns, tableSchema } from './form-model.ts';
import { columnsOf, type FieldSchema } from '../../../components/schema-form/model.ts';

describe("a table field's columns in the form designer", () => {
  const schema = {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      properties: {
        name: { type: 'string', title: '股东名称或姓名', maxLength: 100, 'x-title-en': 'Shareholder' },
        subscribed: { type: 'number', title: '认缴出资额（万元）', minimum: 0 },
      },
      required: ['name'],
    },
  };

  it('read their titles in both languages, the English falling back to the Chinese', () => {
    expect(tableColumns(schema)).toEqual([
      { key: 'name', title: '股东名称或姓名', titleEn: 'Shareholder', type: 'string', required: true },
      { key: 'subscribed', title: '认缴出资额（万元）', type: 'number', required: false },
    ]);
    expect(columnsOf(schema as FieldSchema).map((c) => c.label)).toEqual([
      { 'zh-CN': '股东名称或姓名', en: 'Shareholder' },
      { 'zh-CN': '认缴出资额（万元）', en: '认缴出资额（万元）' },
    ]);
  });

  it('write an English title given, clear one emptied, and keep the rest of each column', () => {
    const [name, subscribed] = tableColumns(schema);
    const next = tableSchema(schema, [
      { ...name!, titleEn: '' },
      { ...subscribed!, titleEn: ' Subscribed (10,000 yuan) ' },
    ]) as { items: { properties: Record<string, Record<string, unknown>> } };
    expect(next.items.properties.name).toEqual({ type: 'string', title: '股东名称或姓名', maxLength: 100 });
    expect(next.items.properties.subscribed).toEqual({ type: 'number', title: '认缴出资额（万元）', minimum: 0, 'x-title-en': 'Subscribed (10,000 yuan)' });
    // the round trip gives back what was written
    expect(tableColumns(next).map((c) => c.titleEn)).toEqual([undefined, 'Subscribed (10,000 yuan)']);
  });
});

describe("a field's help in the form designer", () => {
  it('keeps the English help beside the Chinese, and leaves out an empty one', () => {
    const form = {
      schema: { type: 'object', properties: { companyName: { type: 'string', title: '企业名称' } }, required: ['companyName'] },
      ui: {
        order: ['companyName'],
        fields: {
          companyName: { widget: 'text' as const, label: { 'zh-CN': '企业名称', en: 'Company name' }, help: '与名称自主申报结果一致', helpEn: 'As declared' },
        },
      },
    };
    const [field] = formToFields(form);
    expect(field).toMatchObject({ help: '与名称自主申报结果一致', helpEn: 'As declared' });
    expect(fieldsToForm([field!], form).ui.fields.companyName).toEqual(form.ui.fields.companyName);
    expect(fieldsToForm([{ ...field!, helpEn: undefined }], form).ui.fields.companyName).not.toHaveProperty('helpEn');
  });
});
