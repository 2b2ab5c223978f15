import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Words of government services the general dictionary splits wrongly. */
const domainWords = [
  '公租房',
  '廉租房',
  '残疾人证',
  '残疾证',
  '低保',
  '一件事',
  '不动产',
  '不动产权证',
  '社保卡',
  '公积金',
  '身份证',
  '户口簿',
  '营业执照',
  '施工许可',
  '竣工验收',
  '联合验收',
  '环评',
  '食品经营',
  '个体工商户',
  '创业担保贷款',
  '高龄津贴',
  '医疗救助',
  '失业登记',
  '出生医学证明',
  '从业资格',
];

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(domainWords.map((w) => `${w} 100000 n`).join('\n')));
  }
  return jieba;
}

/** What people type, and the words the catalog uses for it. */
const synonyms: Record<string, string[]> = {
  公租房: ['公共租赁住房'],
  廉租房: ['公共租赁住房'],
  低保: ['最低生活保障'],
  残疾证: ['残疾人证'],
  开公司: ['企业开办', '设立登记'],
  开店: ['个体工商户', '食品经营'],
  执照: ['营业执照', '许可证'],
  迁户口: ['户口迁移'],
  上户口: ['户口登记', '出生登记'],
  社保: ['社会保险'],
  医保: ['医疗保障', '医疗保险'],
};

const stop = new Set(['的', '了', '和', '与', '及', '或', '我', '要', '想', '办', '个', '怎么', '如何', '在', '哪里', '申请', '办理', '我想', '需要', '什么']);

/** Split text into search words: jieba's search mode, punctuation and stop words removed. */
export function tokenize(text: string): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const w of segmenter().cutForSearch(text, true)) {
    const t = w.trim().toLowerCase();
    if (!t || /^[\p{P}\p{S}\s]+$/u.test(t) || stop.has(t)) continue;
    out.add(t);
  }
  return [...out];
}

/** Query words plus their synonyms' words. */
export function queryTokens(q: string): string[] {
  const words = new Set(tokenize(q));
  for (const [k, vs] of Object.entries(synonyms)) {
    if (q.includes(k)) for (const v of vs) for (const t of tokenize(v)) words.add(t);
  }
  // single characters match too much; keep them only when nothing longer is left
  const long = [...words].filter((w) => [...w].length > 1);
  return long.length ? long : [...words];
}

/** A tsquery (simple configuration) matching any of the words, or null when there are none. */
export function toTsQuery(tokens: string[]): string | null {
  const safe = tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean);
  return safe.length ? safe.map((t) => `'${t}'`).join(' | ') : null;
}
