import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { itemContent } from '../../../test/factories.ts';
import { pdfReader } from '../../../test/pdf.ts';
import type { ItemContent } from './catalog.schemas.ts';

let server: TestServer;
let admin: Client;
let reviewer: Client;
let market: number;
let qcCenter: number;
beforeAll(async () => {
  server = await startTestServer();
  admin = await signIn(server, 'catalogadmin');
  reviewer = await signIn(server, 'centeradmin');
  market = (await server.sql("SELECT id FROM organization WHERE name = '云州市市场监督管理局'")).rows[0].id;
  qcCenter = (await server.sql("SELECT id FROM organization WHERE name = '青川区政务服务中心'")).rows[0].id;
});
afterAll(async () => {
  await server?.close();
});

const pub = async (path: string) => {
  const r = await fetch(server.baseUrl + path);
  return { status: r.status, body: (await r.json()) as any };
};

async function publishNew(baseCode: string, overrides = {}) {
  const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode, content: itemContent(overrides) });
  expect(created.status).toBe(201);
  expect((await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`)).status).toBe(200);
  expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).status).toBe(200);
  return created.body as { id: number; code: string };
}

/** The text of an item's printed guide, without whitespace (read by poppler with the system's fonts hidden). */
async function guideText(code: string): Promise<string> {
  const r = await fetch(`${server.baseUrl}/api/v1/catalog/items/${code}/guide.pdf`);
  expect(r.status).toBe(200);
  const reader = pdfReader();
  try {
    const file = path.join(reader.dir, 'guide.pdf');
    writeFileSync(file, Buffer.from(await r.arrayBuffer()));
    return reader.poppler('pdftotext', file, '-enc', 'UTF-8').replace(/\s+/g, '');
  } finally {
    reader.close();
  }
}

/** A cell of a sheet row by its column's header, as text. */
const text = (row: ExcelJS.Row, header: string[], column: string) => String(row.getCell(header.indexOf(column)).value ?? '');

describe('spreadsheet import and export', () => {
  it('exports the catalog and re-imports it as new drafts', async () => {
    const r = await fetch(`${server.baseUrl}/api/v1/catalog/admin/export.xlsx`, { headers: { cookie: admin.cookie } });
    expect(r.status).toBe(200);
    const data = Buffer.from(await r.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('事项')!;
    expect(sheet.rowCount).toBeGreaterThan(40);
    // 告知承诺制's check period goes out with the item that names one, and comes back in with it
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const health = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(header.indexOf('事项名称')).value === '公共场所卫生许可')!;
    expect([health.getCell(header.indexOf('告知承诺核查时限')).value, health.getCell(header.indexOf('核查时限单位')).value]).toEqual([90, '自然日']);
    // a time limit's note goes out beside it
    expect(health.getCell(header.indexOf('核查时限说明')).value).toBe('作出许可决定之日起 3 个月内现场核查');
    expect(health.getCell(header.indexOf('法定时限说明')).value).toBe('自受理之日起 20 日内作出决定');
    // a material that may follow after acceptance is written 容缺后补
    const mats = book.getWorksheet('材料')!;
    const mh = (mats.getRow(1).values as unknown[]).map(String);
    const rules = mats.getRows(2, mats.rowCount - 1)!.find((row) => row.getCell(mh.indexOf('材料标识')).value === 'hygiene_rules')!;
    expect(rules.getCell(mh.indexOf('必要性')).value).toBe('容缺后补');
    const dry = await admin.post('/api/v1/catalog/admin/import', { content: data.toString('base64'), dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.updated).toBeGreaterThan(40);
    expect(dry.body.created).toBe(0);

    // 证照有效期 and 延续申请时限 go out with the items that name them (empty: 长期有效, the default lead) …
    const validityColumns = ['证照有效期', '有效期单位', '延续申请时限', '延续时限单位', '延续受理起始时限', '起始时限单位'];
    const itemRow = (name: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(header.indexOf('事项名称')).value === name)!;
    const validityOf = (row: ExcelJS.Row) => validityColumns.map((h) => row.getCell(header.indexOf(h)).value ?? '');
    const food = itemRow('食品经营许可');
    expect(validityOf(food)).toEqual([5, '年', 15, '工作日', 90, '工作日']);
    expect(validityOf(health)).toEqual([4, '年', '', '', '', '']);
    // 补正期限: 30 days for a market registration, 15 working days for most permits, empty for an item without one
    const supplementOf = (row: ExcelJS.Row) => ['补正期限', '补正期限单位'].map((h) => row.getCell(header.indexOf(h)).value ?? '');
    expect(supplementOf(food)).toEqual([15, '工作日']);
    expect(supplementOf(health)).toEqual([15, '工作日']);
    expect(supplementOf(itemRow('企业登记档案查询'))).toEqual(['', '']);
    const nonLicense = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(header.indexOf('审批结果类型')).value === '批文');
    if (nonLicense) expect(validityOf(nonLicense)).toEqual(['', '', '', '', '', '']);
    // 企业设立登记's license: its type, the particulars it prints and the company its grant registers
    const company = itemRow('企业设立登记');
    expect([company.getCell(header.indexOf('电子证照类型')).value, company.getCell(header.indexOf('证照载明字段')).value]).toEqual([
      '营业执照',
      'companyType，registeredCapital，businessScope',
    ]);
    expect(supplementOf(company)).toEqual([30, '自然日']);
    expect(JSON.parse(String(company.getCell(header.indexOf('登记设立主体JSON')).value))).toEqual({
      nameField: 'companyName',
      legalRepresentativeField: 'legalRepName',
      addressField: 'domicile',
    });
    // … and come back in with them: the items copied under new base codes become new drafts with the same validity
    const copies = new Map([
      [`${text(company, header, '实施机构统一社会信用代码')}/${text(company, header, '基本编码')}`, '019900000197'],
      [`${text(food, header, '实施机构统一社会信用代码')}/${text(food, header, '基本编码')}`, '019900000198'],
      [`${text(health, header, '实施机构统一社会信用代码')}/${text(health, header, '基本编码')}`, '019900000199'],
    ]);
    const copy = new ExcelJS.Workbook();
    for (const name of ['事项', '材料', '收费']) {
      const from = book.getWorksheet(name)!;
      const h = (from.getRow(1).values as unknown[]).map(String);
      const to = copy.addWorksheet(name);
      to.addRow(h.slice(1));
      from.eachRow((row, n) => {
        const base = copies.get(`${text(row, h, '实施机构统一社会信用代码')}/${text(row, h, '基本编码')}`);
        if (n === 1 || !base) return;
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        values[h.indexOf('基本编码') - 1] = base;
        // the hygiene permit's copy comes back without a supplement period: an empty cell is none
        if (name === '事项' && base === '019900000199') for (const c of ['补正期限', '补正期限单位']) values[h.indexOf(c) - 1] = '';
        to.addRow(values);
      });
    }
    const imported = await admin.post('/api/v1/catalog/admin/import', {
      content: Buffer.from(await copy.xlsx.writeBuffer()).toString('base64'),
      dryRun: false,
    });
    expect(imported.status).toBe(200);
    expect(imported.body.created).toBe(3);
    const { rows } = await server.sql(
      `SELECT i.base_code, v.content->'resultValidity' AS validity, v.content->'renewalLead' AS lead, v.content->'renewalOpens' AS opens,
              v.content->'supplementPeriod' AS supplement
         FROM item i JOIN item_version v ON v.item_id = i.id WHERE i.base_code IN ('019900000198', '019900000199') ORDER BY i.base_code`,
    );
    const registers = await server.sql(
      `SELECT v.content->>'resultLicenseType' AS type, v.content->'resultFields' AS fields, v.content->'establishes' AS establishes,
              v.content->'supplementPeriod' AS supplement
         FROM item i JOIN item_version v ON v.item_id = i.id WHERE i.base_code = '019900000197'`,
    );
    expect(registers.rows).toEqual([
      {
        type: '营业执照',
        fields: ['companyType', 'registeredCapital', 'businessScope'],
        establishes: { nameField: 'companyName', legalRepresentativeField: 'legalRepName', addressField: 'domicile' },
        supplement: { value: 30, unit: 'day' },
      },
    ]);
    expect(rows).toEqual([
      {
        base_code: '019900000198',
        validity: { value: 5, unit: 'year' },
        lead: { value: 15, unit: 'workday' },
        opens: { value: 90, unit: 'workday' },
        supplement: { value: 15, unit: 'workday' },
      },
      { base_code: '019900000199', validity: { value: 4, unit: 'year' }, lead: null, opens: null, supplement: null },
    ]);
    // … and the notes of its time limits come back with it
    const notes = await server.sql(
      `SELECT v.content->'commitmentCheck' AS "check", v.content->'legalLimit'->>'note' AS legal, v.content->'committedLimit'->>'note' AS committed
         FROM item i JOIN item_version v ON v.item_id = i.id WHERE i.base_code = '019900000199'`,
    );
    expect(notes.rows).toEqual([
      {
        check: { value: 90, unit: 'day', note: '作出许可决定之日起 3 个月内现场核查' },
        legal: '自受理之日起 20 日内作出决定',
        committed: '选择告知承诺的当场发证，3 个月内核查',
      },
    ]);
  });

  it('reports every bad row and saves nothing', async () => {
    const book = new ExcelJS.Workbook();
    const items = book.addWorksheet('事项');
    const materials = book.addWorksheet('材料');
    book.addWorksheet('收费').addRow(['实施机构统一社会信用代码', '基本编码', '收费项目', '收费标准', '收费依据', '是否允许减免', '减免依据']);
    const org = (await server.sql('SELECT credit_code FROM organization WHERE id = $1', [market])).rows[0].credit_code;
    const header = [
      '实施机构统一社会信用代码',
      '基本编码',
      '事项名称',
      '事项类型',
      '办件类型',
      '法定办结时限',
      '法定时限单位',
      '承诺办结时限',
      '承诺时限单位',
      '设定依据',
      '受理条件',
      '到现场次数',
      '网上办理深度',
      '通办范围',
      '送达方式',
      '办理地点',
      '办理时间',
      '咨询电话',
      '监督投诉电话',
      '服务对象',
      '主题',
      '关键词',
      '审批结果类型',
      '审批结果名称',
      '是否告知承诺制',
      '是否收费',
      '是否支持预约',
      '是否支持网上支付',
      '表单JSON',
      '流程JSON',
    ];
    items.addRow(header);
    const good = [
      org,
      '019900000100',
      '导入的好事项',
      '行政许可',
      '承诺件',
      20,
      '工作日',
      5,
      '工作日',
      '《测试条例》',
      '条件',
      1,
      3,
      '全市通办',
      '窗口领取，邮寄',
      '5 号窗口',
      '工作日',
      '0570-1',
      '12345',
      '法人',
      '经营许可',
      '导入',
      '证照',
      '导入许可证',
      '否',
      '否',
      '是',
      '否',
      '',
      '',
    ];
    items.addRow(good);
    items.addRow([
      org,
      '01990000010X',
      '坏编码',
      '行政许可',
      '承诺件',
      20,
      '工作日',
      5,
      '工作日',
      '依据',
      '条件',
      1,
      3,
      '全市通办',
      '邮寄',
      '地点',
      '时间',
      '电话',
      '12345',
      '法人',
      '',
      '',
      '证照',
      '证',
      '否',
      '否',
      '否',
      '否',
      '',
      '',
    ]);
    items.addRow([
      org,
      '019900000102',
      '坏类型',
      '行政许可证',
      '马上办',
      20,
      '天',
      30,
      '工作日',
      '依据',
      '条件',
      1,
      3,
      '全市通办',
      '邮寄',
      '地点',
      '时间',
      '电话',
      '12345',
      '法人',
      '',
      '',
      '证照',
      '证',
      '否',
      '否',
      '否',
      '否',
      '',
      '',
    ]);
    materials.addRow([
      '实施机构统一社会信用代码',
      '基本编码',
      '材料标识',
      '材料名称',
      '原件/复印件',
      '纸质/电子',
      '必要性',
      '情形说明',
      '份数',
      '来源',
      '证照类型',
    ]);
    materials.addRow([org, '019900000100', 'application_form', '申请书', '原件', '纸质', '必要', '', 1, '申请人', '']);
    materials.addRow([org, '019900000100', 'Bad Key', '坏材料', '原件', '纸质', '很必要', '', 0, '申请人', '']);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const before = (await server.sql('SELECT count(*)::int AS n FROM item')).rows[0].n;
    const r = await admin.post('/api/v1/catalog/admin/import', { content });
    expect(r.status).toBe(400);
    const errors = r.body.error.details.errors as { sheet: string; row: number; column?: string }[];
    const at = errors.map((e) => `${e.sheet}:${e.row}:${e.column ?? ''}`);
    expect(at).toEqual(
      expect.arrayContaining([
        '事项:3:基本编码',
        '事项:4:事项类型',
        '事项:4:办件类型',
        '事项:4:法定时限单位',
        '材料:3:材料标识',
        '材料:3:必要性',
        '材料:3:份数',
      ]),
    );
    expect(errors.filter((e) => e.sheet === '事项' && e.row === 2)).toEqual([]);
    // every row error says it in Chinese (for the workbench) and in English (for API users)
    const full = r.body.error.details.errors as { sheet: string; row: number; column?: string; message: string; messageZh: string }[];
    expect(full.every((e) => e.message && e.messageZh && e.messageZh !== e.message)).toBe(true);
    expect(full).toEqual(
      expect.arrayContaining([
        { sheet: '事项', row: 3, column: '基本编码', message: '12 digits', messageZh: '基本编码应为 12 位数字' },
        { sheet: '材料', row: 3, column: '份数', message: 'a whole number ≥ 1', messageZh: '份数应为不小于 1 的整数' },
        {
          sheet: '材料',
          row: 3,
          column: '必要性',
          message: '"很必要" is not one of 必要 / 容缺后补 / 情形必要 / 非必要',
          messageZh: '「很必要」不是可选的值，应为：必要 / 容缺后补 / 情形必要 / 非必要',
        },
      ]),
    );
    expect((await server.sql('SELECT count(*)::int AS n FROM item')).rows[0].n).toBe(before);
  });

  it("places an item's broken rules in the cells a person finds them at, under the sheet's own headers", async () => {
    const book = new ExcelJS.Workbook();
    const org = (await server.sql('SELECT credit_code FROM organization WHERE id = $1', [market])).rows[0].credit_code;
    // prettier-ignore
    book.addWorksheet('事项').addRows([
      ['实施机构统一社会信用代码', '基本编码', '事项名称', '事项类型', '办件类型', '法定办结时限', '法定时限单位', '承诺办结时限', '承诺时限单位', '设定依据', '受理条件', '到现场次数', '网上办理深度', '通办范围', '送达方式', '办理地点', '办理时间', '咨询电话', '监督投诉电话', '服务对象', '主题', '关键词', '审批结果类型', '审批结果名称', '是否告知承诺制', '是否收费', '是否支持预约', '是否支持网上支付', '表单JSON', '流程JSON'],
      [org, '019900000110', '即办却有时限', '行政许可', '即办件', 20, '工作日', 5, '工作日', '《测试条例》', '条件', 1, 3, '全市通办', '邮寄', '5 号窗口', '工作日', '0570-1', '12345', '法人', '', '', '证照', '许可证', '否', '否', '否', '否', '', ''],
    ]);
    book.addWorksheet('材料').addRows([
      ['实施机构统一社会信用代码', '基本编码', '材料标识', '材料名称', '原件/复印件', '纸质/电子', '必要性', '情形说明', '份数', '来源', '证照类型'],
      [org, '019900000110', 'application_form', '申请书', '原件', '纸质', '必要', '', 1, '申请人', ''],
      [org, '019900000110', 'agent_letter', '授权委托书', '原件', '纸质', '情形必要', '', 1, '申请人', ''],
    ]);
    book.addWorksheet('收费').addRow(['实施机构统一社会信用代码', '基本编码', '收费项目', '收费标准', '收费依据', '是否允许减免', '减免依据']);
    const r = await admin.post('/api/v1/catalog/admin/import', { content: Buffer.from(await book.xlsx.writeBuffer()).toString('base64') });
    expect(r.status).toBe(400);
    const errors = r.body.error.details.errors as { sheet: string; row: number; column?: string; messageZh: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '事项', row: 2, column: '承诺办结时限', messageZh: '即办件当场办结，法定时限和承诺时限均应为 0' }),
        // the material's rule on the material's own row
        expect.objectContaining({ sheet: '材料', row: 3, column: '情形说明', messageZh: '情形必要的申请材料须说明适用情形' }),
      ]),
    );
    // no column is named by the data model's paths
    expect(errors.filter((e) => /[a-z]/.test(e.column ?? ''))).toEqual([]);
  });
});

describe('item lifecycle', () => {
  it('goes draft → in review → published, and nobody approves their own submission', async () => {
    const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode: '019900000001', content: itemContent() });
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^[0-9A-Z]{18}-019900000001$/);
    expect((await pub(`/api/v1/catalog/items/${created.body.code}`)).status).toBe(404);

    expect((await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`)).body.state).toBe('in_review');
    const own = await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' });
    expect(own.status).toBe(403);
    const rejected = await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'reject' });
    expect(rejected.status).toBe(400); // a rejection says why
    expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'reject', note: '设定依据不完整' })).body.state).toBe(
      'draft',
    );
    const item = await admin.get(`/api/v1/catalog/admin/items/${created.body.id}`);
    expect(item.body.open).toMatchObject({ state: 'draft', reviewNote: '设定依据不完整' });

    const saved = await admin.put(`/api/v1/catalog/admin/items/${created.body.id}/draft`, {
      content: itemContent({ basis: '《中华人民共和国行政许可法》第十二条；《测试条例》第五条' }),
      version: item.body.open.version,
    });
    expect(saved.status).toBe(200);
    const stale = await admin.put(`/api/v1/catalog/admin/items/${created.body.id}/draft`, { content: itemContent(), version: item.body.open.version });
    expect(stale.status).toBe(409);
    await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`);
    expect((await reviewer.post(`/api/v1/catalog/admin/items/${created.body.id}/review`, { decision: 'approve' })).body.state).toBe('published');
    const published = await pub(`/api/v1/catalog/items/${created.body.code}`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: 1, organizationName: '云州市市场监督管理局', content: { basis: expect.stringContaining('测试条例') } });
  });

  it('keeps the published version in force while version 2 is drafted, then supersedes it', async () => {
    const { id, code } = await publishNew('019900000002');
    const v1 = (await pub(`/api/v1/catalog/items/${code}`)).body.versionId;
    expect((await admin.post(`/api/v1/catalog/admin/items/${id}/versions`)).body.number).toBe(2);
    expect((await admin.post(`/api/v1/catalog/admin/items/${id}/versions`)).status).toBe(409);
    const draft = (await admin.get(`/api/v1/catalog/admin/items/${id}`)).body.open;
    await admin.put(`/api/v1/catalog/admin/items/${id}/draft`, {
      content: itemContent({ committedLimit: { value: 3, unit: 'workday' } }),
      version: draft.version,
    });
    expect((await pub(`/api/v1/catalog/items/${code}`)).body.content.committedLimit.value).toBe(5);
    await admin.post(`/api/v1/catalog/admin/items/${id}/submit`);
    await reviewer.post(`/api/v1/catalog/admin/items/${id}/review`, { decision: 'approve' });
    const now = (await pub(`/api/v1/catalog/items/${code}`)).body;
    expect(now).toMatchObject({ version: 2, content: { committedLimit: { value: 3 } } });
    expect(now.versionId).not.toBe(v1);
    const states = (await admin.get(`/api/v1/catalog/admin/items/${id}`)).body.versions.map((v: { number: number; state: string }) => `${v.number}:${v.state}`);
    expect(states).toEqual(['2:published', '1:superseded']);
    // a published version never changes: its row is the same as when it was published
    const { rows } = await server.sql("SELECT state, content->>'name' AS name FROM item_version WHERE id = $1", [v1]);
    expect(rows[0]).toEqual({ state: 'superseded', name: '测试经营许可证核发' });
  });

  it('refuses to send a broken item to review, naming each problem', async () => {
    const broken = itemContent({
      caseKind: 'immediate',
      committedLimit: { value: 5, unit: 'workday' },
      isChargeable: true,
      materials: [
        { key: 'a', name: '甲', kind: 'original', form: 'paper', necessity: 'conditional', count: 1, source: 'license' },
        { key: 'a', name: '乙', kind: 'original', form: 'paper', necessity: 'required', count: 1, source: 'applicant' },
      ],
    });
    const created = await admin.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode: '019900000003', content: broken });
    const r = await admin.post(`/api/v1/catalog/admin/items/${created.body.id}/submit`);
    expect(r.status).toBe(400);
    const paths = r.body.error.details.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['committedLimit', 'fees', 'materials.1.key', 'materials.0.condition', 'materials.0.licenseType']));
    expect(r.body.error.details.problems).toEqual(
      expect.arrayContaining([
        { path: 'materials.1.key', message: 'material key a is used twice', messageZh: '申请材料标识 a 重复使用' },
        { path: 'materials.0.condition', message: 'a conditional material says when it is needed', messageZh: '情形必要的申请材料须说明适用情形' },
      ]),
    );
    expect((await admin.get(`/api/v1/catalog/admin/items/${created.body.id}`)).body.open.state).toBe('draft');
  });

  it('gives only a license a period of validity, and a renewal lead only with one, shorter than it', async () => {
    const check = async (overrides: Parameters<typeof itemContent>[0]) =>
      (
        (await admin.post('/api/v1/catalog/admin/items/1/check', { content: itemContent(overrides) })).body.problems as {
          path: string;
          message: string;
          messageZh: string;
        }[]
      ).filter((p) => p.path === 'resultValidity' || p.path === 'renewalLead' || p.path === 'renewalOpens');
    // a license (证照) valid for 5 years, renewed 15 working days before it runs out; a 证明, or a result issued as an electronic license, may run out too
    expect(await check({ resultValidity: { value: 5, unit: 'year' }, renewalLead: { value: 15, unit: 'workday' } })).toEqual([]);
    expect(await check({ resultType: 'certificate', resultValidity: { value: 6, unit: 'month' } })).toEqual([]);
    expect(await check({ resultType: 'approval_document', resultLicenseType: '测试批准证书', resultValidity: { value: 1, unit: 'year' } })).toEqual([]);
    // 长期有效: neither field
    expect(await check({})).toEqual([]);
    // an approval document without an electronic license does not run out
    expect(await check({ resultType: 'approval_document', resultValidity: { value: 3, unit: 'year' } })).toEqual([
      {
        path: 'resultValidity',
        message: 'only an item whose result is issued as a license has a period of validity',
        messageZh: '审批结果不是证照的事项无需填写证照有效期',
      },
    ]);
    // a renewal lead without a period of validity, or of 0
    expect(await check({ renewalLead: { value: 30, unit: 'day' } })).toEqual([
      {
        path: 'renewalLead',
        message: 'only a license with a period of validity has a renewal lead',
        messageZh: '证照长期有效（未填写有效期）的事项无需延续申请时限',
      },
    ]);
    expect((await check({ resultValidity: { value: 1, unit: 'year' }, renewalLead: { value: 0, unit: 'day' } })).map((p) => p.messageZh)).toEqual([
      '延续申请时限须大于 0',
    ]);
    // a lead not shorter than the validity: 400 days before a 1-year license runs out, 22 working days or the default 30 days before a 1-month one
    const tooLong = {
      path: 'renewalLead',
      message: "the renewal lead is shorter than the license's period of validity",
      messageZh: '延续申请时限须短于证照有效期',
    };
    expect(await check({ resultValidity: { value: 1, unit: 'year' }, renewalLead: { value: 400, unit: 'day' } })).toEqual([tooLong]);
    expect(await check({ resultValidity: { value: 1, unit: 'month' }, renewalLead: { value: 22, unit: 'workday' } })).toEqual([tooLong]);
    expect(await check({ resultValidity: { value: 1, unit: 'month' } })).toEqual([tooLong]);
    expect(await check({ resultValidity: { value: 1, unit: 'month' }, renewalLead: { value: 10, unit: 'day' } })).toEqual([]);
    // the renewal window: it opens before the lead, within the period, and only for a license that runs out
    const five = { resultValidity: { value: 5, unit: 'year' as const }, renewalLead: { value: 15, unit: 'workday' as const } };
    expect(await check({ ...five, renewalOpens: { value: 90, unit: 'workday' } })).toEqual([]);
    expect((await check({ ...five, renewalOpens: { value: 15, unit: 'workday' } })).map((p) => p.messageZh)).toEqual(['延续受理起始时限须长于延续申请时限']);
    expect((await check({ ...five, renewalOpens: { value: 2000, unit: 'day' } })).map((p) => p.messageZh)).toEqual(['延续受理起始时限须短于证照有效期']);
    expect((await check({ renewalOpens: { value: 90, unit: 'day' } })).map((p) => p.messageZh)).toEqual([
      '证照长期有效（未填写有效期）的事项无需延续受理起始时限',
    ]);
    // and the schema holds the validity to whole years or months, 1 to 100
    const bad = await admin.post('/api/v1/catalog/admin/items/1/check', { content: itemContent({ resultValidity: { value: 0, unit: 'year' } }) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('resultValidity');
  });

  it('keeps a supplement period (补正期限) longer than 0 and in days or working days, and prints it in the guide', async () => {
    const created = await admin.post('/api/v1/catalog/admin/items', {
      organizationId: market,
      baseCode: '019900000005',
      content: itemContent({ supplementPeriod: { value: 0, unit: 'day' } }),
    });
    expect(created.status).toBe(201);
    const { id, code } = created.body as { id: number; code: string };
    const submit = async () => {
      const r = await admin.post(`/api/v1/catalog/admin/items/${id}/submit`);
      if (r.status !== 400) return { status: r.status, problems: [] };
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      return { status: r.status, problems: (r.body.error.details.problems as { path: string }[]).filter((p) => p.path === 'supplementPeriod') };
    };
    const save = async (supplementPeriod: ItemContent['supplementPeriod']) => {
      const open = (await admin.get(`/api/v1/catalog/admin/items/${id}`)).body.open;
      expect((await admin.put(`/api/v1/catalog/admin/items/${id}/draft`, { content: itemContent({ supplementPeriod }), version: open.version })).status).toBe(
        200,
      );
    };
    // a period of 0 is no period: refused, said in both languages
    expect(await submit()).toEqual({
      status: 400,
      problems: [{ path: 'supplementPeriod', message: 'the period to hand in supplements is longer than 0', messageZh: '补正期限须大于 0' }],
    });
    // nor in working hours
    await save({ value: 8, unit: 'workhour' });
    expect(await submit()).toEqual({
      status: 400,
      problems: [
        { path: 'supplementPeriod', message: 'the period to hand in supplements is counted in days or working days', messageZh: '补正期限以日或工作日计' },
      ],
    });
    expect((await admin.get(`/api/v1/catalog/admin/items/${id}`)).body.open.state).toBe('draft');
    // 15 working days with a note: saved, read back, published
    const period = { value: 15, unit: 'workday' as const, note: '邮寄补正材料的，以寄出之日为准' };
    await save(period);
    expect((await admin.get(`/api/v1/catalog/admin/items/${id}`)).body.open.content.supplementPeriod).toEqual(period);
    expect((await submit()).status).toBe(200);
    expect((await reviewer.post(`/api/v1/catalog/admin/items/${id}/review`, { decision: 'approve' })).body.state).toBe('published');
    expect((await pub(`/api/v1/catalog/items/${code}`)).body.content.supplementPeriod).toEqual(period);
    // the printed guide states it, the note after it (poppler reads the table's labels before its values)
    const guide = await guideText(code);
    expect(guide).toContain('补正期限');
    expect(guide).toContain('自告知补正之日起15个工作日内；逾期未补正的，视为撤回申请（邮寄补正材料的，以寄出之日为准）');
    // calendar days pass the check, and an item without a period has no problem either
    const check = async (overrides: Parameters<typeof itemContent>[0]) =>
      ((await admin.post('/api/v1/catalog/admin/items/1/check', { content: itemContent(overrides) })).body.problems as { path: string }[]).filter(
        (p) => p.path === 'supplementPeriod',
      );
    expect(await check({ supplementPeriod: { value: 30, unit: 'day' } })).toEqual([]);
    expect(await check({})).toEqual([]);
  });

  it('cancels an item: it disappears from the catalog', async () => {
    const { id, code } = await publishNew('019900000004');
    expect((await admin.post(`/api/v1/catalog/admin/items/${id}/cancel`, { reason: '依据废止' })).body.cancelled).toBe(1);
    expect((await pub(`/api/v1/catalog/items/${code}`)).status).toBe(404);
    expect((await admin.post(`/api/v1/catalog/admin/items/${id}/versions`)).status).toBe(409);
  });

  it('lets only catalog staff manage items', async () => {
    const citizen = await signIn(server, 'citizen1');
    expect((await citizen.get('/api/v1/catalog/admin/items')).status).toBe(403);
    const clerk = await signIn(server, 'clerk1');
    expect((await clerk.post('/api/v1/catalog/admin/items', { organizationId: market, baseCode: '019900000009', content: itemContent() })).status).toBe(403);
  });
});

describe('delegation (下放)', () => {
  it('gives a lower level the unified standard with its own local details, following every new version', async () => {
    const { id, code } = await publishNew('019900000010', { name: '测试下放事项' });
    const d = await admin.post(`/api/v1/catalog/admin/items/${id}/delegate`, { organizationIds: [qcCenter] });
    expect(d.status).toBe(200);
    const child = d.body.delegated[0];
    expect(child.code).toMatch(/-019900000010$/);
    const view = (await pub(`/api/v1/catalog/items/${child.code}`)).body;
    expect(view).toMatchObject({ delegatedFrom: code, regionName: '青川区', content: { name: '测试下放事项', level: 'district', powerSource: '上级下放' } });

    const childAdmin = (await admin.get(`/api/v1/catalog/admin/items/${child.id}`)).body;
    expect((await admin.put(`/api/v1/catalog/admin/items/${child.id}/draft`, { content: itemContent(), version: 1 })).status).toBe(409);
    await admin.put(`/api/v1/catalog/admin/items/${child.id}/local`, {
      local: { location: '青川区政务服务中心 1 号窗口', consultPhone: '0570-22345001' },
      version: childAdmin.version,
    });
    expect((await pub(`/api/v1/catalog/items/${child.code}`)).body.content.location).toBe('青川区政务服务中心 1 号窗口');

    await admin.post(`/api/v1/catalog/admin/items/${id}/versions`);
    const draft = (await admin.get(`/api/v1/catalog/admin/items/${id}`)).body.open;
    await admin.put(`/api/v1/catalog/admin/items/${id}/draft`, {
      content: itemContent({ name: '测试下放事项', conditions: '新的受理条件。' }),
      version: draft.version,
    });
    await admin.post(`/api/v1/catalog/admin/items/${id}/submit`);
    await reviewer.post(`/api/v1/catalog/admin/items/${id}/review`, { decision: 'approve' });
    const followed = (await pub(`/api/v1/catalog/items/${child.code}`)).body;
    expect(followed.content).toMatchObject({ conditions: '新的受理条件。', location: '青川区政务服务中心 1 号窗口' });

    const sameLevel = await admin.post(`/api/v1/catalog/admin/items/${id}/delegate`, { organizationIds: [market] });
    expect(sameLevel.status).toBe(400);
    await admin.post(`/api/v1/catalog/admin/items/${id}/cancel`, { reason: '测试' });
    expect((await pub(`/api/v1/catalog/items/${child.code}`)).status).toBe(404);
  });
});

describe('forms and processes', () => {
  it('checks an application against the item’s form schema', async () => {
    const { code } = await publishNew('019900000020');
    const check = (data: object) => admin.post(`/api/v1/catalog/items/${code}/check-form`, { data });
    expect((await check({ applicantName: '王五', idNumber: '11010519491231002X', phone: '13800138000' })).body).toEqual({ valid: true, problems: [] });
    const bad = (await check({ applicantName: '王五', idNumber: '110105194912310021', phone: '123' })).body;
    expect(bad.valid).toBe(false);
    expect(bad.problems.map((p: { path: string }) => p.path).sort()).toEqual(['idNumber', 'phone']);
    expect(bad.problems).toContainEqual({ path: 'phone', message: 'must match format "phone"', messageZh: '「联系电话」不是有效的电话号码（手机或固定电话）' });
    const missing = (await check({})).body;
    expect(missing.problems.map((p: { path: string }) => p.path).sort()).toEqual(['applicantName', 'idNumber', 'phone']);
    expect(missing.problems).toContainEqual({
      path: 'applicantName',
      message: "must have required property 'applicantName'",
      messageZh: '「申请人姓名」为必填项',
    });
  });

  it('refuses a form whose fields and UI hints disagree', async () => {
    const content = itemContent();
    content.form.ui.fields.idNumber!.widget = 'number';
    delete content.form.ui.fields.address;
    const r = await admin.post('/api/v1/catalog/admin/items/1/check', { content });
    expect(r.body.problems.map((p: { path: string }) => p.path)).toEqual(expect.arrayContaining(['form.ui.fields.idNumber.widget', 'form.ui.fields.address']));
  });

  it('validates a process: intake first, a decision, an end, two non-empty branches per parallel node, unique ids', async () => {
    const content = itemContent({
      process: {
        nodes: [
          { kind: 'stage', id: 'review', stage: 'review', name: '审查', assignee: { role: 'approver', org: 'implementing' } },
          {
            kind: 'parallel',
            id: 'joint',
            name: '并联审查',
            mode: 'countersign',
            branches: [[{ kind: 'stage', id: 'review', stage: 'review', name: '消防', assignee: { role: 'approver', org: 'implementing' } }], []],
          },
          {
            kind: 'parallel',
            id: 'single',
            name: '单支',
            mode: 'anysign',
            branches: [
              [{ kind: 'stage', id: 'x1', stage: 'review', name: '人防', assignee: { role: 'approver', org: 'implementing', organizationId: 999999 } }],
            ],
          },
        ],
      },
    });
    const r = await admin.post('/api/v1/catalog/admin/items/1/check', { content });
    const messages = r.body.problems.map((p: { message: string }) => p.message).join(' | ');
    expect(messages).toContain('starts with intake');
    expect(messages).toContain('no decide stage');
    expect(messages).toContain('no conclude stage');
    expect(messages).toContain('an empty branch');
    expect(messages).toContain('at least two branches');
    expect(messages).toContain('node id review is used twice');
    expect(messages).toContain('no such organization');
    expect(r.body.problems).toEqual(
      expect.arrayContaining([
        { path: 'process.nodes.0', message: 'the process starts with intake (receive)', messageZh: '办理流程须以受理环节开始' },
        { path: 'process.nodes.2.branches', message: 'a parallel node has at least two branches', messageZh: '并联环节至少需要两个分支' },
        { path: 'process.nodes.1.branches.0.0', message: 'node id review is used twice', messageZh: '环节标识 review 重复使用' },
      ]),
    );
  });
});

describe('the demo catalog, search and guides', () => {
  const search = async (q: string) =>
    (await pub(`/api/v1/catalog/items?q=${encodeURIComponent(q)}&pageSize=50`)).body.items.map((i: { name: string }) => i.name) as string[];

  it('holds at least 40 published items of at least 10 organizations and two bundles', async () => {
    const all = await pub('/api/v1/catalog/items?pageSize=100');
    expect(all.body.total).toBeGreaterThanOrEqual(40);
    expect(new Set(all.body.items.map((i: { organizationId: number }) => i.organizationId)).size).toBeGreaterThanOrEqual(10);
    expect(all.body.items.some((i: { caseKind: string }) => i.caseKind === 'immediate')).toBe(true);
    const bundles = await pub('/api/v1/catalog/bundles');
    expect(bundles.body.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['执照', '企业设立登记'],
    ['开办企业', '企业设立登记'],
    ['残疾', '残疾人证核发'],
    ['公租房', '公共租赁住房保障资格审核'],
    ['低保', '最低生活保障审核确认'],
    ['营业执照', '企业设立登记'],
  ])('finds “%s”: %s among the first three', async (q, expected) => {
    const names = await search(q);
    expect(names.slice(0, 3)).toContain(expected);
  });

  it('tolerates a typo in a name', async () => {
    const names = await search('残疾人正');
    expect(names.some((n) => n.includes('残疾人证'))).toBe(true);
  });

  it('filters by theme and audience', async () => {
    const r = await pub(`/api/v1/catalog/items?theme=${encodeURIComponent('开办企业')}&audience=enterprise`);
    expect(r.body.total).toBeGreaterThan(0);
    expect(r.body.items.every((i: { themes: string[] }) => i.themes.includes('开办企业'))).toBe(true);
    const facets = await pub('/api/v1/catalog/facets');
    expect(facets.body.themes.length).toBeGreaterThan(3);
  });

  it('shows a bundle with one merged material list and one form', async () => {
    const list = (await pub('/api/v1/catalog/bundles')).body;
    const b = (await pub(`/api/v1/catalog/bundles/${list[0].code}`)).body;
    expect(b.items.length).toBeGreaterThanOrEqual(2);
    const keys = b.materials.map((m: { key: string }) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(b.materialsSaved).toBeGreaterThan(0);
    expect(b.form.ui.order.length).toBeGreaterThan(0);
  });

  it('serves the guide as a PDF and the power list', async () => {
    const first = (await pub('/api/v1/catalog/items?type=licensing&pageSize=1')).body.items[0];
    const r = await fetch(`${server.baseUrl}/api/v1/catalog/items/${first.code}/guide.pdf`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await r.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // 补正期限 only in the guide of an item that has one: 30 days for 企业设立登记, none for 最低生活保障
    const codeOf = async (name: string) =>
      ((await pub(`/api/v1/catalog/items?q=${encodeURIComponent(name)}&pageSize=50`)).body.items as { name: string; code: string }[]).find(
        (i) => i.name === name,
      )!.code;
    const company = await guideText(await codeOf('企业设立登记'));
    expect(company).toContain('补正期限');
    expect(company).toContain('自告知补正之日起30个自然日内；逾期未补正的，视为撤回申请');
    expect(await guideText(await codeOf('最低生活保障审核确认'))).not.toContain('补正期限');
    const power = await pub('/api/v1/catalog/power-list');
    expect(power.body.length).toBeGreaterThan(10);
    expect(power.body.every((p: { type: string }) => p.type !== 'public_service')).toBe(true);
  });
});
