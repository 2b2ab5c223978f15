import type { Deps } from '../deps.ts';
import { runWrite, type WriteContext } from '../write.ts';
import { systemActor } from '../access.ts';
import { creditCodeCheckChar, idCardCheckChar } from '../../common/validators.ts';
import { createCity, createRegion } from '../../modules/org/regions.service.ts';
import { createOrganization } from '../../modules/org/organizations.service.ts';
import { assignWindowStaff, createHall, createWindow } from '../../modules/org/halls.service.ts';
import { createStaffAccount, registerApplicantAccount } from '../../modules/identity/accounts.service.ts';
import type { Role } from '../../common/roles.ts';
import { seedDemoCatalog } from '../../modules/catalog/catalog.seed.ts';
import { seedDemoQueue } from '../../modules/queue/queue.seed.ts';

export const demoPassword = 'OneWindow@2026';

/** A valid unified social credit code for demo organizations (机关 11 + region + a made-up body code). */
export function demoCreditCode(kind: string, region6: string, n: number): string {
  const first17 = `${kind}${region6}MB${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

export function demoIdNumber(region6: string, birth: string, seq: number): string {
  const first17 = `${region6}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

export interface DemoLogin {
  username: string;
  role: string;
  name: string;
}

/**
 * The demo: a fictional city (云州市, codes under 99, which GB/T 2260 leaves unused) with two
 * districts, four streets, eight communities, departments, a city service center with comprehensive
 * and department windows on A/B posts, staff for every role, citizens and an enterprise.
 */
export async function seedDemo(deps: Deps): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  await runWrite(deps.db, systemActor, async (ctx: WriteContext) => {
    const city = await createCity(ctx, { code: '990100000000', name: '云州市' });
    const districts = [
      {
        code: '990102000000',
        name: '青川区',
        streets: [
          ['990102001000', '东湖街道', ['湖滨社区', '柳岸社区']],
          ['990102002000', '南山街道', ['南山社区', '竹园社区']],
        ],
      },
      {
        code: '990103000000',
        name: '临江区',
        streets: [
          ['990103001000', '江滨街道', ['江滨社区', '渔港社区']],
          ['990103100000', '白沙镇', ['白沙村', '石桥村']],
        ],
      },
    ] as const;
    const districtIds: number[] = [];
    for (const d of districts) {
      const district = await createRegion(ctx, { code: d.code, name: d.name, parentId: city });
      districtIds.push(district.id);
      for (const [code, name, communities] of d.streets) {
        const street = await createRegion(ctx, { code, name, parentId: district.id });
        let i = 1;
        for (const c of communities) await createRegion(ctx, { code: code.slice(0, 9) + String(i++).padStart(3, '0'), name: c, parentId: street.id });
      }
    }

    let n = 1;
    const org = async (
      name: string,
      shortName: string,
      kind: 'government' | 'department' | 'center' | 'unit',
      regionId = city,
      region6 = '990100',
      phone = '0570-12345678',
    ) =>
      (
        await createOrganization(ctx, {
          creditCode: demoCreditCode(kind === 'unit' ? '12' : '11', region6, n++),
          name,
          shortName,
          kind,
          regionId,
          phone,
          address: '云州市青川区市民大道 1 号',
        })
      ).id;

    const center = await org('云州市政务服务管理局', '政务服务局', 'center');
    const market = await org('云州市市场监督管理局', '市场监管局', 'department');
    const police = await org('云州市公安局', '公安局', 'department');
    const hrss = await org('云州市人力资源和社会保障局', '人社局', 'department');
    const civil = await org('云州市民政局', '民政局', 'department');
    const housing = await org('云州市住房和城乡建设局', '住建局', 'department');
    const land = await org('云州市自然资源和规划局', '自然资源局', 'department');
    const health = await org('云州市卫生健康委员会', '卫健委', 'department');
    const transport = await org('云州市交通运输局', '交通局', 'department');
    const education = await org('云州市教育局', '教育局', 'department');
    await org('云州市生态环境局', '生态环境局', 'department');
    await org('云州市医疗保障局', '医保局', 'department');
    await org('国家税务总局云州市税务局', '税务局', 'department');
    await org('云州市残疾人联合会', '残联', 'unit');
    const hotline = await org('云州市12345政务服务便民热线中心', '12345热线', 'unit');
    const qcCenter = await org('青川区政务服务中心', '青川区中心', 'center', districtIds[0], '990102');
    const ljCenter = await org('临江区政务服务中心', '临江区中心', 'center', districtIds[1], '990103');
    void education;
    void transport;
    void health;
    void ljCenter;

    const hall = await createHall(ctx, {
      name: '云州市政务服务中心',
      organizationId: center,
      address: '云州市青川区市民大道 1 号',
      phone: '0570-12345678',
      openingHours: '周一至周五 9:00-12:00, 13:30-17:30；周六 9:00-12:00（延时服务）',
    });
    const qcHall = await createHall(ctx, {
      name: '青川区政务服务中心',
      organizationId: qcCenter,
      address: '云州市青川区东湖路 18 号',
      phone: '0570-22345678',
      openingHours: '周一至周五 9:00-17:00',
    });
    const window = (hallId: number, number: string, name: string, kind: 'comprehensive' | 'department', categories: string[], organizationId?: number) =>
      createWindow(ctx, { hallId, number, name, kind, categories, organizationId: organizationId ?? null });
    const w1 = await window(hall.id, '1', '综合受理窗口', 'comprehensive', ['企业开办', '工程建设', '社会事务']);
    const w2 = await window(hall.id, '2', '综合受理窗口', 'comprehensive', ['企业开办', '社会事务', '不动产登记']);
    await window(hall.id, '3', '综合受理窗口', 'comprehensive', ['社会事务', '医保社保']);
    await window(hall.id, '4', '统一出件窗口', 'comprehensive', ['统一出件']);
    const w5 = await window(hall.id, '5', '市场监管窗口', 'department', ['企业开办'], market);
    const w6 = await window(hall.id, '6', '公安窗口', 'department', ['户籍', '出入境'], police);
    await window(hall.id, '7', '人社窗口', 'department', ['医保社保', '就业'], hrss);
    await window(hall.id, '8', '不动产登记窗口', 'department', ['不动产登记'], land);
    await window(hall.id, '9', '住建窗口', 'department', ['工程建设'], housing);
    await window(hall.id, '10', '民政窗口', 'department', ['社会事务'], civil);
    const q1 = await window(qcHall.id, '1', '综合受理窗口', 'comprehensive', ['社会事务', '企业开办']);
    await window(qcHall.id, '2', '综合受理窗口', 'comprehensive', ['社会事务']);

    const staff = async (
      username: string,
      name: string,
      organizationId: number,
      title: string,
      roles: { role: Role; regionId?: number; organizationId?: number }[],
      label: string,
      phoneTail: number,
    ) => {
      const id = await createStaffAccount(ctx, deps, {
        username,
        password: demoPassword,
        name,
        organizationId,
        title,
        phone: `139${String(57000000 + phoneTail)}`,
        roles,
      });
      logins.push({ username, role: label, name });
      return id;
    };
    await staff('sysadmin', '王建国', center, '系统管理员', [{ role: 'sys_admin' }], '系统管理员 system admin', 1);
    await staff('centeradmin', '李秀英', center, '中心管理员', [{ role: 'center_admin', regionId: city }], '中心管理员 center admin', 2);
    await staff(
      'districtadmin',
      '郑晓东',
      qcCenter,
      '青川区中心管理员',
      [{ role: 'center_admin', regionId: districtIds[0] }],
      '青川区中心管理员 district center admin',
      3,
    );
    const clerk1 = await staff('clerk1', '张丽', center, '综合窗口受理员', [{ role: 'clerk', regionId: city }], '综合窗口 1 号 window clerk', 4);
    const clerk2 = await staff('clerk2', '刘洋', center, '综合窗口受理员', [{ role: 'clerk', regionId: city }], '综合窗口 2 号 window clerk', 5);
    const approver1 = await staff(
      'approver1',
      '陈静',
      market,
      '审批科科员',
      [{ role: 'approver', organizationId: market }],
      '市场监管局审批 A 岗 approver (A post)',
      6,
    );
    const approver1b = await staff(
      'approver1b',
      '杨帆',
      market,
      '审批科科员',
      [{ role: 'approver', organizationId: market }],
      '市场监管局审批 B 岗 approver (B post)',
      7,
    );
    await staff(
      'head1',
      '赵敏',
      market,
      '首席代表',
      [
        { role: 'head', organizationId: market },
        { role: 'approver', organizationId: market },
      ],
      '市场监管局首席代表 department head',
      8,
    );
    const approver2 = await staff(
      'approver2',
      '黄磊',
      police,
      '户政科民警',
      [{ role: 'approver', organizationId: police }],
      '公安局审批 A 岗 approver (A post)',
      9,
    );
    await staff('supervisor1', '周正', center, '电子监察员', [{ role: 'supervisor', regionId: city }], '电子监察 supervisor', 10);
    await staff('catalogadmin', '吴芳', center, '事项管理员', [{ role: 'catalog_admin', regionId: city }], '事项管理员 catalog admin', 11);
    await staff('operator1', '徐明', hotline, '话务员', [{ role: 'operator', regionId: city }], '12345 话务员 hotline operator', 12);
    await staff('unit1', '孙悦', housing, '信访办科员', [{ role: 'unit', organizationId: housing }], '住建局承办单位 assigned unit', 13);
    const qcClerk = await staff(
      'qcclerk',
      '马超',
      qcCenter,
      '综合窗口受理员',
      [{ role: 'clerk', regionId: districtIds[0] }],
      '青川区综合窗口 district clerk',
      14,
    );

    // every other department has a chief representative (首席代表) who reviews and decides, so that each item's workflow can run
    const chiefs: [string, string, string][] = [
      ['head2', '云州市公安局', '钱卫东'],
      ['hrss1', '云州市人力资源和社会保障局', '冯晓红'],
      ['civil1', '云州市民政局', '褚建平'],
      ['housing1', '云州市住房和城乡建设局', '卫国强'],
      ['land1', '云州市自然资源和规划局', '蒋丽萍'],
      ['health1', '云州市卫生健康委员会', '沈冰'],
      ['transport1', '云州市交通运输局', '韩涛'],
      ['education1', '云州市教育局', '杨晓燕'],
      ['eco1', '云州市生态环境局', '朱明'],
      ['medical1', '云州市医疗保障局', '秦雪'],
      ['tax1', '国家税务总局云州市税务局', '尤佳'],
      ['dpf1', '云州市残疾人联合会', '许静'],
    ];
    let tail = 20;
    for (const [username, orgName, name] of chiefs) {
      const o = await ctx.tx.selectFrom('organization').select('id').where('name', '=', orgName).executeTakeFirstOrThrow();
      await staff(
        username,
        name,
        o.id,
        '首席代表',
        [
          { role: 'head', organizationId: o.id },
          { role: 'approver', organizationId: o.id },
        ],
        `${orgName.replace('云州市', '').replace('国家税务总局', '')}首席代表 department head`,
        tail++,
      );
    }

    await assignWindowStaff(ctx, w1.id, { post: 'A', accountId: clerk1 });
    await assignWindowStaff(ctx, w1.id, { post: 'B', accountId: clerk2 });
    await assignWindowStaff(ctx, w2.id, { post: 'A', accountId: clerk2 });
    await assignWindowStaff(ctx, w2.id, { post: 'B', accountId: clerk1 });
    await assignWindowStaff(ctx, w5.id, { post: 'A', accountId: approver1 });
    await assignWindowStaff(ctx, w5.id, { post: 'B', accountId: approver1b });
    await assignWindowStaff(ctx, w6.id, { post: 'A', accountId: approver2 });
    await assignWindowStaff(ctx, q1.id, { post: 'A', accountId: qcClerk });

    const citizens = [
      { username: 'citizen1', name: '林小雨', idNumber: demoIdNumber('990102', '19900312', 102), phone: '13600000001', label: '市民 citizen' },
      { username: 'citizen2', name: '何志强', idNumber: demoIdNumber('990103', '19851120', 215), phone: '13600000002', label: '市民 citizen' },
    ];
    for (const c of citizens) {
      await registerApplicantAccount(ctx, deps, {
        kind: 'person',
        username: c.username,
        password: demoPassword,
        name: c.name,
        idNumber: c.idNumber,
        phone: c.phone,
      });
      logins.push({ username: c.username, role: c.label, name: c.name });
    }
    await registerApplicantAccount(ctx, deps, {
      kind: 'enterprise',
      username: 'enterprise1',
      password: demoPassword,
      name: '云州青禾食品有限公司',
      idNumber: demoCreditCode('91', '990102', 88),
      phone: '13600000003',
      legalRepresentative: '林国栋',
    });
    logins.push({ username: 'enterprise1', role: '企业 enterprise', name: '云州青禾食品有限公司' });

    await seedDemoCatalog(ctx, deps);
    await seedDemoQueue(ctx);
  });
  return logins;
}
