import type { WriteContext } from '../../server/write.ts';
import { formatDate, weekday } from '../../common/civil-date.ts';
import { createCategory, putHallDay, saveNotice } from './config.service.ts';
import { hallClock, hallSettings } from './hall-time.ts';
import './queue.tables.ts';

/** Business categories of the demo halls, by the windows' numbers that serve them. */
const cityCategories = [
  { prefix: 'A', name: '综合受理', nameEn: 'General intake', windows: ['1', '2', '3'], sort: 1 },
  { prefix: 'B', name: '市场监管/企业开办', nameEn: 'Market regulation / starting a business', windows: ['1', '2', '5'], sort: 2 },
  { prefix: 'C', name: '公安/户籍', nameEn: 'Police / household registration', windows: ['6'], sort: 3 },
  { prefix: 'D', name: '社保医保', nameEn: 'Social and medical insurance', windows: ['3', '7'], sort: 4 },
  { prefix: 'E', name: '不动产', nameEn: 'Real estate registration', windows: ['2', '8'], sort: 5 },
  { prefix: 'V', name: '绿色通道', nameEn: 'Green channel', windows: ['1', '2', '3'], sort: 0, isGreen: true, bookable: false },
];

/**
 * The demo's queue: categories A–E and the green channel V at the city hall, one category at the
 * 青川区 hall, Saturday-morning extended service for the coming weeks, and a notice for the display.
 */
export async function seedDemoQueue(ctx: WriteContext): Promise<void> {
  const halls = await ctx.tx.selectFrom('hall').select(['id', 'name']).orderBy('id').execute();
  const city = halls.find((h) => h.name === '云州市政务服务中心');
  const district = halls.find((h) => h.name === '青川区政务服务中心');
  const windowsOf = async (hallId: number) =>
    new Map((await ctx.tx.selectFrom('service_window').select(['id', 'number']).where('hall_id', '=', hallId).execute()).map((w) => [w.number, w.id]));
  if (city) {
    const windows = await windowsOf(city.id);
    for (const c of cityCategories)
      await createCategory(ctx, city.id, {
        prefix: c.prefix,
        name: c.name,
        nameEn: c.nameEn,
        isGreen: c.isGreen ?? false,
        isBookable: c.bookable ?? true,
        dailyLimit: c.prefix === 'C' ? 300 : null,
        sort: c.sort,
        windowIds: c.windows.map((n) => windows.get(n)!).filter(Boolean),
      });
    const s = (await hallSettings(ctx.tx, city.id))!;
    const clock = await hallClock(ctx.tx, s);
    for (let d = clock.today + 1, n = 0; n < 8; d++) {
      if (weekday(d) !== 6) continue;
      n++;
      if (clock.calendar.overrides.get(d)?.kind === 'holiday') continue;
      await putHallDay(ctx, city.id, formatDate(d), { hours: [[540, 720]], note: '周六延时服务' });
    }
    await saveNotice(ctx, city.id, null, {
      text: '请携带本人有效身份证件；60 岁以上老人、残疾人、孕妇请走绿色通道（V 号）。',
      textEn: 'Bring your own valid ID card; people over 60, people with disabilities and pregnant women may use the green channel (V numbers).',
    });
    await saveNotice(ctx, city.id, null, {
      text: '可通过“网上办事大厅 → 预约办事”提前预约，到厅后在取号机签到。',
      textEn: 'Book online under “Book a visit” and check in at the kiosk on arrival.',
    });
  }
  if (district) {
    const windows = await windowsOf(district.id);
    await createCategory(ctx, district.id, {
      prefix: 'A',
      name: '综合受理',
      nameEn: 'General intake',
      windowIds: [windows.get('1'), windows.get('2')].filter((x): x is number => !!x),
    });
  }
}
