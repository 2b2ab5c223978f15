import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { BundleContent, ItemContent, themes, type ProcessNode, type StageNode } from './catalog.schemas.ts';
import { demoBundles, demoItems, itemTypeCodes } from './demo-catalog.ts';

/** The organizations created by src/server/seed/demo.ts (listed here so the test starts no database). */
const demoOrganizations = [
  '云州市政务服务管理局',
  '云州市市场监督管理局',
  '云州市公安局',
  '云州市人力资源和社会保障局',
  '云州市民政局',
  '云州市住房和城乡建设局',
  '云州市自然资源和规划局',
  '云州市卫生健康委员会',
  '云州市交通运输局',
  '云州市教育局',
  '云州市生态环境局',
  '云州市医疗保障局',
  '国家税务总局云州市税务局',
  '云州市残疾人联合会',
  '云州市12345政务服务便民热线中心',
  '青川区政务服务中心',
  '临江区政务服务中心',
];

/** Windows of the city hall in the demo seed. */
const demoWindows = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

const label = (i: { organization: string; baseCode: string; content: { name: string } }) => `${i.organization} ${i.baseCode} ${i.content.name}`;

function makeAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  for (const name of ['id-card', 'phone', 'region-code', 'credit-code']) ajv.addFormat(name, () => true);
  return ajv;
}

function* stagesOf(nodes: ProcessNode[]): Generator<StageNode> {
  for (const n of nodes) {
    if (n.kind === 'stage') yield n;
    else if (n.kind === 'parallel') for (const b of n.branches) yield* b;
  }
}

describe('demo catalog', () => {
  it('has enough items, organizations and bundles', () => {
    expect(demoItems.length).toBeGreaterThanOrEqual(44);
    expect(new Set(demoItems.map((i) => i.organization)).size).toBeGreaterThanOrEqual(11);
    expect(demoBundles.length).toBeGreaterThanOrEqual(2);
    const immediate = demoItems.filter((i) => i.content.caseKind === 'immediate').length / demoItems.length;
    expect(immediate).toBeGreaterThan(0.15);
    expect(immediate).toBeLessThan(0.4);
    expect(new Set(demoItems.map((i) => i.content.type)).size).toBeGreaterThanOrEqual(6);
  });

  it('validates every item against ItemContent', () => {
    for (const i of demoItems) {
      const errors = Value.Errors(ItemContent, i.content);
      expect(
        errors.map((e) => `${e.instancePath} ${e.message}`),
        label(i),
      ).toEqual([]);
      expect(Value.Check(ItemContent, i.content), label(i)).toBe(true);
    }
  });

  it('uses organizations of the demo seed', () => {
    for (const i of demoItems) expect(demoOrganizations, label(i)).toContain(i.organization);
    for (const b of demoBundles) {
      expect(demoOrganizations, b.code).toContain(b.organization);
      for (const r of b.items) expect(demoOrganizations, b.code).toContain(r.organization);
    }
  });

  it('has 12-digit base codes prefixed by the type code, unique per organization', () => {
    const seen = new Set<string>();
    for (const i of demoItems) {
      expect(i.baseCode, label(i)).toMatch(/^\d{12}$/);
      expect(i.baseCode.slice(0, 2), label(i)).toBe(itemTypeCodes[i.content.type]);
      const key = `${i.organization}/${i.baseCode}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('keeps limits consistent with the case kind', () => {
    for (const i of demoItems) {
      const c = i.content;
      expect(c.committedLimit.unit, label(i)).toBe(c.legalLimit.unit);
      expect(c.committedLimit.value, label(i)).toBeLessThanOrEqual(c.legalLimit.value);
      if (c.caseKind === 'immediate') {
        expect(c.legalLimit.value, label(i)).toBe(0);
        expect(c.committedLimit.value, label(i)).toBe(0);
        expect(c.committedLimit.unit, label(i)).toBe('workday');
      } else {
        expect(c.committedLimit.value, label(i)).toBeGreaterThan(0);
      }
    }
  });

  it('writes complete guides', () => {
    const knownThemes: readonly string[] = themes;
    for (const i of demoItems) {
      const c = i.content;
      expect(c.basis, label(i)).toMatch(/《.+》/);
      expect(c.conditions.length, label(i)).toBeGreaterThan(10);
      expect(c.materials.length, label(i)).toBeGreaterThanOrEqual(3);
      expect(c.materials.length, label(i)).toBeLessThanOrEqual(8);
      expect(c.faqs.length, label(i)).toBeGreaterThanOrEqual(1);
      expect(c.faqs.length, label(i)).toBeLessThanOrEqual(3);
      expect(c.keywords.length, label(i)).toBeGreaterThanOrEqual(3);
      expect(c.visitsRequired, label(i)).toBeLessThanOrEqual(2);
      expect(c.onlineDepth, label(i)).toBeGreaterThanOrEqual(2);
      for (const t of c.themes) expect(knownThemes, label(i)).toContain(t);
      const window = /^云州市政务服务中心 (\d+) 号窗口$/.exec(c.location)?.[1];
      expect(window && demoWindows.has(window), `${label(i)}: ${c.location}`).toBe(true);
      expect(c.consultPhone, label(i)).toMatch(/^0570-12345\d{3}$/);
      expect(c.complaintPhone).toBe('12345');
      expect(c.isChargeable, label(i)).toBe(c.fees.length > 0);
    }
  });

  it('describes materials soundly and uses the same key for the same thing', () => {
    const licenseTypeOfKey = new Map<string, string | undefined>();
    for (const i of demoItems) {
      const keys = new Set<string>();
      for (const m of i.content.materials) {
        expect(keys.has(m.key), `${label(i)}: ${m.key} twice`).toBe(false);
        keys.add(m.key);
        if (m.necessity === 'conditional') expect(m.condition, `${label(i)}: ${m.key}`).toBeTruthy();
        if (m.source === 'license') expect(m.licenseType, `${label(i)}: ${m.key}`).toBeTruthy();
        if (m.source === 'shared_data') expect(m.sourceNote, `${label(i)}: ${m.key}`).toBeTruthy();
        if (licenseTypeOfKey.has(m.key)) expect(m.licenseType, `${label(i)}: ${m.key}`).toBe(licenseTypeOfKey.get(m.key));
        else licenseTypeOfKey.set(m.key, m.licenseType);
      }
    }
    expect(licenseTypeOfKey.get('id_card')).toBe('居民身份证');
    expect(licenseTypeOfKey.get('business_license')).toBe('营业执照');
    expect(licenseTypeOfKey.get('household_register')).toBe('居民户口簿');
    expect(licenseTypeOfKey.get('property_certificate')).toBe('不动产权证书');
  });

  it('gives every item a form whose schema compiles and agrees with its UI hints', () => {
    const ajv = makeAjv();
    for (const i of demoItems) {
      const { schema, ui } = i.content.form;
      const props = schema.properties as Record<string, { type: string; format?: string; items?: { type: string; properties?: object } }>;
      const names = Object.keys(props);
      expect(schema.type, label(i)).toBe('object');
      expect(names.length, label(i)).toBeGreaterThanOrEqual(4);
      expect(names.length, label(i)).toBeLessThanOrEqual(10);
      expect(ui.order, label(i)).toEqual(names);
      expect(Object.keys(ui.fields).sort(), label(i)).toEqual([...names].sort());
      for (const r of schema.required as string[]) expect(names, label(i)).toContain(r);
      for (const n of names) {
        const w = ui.fields[n]!.widget;
        if (w === 'id_number') expect(props[n]!.format, `${label(i)}: ${n}`).toBe('id-card');
        if (w === 'phone') expect(props[n]!.format, `${label(i)}: ${n}`).toBe('phone');
        if (w === 'region') expect(props[n]!.format, `${label(i)}: ${n}`).toBe('region-code');
        if (w === 'date') expect(props[n]!.format, `${label(i)}: ${n}`).toBe('date');
        if (w === 'number') expect(['number', 'integer'], `${label(i)}: ${n}`).toContain(props[n]!.type);
        if (w === 'table') {
          expect(props[n]!.type, `${label(i)}: ${n}`).toBe('array');
          expect(props[n]!.items?.type, `${label(i)}: ${n}`).toBe('object');
          expect(props[n]!.items?.properties, `${label(i)}: ${n}`).toBeTruthy();
        }
      }
      expect(() => ajv.compile(schema), label(i)).not.toThrow();
    }
  });

  it('leaves how the result is received to the application (结果领取方式): no item form asks it again', () => {
    // a form's own 领取方式 or 邮寄地址 would ask twice and could disagree with the application's delivery choice
    for (const i of demoItems) {
      const props = i.content.form.schema.properties as Record<string, { title?: string }>;
      for (const [key, field] of Object.entries(props)) {
        expect(key, `${label(i)}: ${key}`).not.toMatch(/delivery|mailing|pickup/i);
        expect(field.title ?? '', `${label(i)}: ${key}`).not.toMatch(/领取方式|送达方式|邮寄|寄送/);
      }
    }
  });

  it('gives every item a process that starts with intake, decides and concludes within the legal limit', () => {
    for (const i of demoItems) {
      const c = i.content;
      const nodes = c.process.nodes;
      expect(nodes[0], label(i)).toMatchObject({ kind: 'stage', stage: 'receive' });
      const top = nodes.filter((n): n is StageNode => n.kind === 'stage').map((n) => n.stage);
      expect(top.includes('decide') || nodes.some((n) => n.kind === 'report_up'), label(i)).toBe(true);
      expect(top, label(i)).toContain('conclude');
      const ids = [...nodes.map((n) => n.id), ...nodes.flatMap((n) => (n.kind === 'parallel' ? n.branches.flat().map((s) => s.id) : []))];
      expect(new Set(ids).size, label(i)).toBe(ids.length);
      for (const n of nodes) if (n.kind === 'parallel') expect(n.branches.length, label(i)).toBeGreaterThanOrEqual(2);
      for (const s of stagesOf(nodes)) expect(s.assignee.organizationId, label(i)).toBeUndefined();
      const budget = nodes.reduce((sum, n) => sum + (n.kind !== 'parallel' && n.budget?.unit === c.legalLimit.unit ? n.budget.value : 0), 0);
      expect(budget, label(i)).toBeLessThanOrEqual(c.legalLimit.value);
    }
    const kinds = new Set(demoItems.flatMap((i) => i.content.process.nodes.map((n) => (n.kind === 'parallel' ? `parallel:${n.mode}` : n.kind))));
    expect(kinds).toContain('parallel:countersign');
    expect(kinds).toContain('report_up');
  });

  it('builds bundles from existing items', () => {
    const byKey = new Map(demoItems.map((i) => [`${i.organization}/${i.baseCode}`, i]));
    expect(new Set(demoBundles.map((b) => b.code)).size).toBe(demoBundles.length);
    expect(demoBundles.map((b) => b.code)).toEqual(expect.arrayContaining(['B-QYKB-001', 'B-GCJS-001']));
    for (const b of demoBundles) {
      expect(b.organization).toBe('云州市政务服务管理局');
      const items = b.items.map((r) => byKey.get(`${r.organization}/${r.baseCode}`));
      for (const [k, it] of items.entries()) expect(it, `${b.code}: ${b.items[k]!.organization}/${b.items[k]!.baseCode}`).toBeDefined();
      expect(new Set(b.items.map((r) => r.organization)).size, b.code).toBeGreaterThanOrEqual(2);
      const content = { ...b.content, itemCodes: b.items.map((r) => `${r.organization}/${r.baseCode}`) };
      expect(
        Value.Errors(BundleContent, content).map((e) => `${e.instancePath} ${e.message}`),
        b.code,
      ).toEqual([]);
      for (const it of items) {
        if (it!.content.committedLimit.unit === b.content.committedLimit.unit) {
          expect(it!.content.committedLimit.value, `${b.code}: ${label(it!)}`).toBeLessThanOrEqual(b.content.committedLimit.value);
        }
      }
    }
  });
});
