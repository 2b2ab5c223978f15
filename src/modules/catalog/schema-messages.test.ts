import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { schemaErrorZh, type SchemaError } from './schema-messages.ts';

describe('schemaErrorZh', () => {
  it('states the common Ajv keywords with their params', () => {
    const zh = (keyword: string, params: Record<string, unknown>) => schemaErrorZh({ keyword, params }, '「联系电话」');
    expect(zh('required', { missingProperty: 'phone' })).toBe('「联系电话」缺少必填项：phone');
    expect(zh('type', { type: 'integer' })).toBe('「联系电话」应为整数');
    expect(zh('format', { format: 'phone' })).toBe('「联系电话」不是有效的电话号码（手机或固定电话）');
    expect(zh('minLength', { limit: 1 })).toBe('「联系电话」不能为空');
    expect(zh('minLength', { limit: 7 })).toBe('「联系电话」至少应有 7 个字符');
    expect(zh('maxLength', { limit: 20 })).toBe('「联系电话」不能超过 20 个字符');
    expect(zh('enum', { allowedValues: ['a', 'b'] })).toBe('「联系电话」只能是以下之一：a、b');
    expect(zh('minimum', { comparison: '>=', limit: 0 })).toBe('「联系电话」应不小于 0');
    expect(zh('maximum', { comparison: '<=', limit: 9 })).toBe('「联系电话」应不大于 9');
    expect(zh('pattern', { pattern: '^1' })).toBe('「联系电话」的格式不正确');
    expect(zh('minItems', { limit: 2 })).toBe('「联系电话」至少应有 2 项');
    expect(zh('additionalProperties', { additionalProperty: 'x' })).toBe('「联系电话」含有不允许的字段：x');
    expect(zh('dependentRequired', {})).toBe('「联系电话」不符合要求');
  });

  it('reads TypeBox errors, and says something sensible when the params are missing', () => {
    const S = Type.Object({ name: Type.String({ minLength: 1 }), count: Type.Integer({ minimum: 1 }) });
    const errors = [...Value.Errors(S, { name: '', count: 0 })].map((e) => schemaErrorZh(e as SchemaError, e.instancePath));
    expect(errors).toEqual(['/name不能为空', '/count应不小于 1']);
    expect(schemaErrorZh([...Value.Errors(S, {})][0] as SchemaError, '事项内容')).toBe('事项内容缺少必填项：name、count');
    expect(schemaErrorZh({ keyword: 'type' }, '「fees」')).toBe('「fees」的数据类型不正确');
    expect(schemaErrorZh({ keyword: 'maxLength' }, '「name」')).toBe('「name」超出长度上限');
  });
});
