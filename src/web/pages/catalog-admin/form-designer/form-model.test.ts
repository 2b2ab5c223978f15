import { describe, expect, it } from 'vitest';
import { tableColumns, tableSchema } from './form-model.ts';
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
