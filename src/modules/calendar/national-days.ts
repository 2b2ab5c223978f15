import type { DayOverride } from './work-calendar.ts';

/**
 * The State Council's published arrangements (国务院办公厅关于部分节假日安排的通知) for 2024–2026:
 * days off and the weekend days worked in exchange (调休).
 */
const arrangements: { year: number; holidays: [string, string, string][]; makeup: [string, string][] }[] = [
  {
    year: 2024,
    holidays: [
      ['元旦', '01-01', '01-01'],
      ['春节', '02-10', '02-17'],
      ['清明节', '04-04', '04-06'],
      ['劳动节', '05-01', '05-05'],
      ['端午节', '06-10', '06-10'],
      ['中秋节', '09-15', '09-17'],
      ['国庆节', '10-01', '10-07'],
    ],
    makeup: [
      ['春节', '02-04'],
      ['春节', '02-18'],
      ['清明节', '04-07'],
      ['劳动节', '04-28'],
      ['劳动节', '05-11'],
      ['中秋节', '09-14'],
      ['国庆节', '09-29'],
      ['国庆节', '10-12'],
    ],
  },
  {
    year: 2025,
    holidays: [
      ['元旦', '01-01', '01-01'],
      ['春节', '01-28', '02-04'],
      ['清明节', '04-04', '04-06'],
      ['劳动节', '05-01', '05-05'],
      ['端午节', '05-31', '06-02'],
      ['国庆节、中秋节', '10-01', '10-08'],
    ],
    makeup: [
      ['春节', '01-26'],
      ['春节', '02-08'],
      ['劳动节', '04-27'],
      ['国庆节、中秋节', '09-28'],
      ['国庆节、中秋节', '10-11'],
    ],
  },
  {
    year: 2026,
    holidays: [
      ['元旦', '01-01', '01-03'],
      ['春节', '02-15', '02-23'],
      ['清明节', '04-04', '04-06'],
      ['劳动节', '05-01', '05-05'],
      ['端午节', '06-19', '06-21'],
      ['中秋节', '09-25', '09-27'],
      ['国庆节', '10-01', '10-07'],
    ],
    makeup: [
      ['元旦', '01-04'],
      ['春节', '02-14'],
      ['春节', '02-28'],
      ['劳动节', '05-09'],
      ['国庆节', '09-20'],
      ['国庆节', '10-10'],
    ],
  },
];

function* range(year: number, from: string, to: string): Generator<string> {
  const start = new Date(`${year}-${from}T00:00:00Z`).getTime();
  const end = new Date(`${year}-${to}T00:00:00Z`).getTime();
  for (let t = start; t <= end; t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}

export const nationalDays: DayOverride[] = arrangements.flatMap(({ year, holidays, makeup }) => [
  ...holidays.flatMap(([name, from, to]) => [...range(year, from, to)].map((date) => ({ date, kind: 'holiday' as const, name }))),
  ...makeup.map(([name, day]) => ({ date: `${year}-${day}`, kind: 'makeup_workday' as const, name: `${name}调休上班` })),
]);
