import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../../../test/harness.ts';
import { rankByScore } from './windows.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** Scores in, [score, rank, mark] out, in the order listed. */
const ranked = (scores: number[]) => rankByScore(scores.map((score, i) => ({ id: i + 1, score, concluded: 1 }))).map((r) => [r.score, r.rank, r.mark]);

describe('the monthly ranking with tied scores', () => {
  it('gives equal scores one rank and one mark, counting a tie as one place from the top and from the bottom', () => {
    expect(ranked([100, 90, 80, 80, 80, 70, 60])).toEqual([
      [100, 1, 'praised'],
      [90, 2, 'praised'],
      [80, 3, 'praised'],
      [80, 3, 'praised'],
      [80, 3, 'praised'],
      [70, 6, 'flagged'],
      [60, 7, 'flagged'],
    ]);
    // four tied for last are all flagged; nobody above them
    expect(ranked([100, 99, 98, 97, 96, 95, 90, 90, 90, 90]).map((r) => r[2])).toEqual([
      'praised',
      'praised',
      'praised',
      null,
      null,
      null,
      'flagged',
      'flagged',
      'flagged',
      'flagged',
    ]);
    // everyone tied: all first, all praised
    expect(ranked([100, 100, 100, 100, 100, 100, 100, 100]).every(([, rank, mark]) => rank === 1 && mark === 'praised')).toBe(true);
    // fewer than seven: the top three praised, the rest flagged, nobody both
    expect(ranked([90, 80, 70, 60, 50]).map((r) => r[2])).toEqual(['praised', 'praised', 'praised', 'flagged', 'flagged']);
  });

  it('never flags a department whose score ties with a praised one, and lists a tie by completed cases', async () => {
    const orgs = (
      await server.sql(
        `SELECT o.id, o.region_id FROM organization o JOIN region r ON r.id = o.region_id
         WHERE o.kind = 'department' AND r.level = 'city' ORDER BY o.id LIMIT 12`,
      )
    ).rows as { id: string; region_id: string }[];
    expect(orgs).toHaveLength(12);
    // ten departments with every committed case on time and early (score 100), completed 2…11; then 95 and 92.5
    const rows = orgs.map((o, i) => {
      const concluded = i < 10 ? i + 2 : i === 10 ? 6 : 4;
      const early = i < 10 ? concluded : i === 10 ? 5 : 3;
      return [o.region_id, o.id, concluded, early];
    });
    for (const [region, org, concluded, early] of rows)
      await server.sql(
        `INSERT INTO metric_monthly (month, region_id, organization_id, item_id, window_id, channel, case_kind, accepted, cohort_concluded, concluded, on_time, early)
         VALUES ('2024-06-01', $1, $2, 0, 0, 'window', 'committed', $3, $3, $3, $3, $4)`,
        [region, org, concluded, early],
      );
    const center = await signIn(server, 'centeradmin');
    const r = await center.get('/api/v1/metrics/ranking?month=2024-06');
    expect(r.status).toBe(200);
    const departments = r.body.departments as { id: number; score: number; rank: number; tied: boolean; mark: string | null; concluded: number }[];
    expect(departments.map((d) => [d.score, d.rank, d.mark])).toEqual([
      ...Array.from({ length: 10 }, () => [100, 1, 'praised']),
      [95, 11, 'flagged'],
      [92.5, 12, 'flagged'],
    ]);
    expect(departments.slice(0, 10).every((d) => d.tied)).toBe(true);
    expect(departments.slice(10).some((d) => d.tied)).toBe(false);
    // the tie is listed by completed cases, most first
    expect(departments.slice(0, 10).map((d) => d.concluded)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    // whatever the shape, a score praised anywhere is flagged nowhere
    const praisedScores = new Set(departments.filter((d) => d.mark === 'praised').map((d) => d.score));
    expect(departments.filter((d) => d.mark === 'flagged' && praisedScores.has(d.score))).toEqual([]);
  });
});
