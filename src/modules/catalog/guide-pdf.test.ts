import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemContent, type Material } from './catalog.schemas.ts';
import { findCjkFont, renderGuidePdf, renderPowerListPdf, type GuideSubject } from './guide-pdf.ts';

const material = (key: string, name: string, more: Partial<Material> = {}): Material => ({
  key,
  name,
  kind: 'original',
  form: 'paper',
  necessity: 'required',
  count: 1,
  source: 'applicant',
  ...more,
});

const sample: ItemContent = {
  name: '食品经营许可（新办）',
  type: 'licensing',
  basis:
    '《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。\n《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）第六条。',
  powerSource: '法定本级行使',
  level: 'district',
  audience: ['person', 'enterprise'],
  themes: ['经营许可'],
  keywords: ['食品', '餐饮'],
  conditions:
    '1. 具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，保持该场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离。\n2. 具有与经营的食品品种、数量相适应的经营设备或者设施。\n3. 有专职或者兼职的食品安全管理人员和保证食品安全的规章制度。',
  caseKind: 'committed',
  legalLimit: { value: 20, unit: 'workday' },
  committedLimit: { value: 5, unit: 'workday', note: '不含现场核查时间' },
  visitsRequired: 1,
  onlineDepth: 3,
  anywhereScope: 'city',
  deliveryMethods: ['pickup', 'post', 'electronic'],
  location: '广州市天河区政务服务中心二楼市场监管综合窗口（天河路 123 号）',
  hours: '周一至周五 上午 9:00—12:00，下午 13:30—17:00（法定节假日除外）',
  consultPhone: '020-12345678',
  complaintPhone: '12345',
  isChargeable: false,
  fees: [],
  materials: [
    material('application_form', '食品经营许可申请书', { blankFormFile: 'application.docx', sampleFile: 'application-sample.pdf' }),
    material('id_card', '法定代表人（负责人）身份证件', { kind: 'copy', form: 'both', source: 'license', licenseType: '居民身份证' }),
    material('business_license', '营业执照', { kind: 'copy', form: 'both', source: 'shared_data' }),
    material('premises_plan', '经营场所平面布局图', { spec: 'A4 纸，标明各功能区面积' }),
    material('agent_authorization', '委托书及受托人身份证件', {
      necessity: 'conditional',
      condition: '委托他人代为办理的',
      kind: 'original_and_copy',
    }),
  ],
  form: { schema: { type: 'object', properties: {} }, ui: { order: [], fields: {} } },
  process: {
    nodes: [
      { kind: 'stage', id: 'receive', stage: 'receive', name: '受理', assignee: { role: 'clerk', org: 'center' }, budget: { value: 1, unit: 'workday' } },
      {
        kind: 'stage',
        id: 'review',
        stage: 'review',
        name: '审查',
        assignee: { role: 'approver', org: 'implementing' },
        budget: { value: 2, unit: 'workday' },
      },
      {
        kind: 'parallel',
        id: 'joint',
        name: '联合核查',
        mode: 'countersign',
        branches: [
          [
            {
              kind: 'stage',
              id: 'site',
              stage: 'custom',
              name: '现场核查',
              assignee: { role: 'clerk', org: 'implementing' },
              budget: { value: 1, unit: 'workday' },
            },
          ],
          [{ kind: 'stage', id: 'fire', stage: 'custom', name: '消防意见', assignee: { role: 'approver', org: 'implementing' } }],
        ],
      },
      { kind: 'stage', id: 'decide', stage: 'decide', name: '决定', assignee: { role: 'head', org: 'implementing' }, budget: { value: 1, unit: 'workday' } },
      { kind: 'stage', id: 'deliver', stage: 'deliver', name: '送达', assignee: { role: 'clerk', org: 'center' } },
    ],
  },
  resultType: 'license',
  resultName: '食品经营许可证',
  resultLicenseType: '食品经营许可证',
  commitmentApproval: false,
  supportsAppointment: true,
  supportsOnlinePayment: false,
  faqs: [
    {
      q: '食品经营许可证的有效期是多久？',
      a: '食品经营许可证有效期为五年。有效期届满需要继续经营的，应当在有效期届满前九十个工作日至十五个工作日期间向原发证机关提出延续申请。',
    },
    { q: '仅销售预包装食品需要办理许可吗？', a: '仅销售预包装食品的，无需取得许可，向所在地县级以上地方市场监督管理部门备案即可。' },
  ],
};

const subject = (content: ItemContent = sample): GuideSubject => ({
  code: '11440106MB2C12345X4442111001000',
  name: content.name,
  version: 3,
  organizationName: '广州市天河区市场监督管理局',
  regionName: '广东省广州市天河区',
  publishedAt: '2025-03-01T02:00:00Z',
  content,
  guideUrl: 'https://onewindow.example.gov.cn/guide/11440106MB2C12345X4442111001000',
});

let dir: string;
let fontsConf: string;

/** pdftotext with no system fonts visible: poppler would otherwise quietly substitute a font for a broken embedded one. */
function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer, args: string[] = []): { stdout: string; stderr: string } {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const r = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: fontsConf } });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr };
}

/** The text of the PDF without whitespace: pdftotext drops the narrow spaces of a CJK font ("第1页共1页"). */
const textOf = (pdf: Buffer) => {
  const { stdout, stderr } = poppler('pdftotext', pdf, ['-layout']);
  expect(stderr).toBe('');
  return stdout.replace(/\s+/g, '');
};
const squeeze = (s: string) => s.replace(/\s+/g, '');
const pageCount = (pdf: Buffer) => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf).stdout)?.[1]);

beforeAll(() => {
  if (spawnSync('pdftotext', ['-v']).error) {
    throw new Error('pdftotext is not installed: the PDF tests need poppler-utils (apt-get install poppler-utils).');
  }
  dir = mkdtempSync(path.join(tmpdir(), 'guide-pdf-'));
  fontsConf = path.join(dir, 'fonts.conf');
  writeFileSync(fontsConf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${dir}/fc-cache</cachedir></fontconfig>\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('service guide PDF', () => {
  it('uses a sample that the catalog schema accepts', () => {
    expect([...Value.Errors(ItemContent, sample)]).toEqual([]);
    expect(Value.Check(ItemContent, sample)).toBe(true);
  });

  it('finds an installed CJK font and reports none when no candidate exists', () => {
    expect(findCjkFont()).not.toBeNull();
    expect(findCjkFont([{ path: '/nonexistent/font.ttc' }])).toBeNull();
  });

  it('prints every element of the item, with glyphs poppler can read', async () => {
    const pdf = await renderGuidePdf(subject());
    const results = path.resolve(import.meta.dirname, '../../../test-results'); // kept for a look: pdftoppm -png -r 80
    mkdirSync(results, { recursive: true });
    writeFileSync(path.join(results, 'guide-sample.pdf'), pdf);
    const text = textOf(pdf);
    for (const expected of [
      '食品经营许可（新办）',
      '办事指南',
      '扫码查看网上办事指南',
      '一、事项基本信息',
      '行政许可',
      '承诺件',
      '20个工作日',
      '5个工作日（不含现场核查时间）',
      '全市通办',
      '三级（网上预审）',
      '020-12345678',
      '八、常见问题',
      '食品经营许可证的有效期是多久？',
      '可免提交（电子证照）',
      '并联（会签）',
      '情形必要',
      '不收费',
      '一次性告知：以上为办理本事项需要提交的全部材料，窗口工作人员不得要求申请人提交清单以外的材料。',
      '第 1 页 共',
    ]) {
      expect(text).toContain(squeeze(expected));
    }
    for (const m of sample.materials) expect(text).toContain(squeeze(m.name));
    const sections = [
      '一、事项基本信息',
      '二、设定依据',
      '三、受理条件',
      '四、申请材料（一次性告知）',
      '五、收费标准',
      '六、办理流程',
      '七、审批结果',
      '八、常见问题',
      '一次性告知：',
    ];
    const at = sections.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });

  it("states a license's period of validity and when it is renewed, and nothing of the kind for another result", async () => {
    const result = (text: string) => text.slice(text.indexOf('七、审批结果'), text.indexOf('八、常见问题'));
    // the sample's license names no period: 长期有效, and no renewal
    const lasting = result(textOf(await renderGuidePdf(subject())));
    expect(lasting).toContain('证照有效期长期有效');
    expect(lasting).not.toContain('延续申请');

    const fiveYears: ItemContent = { ...sample, resultValidity: { value: 5, unit: 'year' }, renewalLead: { value: 15, unit: 'workday' } };
    expect(Value.Check(ItemContent, fiveYears)).toBe(true);
    const five = result(textOf(await renderGuidePdf(subject(fiveYears))));
    expect(five).toContain('证照有效期5年');
    expect(five).toContain('延续申请有效期届满前15个工作日提出延续申请');
    expect(five.indexOf('电子证照')).toBeLessThan(five.indexOf('证照有效期'));
    // a window that opens near the end only: from when, to when
    const windowed = result(textOf(await renderGuidePdf(subject({ ...fiveYears, renewalOpens: { value: 90, unit: 'workday' } })))).replace(/\s+/g, '');
    expect(windowed).toContain('有效期届满前90个工作日至15个工作日期间提出延续申请');

    // the default lead: 30 days (行政许可法 art. 50)
    const sixMonths = result(textOf(await renderGuidePdf(subject({ ...sample, resultValidity: { value: 6, unit: 'month' } }))));
    expect(sixMonths).toContain('证照有效期6个月');
    expect(sixMonths).toContain('有效期届满前30日提出延续申请');

    const approval = result(textOf(await renderGuidePdf(subject({ ...sample, resultType: 'approval_document', resultLicenseType: null }))));
    expect(approval).toContain('批文');
    expect(approval).not.toContain('有效期');
  });

  it('continues the materials table over pages with its header row repeated', async () => {
    const materials = Array.from({ length: 60 }, (_, i) =>
      material(`m${i + 1}`, `第${i + 1}号申请材料`, i % 7 === 0 ? { notes: '需加盖单位公章，复印件注明“与原件一致”并签名。' } : {}),
    );
    const content: ItemContent = {
      ...sample,
      materials,
      isChargeable: true,
      fees: [
        {
          name: '登记费',
          standard: '每件 80 元',
          basis: '《关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
          reducible: true,
          reductionBasis: '小微企业免收',
        },
      ],
    };
    expect(Value.Check(ItemContent, content)).toBe(true);
    const pdf = await renderGuidePdf(subject(content));
    const text = textOf(pdf);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`第${pages}页共${pages}页`);
    expect(text.split('材料名称').length - 1).toBeGreaterThan(1);
    for (const m of materials) expect(text).toContain(m.name);
    expect(text).toContain('每件80元');
  });

  it('splits a row taller than a page instead of losing its text', async () => {
    const long = '因继承、遗赠取得不动产的，应当提交全部法定继承人或者受遗赠人的身份证明及亲属关系证明。'.repeat(11);
    const content: ItemContent = {
      ...sample,
      materials: [material('long', '继承相关材料', { necessity: 'conditional', condition: long.slice(0, 500), notes: long.slice(0, 1000) })],
    };
    expect(Value.Check(ItemContent, content)).toBe(true);
    const text = textOf(await renderGuidePdf(subject(content)));
    expect(text).toContain('继承相关材料');
    expect(text).toContain('一次性告知');
  });
});

describe('power list PDF', () => {
  const rows = [
    {
      organizationName: '广州市天河区市场监督管理局',
      type: 'licensing' as const,
      code: '114401060001',
      name: '食品经营许可',
      basis: sample.basis,
      legalLimit: sample.legalLimit,
    },
    {
      organizationName: '广州市天河区市场监督管理局',
      type: 'inspection' as const,
      code: '114401060002',
      name: '食品安全监督检查',
      basis: '《中华人民共和国食品安全法》第一百一十条',
      legalLimit: { value: 30, unit: 'day' as const },
    },
    {
      organizationName: '广州市天河区民政局',
      type: 'confirmation' as const,
      code: '114401060003',
      name: '最低生活保障对象认定',
      basis: '《社会救助暂行办法》'.repeat(20),
      legalLimit: { value: 30, unit: 'workday' as const },
    },
  ];

  it('groups items by organization and type on landscape A4', async () => {
    const pdf = await renderPowerListPdf(rows, '广州市天河区权力清单');
    const text = textOf(pdf);
    for (const expected of [
      '广州市天河区权力清单',
      '共 3 项',
      '一、广州市天河区市场监督管理局',
      '二、广州市天河区民政局',
      '（一）行政许可',
      '（二）行政检查',
      '（一）行政确认',
      '事项编码',
      '食品安全监督检查',
      '30个自然日',
    ]) {
      expect(text).toContain(squeeze(expected));
    }
    expect(text).toContain('…');
    expect(poppler('pdfinfo', pdf).stdout).toMatch(/Page size:\s+841\.89 x 595\.28 pts/);
  });
});
