/**
 * Chinese sentences for JSON Schema violations (Ajv, TypeBox, Fastify's request validation). The English
 * is the engine's own message; this gives the zh-CN one. Pure, so the web app uses it too.
 */

/** A JSON Schema violation as Ajv and TypeBox report it (their params differ slightly; both are read). */
export interface SchemaError {
  keyword: string;
  params?: Record<string, unknown> | null;
  message?: string;
}

const formatNamesZh: Record<string, string> = {
  'id-card': '居民身份证号码',
  phone: '电话号码（手机或固定电话）',
  'credit-code': '统一社会信用代码',
  'region-code': '行政区划代码',
  date: '日期（年-月-日）',
  'date-time': '日期时间',
  time: '时间',
  email: '电子邮箱',
  uri: '网址',
  url: '网址',
};
const typeNamesZh: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '“是/否”',
  array: '列表',
  object: '对象',
  null: '空值',
};
const comparisonsZh: Record<string, string> = { '>=': '不小于', '>': '大于', '<=': '不大于', '<': '小于' };
const boundComparison: Record<string, string> = { minimum: '>=', exclusiveMinimum: '>', maximum: '<=', exclusiveMaximum: '<' };

/**
 * The Chinese sentence for a schema violation of the value named `where` (a field label or a path,
 * quoted as the caller likes): the common keywords with their params, a generic sentence when the
 * keyword is another or its params are not given.
 */
export function schemaErrorZh(e: SchemaError, where: string): string {
  const p = e.params ?? {};
  const limit = typeof p.limit === 'number' || typeof p.limit === 'string' ? p.limit : undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join('、') : String(v));
  switch (e.keyword) {
    case 'required': {
      const missing = p.missingProperty ?? p.requiredProperties;
      return missing === undefined ? `${where}缺少必填项` : `${where}缺少必填项：${list(missing)}`;
    }
    case 'type': {
      const types = (Array.isArray(p.type) ? p.type.map(String) : typeof p.type === 'string' ? p.type.split(',') : []).map((t) => typeNamesZh[t] ?? t);
      return types.length ? `${where}应为${types.join('或')}` : `${where}的数据类型不正确`;
    }
    case 'format': {
      const format = typeof p.format === 'string' ? p.format : undefined;
      return format ? `${where}不是有效的${formatNamesZh[format] ?? format}` : `${where}的格式不正确`;
    }
    case 'minLength':
      return limit === undefined || Number(limit) <= 1 ? `${where}不能为空` : `${where}至少应有 ${limit} 个字符`;
    case 'maxLength':
      return limit === undefined ? `${where}超出长度上限` : `${where}不能超过 ${limit} 个字符`;
    case 'enum':
      return Array.isArray(p.allowedValues) ? `${where}只能是以下之一：${list(p.allowedValues)}` : `${where}不是可选的值`;
    case 'const':
      return p.allowedValue === undefined ? `${where}不是允许的值` : `${where}应为 ${list(p.allowedValue)}`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const comparison = typeof p.comparison === 'string' ? p.comparison : boundComparison[e.keyword]!;
      return limit === undefined ? `${where}超出允许的范围` : `${where}应${comparisonsZh[comparison] ?? comparison} ${limit}`;
    }
    case 'pattern':
      return `${where}的格式不正确`;
    case 'minItems':
      return limit === undefined ? `${where}的项数不足` : `${where}至少应有 ${limit} 项`;
    case 'maxItems':
      return limit === undefined ? `${where}的项数过多` : `${where}不能超过 ${limit} 项`;
    case 'uniqueItems':
      return `${where}中有重复的项`;
    case 'additionalProperties': {
      const extra = p.additionalProperty ?? p.additionalProperties;
      return extra === undefined ? `${where}含有不允许的字段` : `${where}含有不允许的字段：${list(extra)}`;
    }
    case 'anyOf':
    case 'oneOf':
      return `${where}不符合任何一种允许的形式`;
    default:
      return `${where}不符合要求`;
  }
}
