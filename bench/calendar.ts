/**
 * One million deadline computations with the indexed arithmetic and with the day-by-day reference,
 * in the same run. Prints both rates and their ratio (targets: ≥ 50× the reference, ≥ 1 M/s).
 */
import { dayNumber } from '../src/common/civil-date.ts';
import { WorkCalendar, reference } from '../src/modules/calendar/work-calendar.ts';
import { nationalDays } from '../src/modules/calendar/national-days.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const cal = new WorkCalendar(nationalDays);
const from = dayNumber(2024, 1, 1);
const span = dayNumber(2026, 12, 31) - from;

// the same pseudo-random inputs for both: start dates over 2024–2026, limits of 1–60 working days
const starts = new Int32Array(N);
const limits = new Int32Array(N);
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
for (let i = 0; i < N; i++) {
  starts[i] = from + (rand() % span);
  limits[i] = 1 + (rand() % 60);
}

function run(label: string, fn: (start: number, n: number) => number): { rate: number; checksum: number } {
  let checksum = 0;
  for (let i = 0; i < Math.min(N, 10_000); i++) checksum += fn(starts[i]!, limits[i]!); // warm up
  checksum = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) checksum += fn(starts[i]!, limits[i]!);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rate = N / seconds;
  console.log(`${label.padEnd(22)} ${N.toLocaleString('en')} deadlines in ${seconds.toFixed(3)} s = ${Math.round(rate).toLocaleString('en')}/s`);
  return { rate, checksum };
}

const fast = run('indexed (O(1))', (s, n) => cal.addWorkdays(s, n));
const slow = run('day-by-day reference', (s, n) => reference.addWorkdays(cal.overrides, s, n));
if (fast.checksum !== slow.checksum) {
  console.error('MISMATCH: the two methods disagree');
  process.exit(1);
}
console.log(`ratio: indexed / reference = ${(fast.rate / slow.rate).toFixed(1)}×  (targets: ≥ 50×, ≥ 1,000,000/s)`);

// the reference walks every calendar day, so the gap grows with the limit: show it per typical limit
for (const limit of [5, 20, 45]) {
  limits.fill(limit);
  const f = run(`indexed, ${limit} days`, (s, n) => cal.addWorkdays(s, n));
  const r = run(`reference, ${limit} days`, (s, n) => reference.addWorkdays(cal.overrides, s, n));
  console.log(`ratio for ${limit}-working-day limits: ${(f.rate / r.rate).toFixed(1)}×`);
}
