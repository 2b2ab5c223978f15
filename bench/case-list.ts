/**
 * The pages staff and applicants open all day — 办件查询 (its first page, a status, a later page, searches by name,
 * part of a name, case number, ID number and item, the seven kinds' counts), 预审, 待出件, 待办, 今日工作, 我的办件,
 * the window's applicant picker and the audit trail — through the real HTTP API, with 10,000 cases in the database
 * and then with 1,000,000 (a city's year at a large center: seed 004's online hall takes 10.9 million a year across
 * 42 departments), in the same run on a scratch database. The work in hand is the same at both sizes; the history
 * grows, and the applicants with it (one for every two cases). Prints each page's median time at both sizes and
 * their ratio: a page's cost should grow with the page and the work in hand, not with the history (target: every
 * ratio ≤ 3).
 *
 *   npm run bench:case-list [-- --small 10000 --large 1000000]
 */
import pg from 'pg';
import { Client } from '../test/harness.ts';
import { arg, scratchCluster, serve, signedIn } from './scratch.ts';

const small = arg('small', 10_000);
const large = arg('large', 1_000_000);
const port = arg('port', 54651);

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
const given = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉玲红志新宇鹏飞晨欣怡子涵浩然雨轩梓萱博雅思远'];

const cluster = await scratchCluster('case-list', port);
try {
  process.stdout.write('preparing: migrate and demo data … ');
  const { url, deps } = await cluster.center('onewindow', 6);
  const { app, base } = await serve(deps);
  console.log('done');

  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  raw.on('error', () => {}); // the cluster stopping at the end
  // the published items the generated cases are filed under, with their departments and regions
  const items = (
    await raw.query(`
      SELECT v.item_id, v.id AS version_id, i.organization_id, o.region_id, v.content->>'name' AS name
      FROM item_version v JOIN item i ON i.id = v.item_id JOIN organization o ON o.id = i.organization_id
      WHERE v.state = 'published' AND i.parent_item_id IS NULL ORDER BY v.id`)
  ).rows as { item_id: number; version_id: number; organization_id: number; region_id: number; name: string }[];
  const column = <K extends keyof (typeof items)[number]>(key: K) => items.map((i) => i[key]);

  /**
   * Applicants `from`..`to`, with names people have: a surname and one or two given characters (a city registers
   * an applicant for every two cases or so; the names repeat, as names do).
   */
  async function addApplicants(from: number, to: number) {
    await raw.query(
      `INSERT INTO applicant (kind, name, id_number_enc, id_number_hash, id_number_mask)
       SELECT 'person',
              ($3::text[])[1 + g % array_length($3::text[], 1)] || ($4::text[])[1 + (g / 7) % array_length($4::text[], 1)] ||
                CASE WHEN g % 3 = 0 THEN '' ELSE ($4::text[])[1 + (g / 11) % array_length($4::text[], 1)] END,
              'bench', 'bench-' || g, '110105********' || lpad((g % 10000)::text, 4, '0')
       FROM generate_series($1::int, $2::int) g`,
      [from, to, surnames, given],
    );
  }
  await addApplicants(1, small / 2);
  const firstApplicant = (await raw.query(`SELECT min(id)::int AS id FROM applicant WHERE id_number_enc = 'bench'`)).rows[0].id as number;

  /**
   * Cases `from`..`to`. The first `small` are the work in hand and recent history: received in the past six days,
   * in every state a center's cases are in (pre-review, notified, in progress with an open task, waiting for
   * supplements, decided and waiting for delivery, refused, delivered); the rest are the past year's history —
   * delivered, refused or withdrawn, numbered before the work in hand as older cases are — so that the work in hand
   * is the same at both sizes, as it is at a center whose archive grows. Bulk SQL.
   */
  async function addCases(from: number, to: number, applicants: number) {
    const t0 = performance.now();
    for (let lo = from; lo <= to; lo += 100_000) {
      const hi = Math.min(to, lo + 99_999);
      await raw.query('BEGIN');
      await raw.query(
        `INSERT INTO kase (id, number, item_id, item_version_id, organization_id, region_id, applicant_id, channel, case_kind, status,
                           form_enc, subject, received_at, notice_due_at, accepted_at, decided_at, decision, concluded_at, delivered_at)
         OVERRIDING SYSTEM VALUE
         SELECT CASE WHEN g > $10::int THEN 1000 + g ELSE nextval(pg_get_serial_sequence('kase', 'id')) END,
                'BENCH' || lpad(g::text, 9, '0'), ($3::bigint[])[i], ($4::bigint[])[i], ($5::bigint[])[i], ($6::bigint[])[i],
                $8::bigint + (g::bigint * 7919) % $9::int, (ARRAY['window','online','mobile','terminal','post'])[1 + g % 5], 'committed', s.status,
                'x', ($7::text[])[i], r.at, r.at + interval '5 days',
                CASE WHEN s.status IN ('submitted', 'notified', 'refused', 'withdrawn') THEN NULL ELSE r.at + interval '1 hour' END,
                CASE WHEN s.status IN ('concluded', 'delivered') THEN r.at + interval '3 days' END,
                CASE WHEN s.status IN ('concluded', 'delivered') THEN 'granted' END,
                CASE WHEN s.status IN ('concluded', 'delivered') THEN r.at + interval '3 days' END,
                CASE WHEN s.status = 'delivered' THEN r.at + interval '4 days' END
         FROM generate_series($1::int, $2::int) g,
              LATERAL (SELECT 1 + g % array_length($3::bigint[], 1) AS i) x,
              LATERAL (SELECT CASE WHEN g > $10::int THEN (CASE g % 50 WHEN 0 THEN 'refused' WHEN 1 THEN 'withdrawn' ELSE 'delivered' END)
                                   ELSE (CASE g % 100 WHEN 0 THEN 'submitted' WHEN 1 THEN 'notified' WHEN 2 THEN 'in_progress' WHEN 3 THEN 'in_progress'
                                   WHEN 4 THEN 'awaiting_supplement' WHEN 5 THEN 'concluded' WHEN 6 THEN 'refused' ELSE 'delivered' END) END AS status) s,
              LATERAL (SELECT CASE WHEN s.status IN ('submitted', 'notified', 'in_progress', 'awaiting_supplement', 'concluded')
                                   THEN now() - (g % 20) * interval '7 hours' - interval '10 minutes'
                                   ELSE now() - interval '5 days' - ((g::bigint * 7919) % 525600) * interval '1 minute' END AS at) r`,
        [lo, hi, column('item_id'), column('version_id'), column('organization_id'), column('region_id'), column('name'), firstApplicant, applicants, small],
      );
      // a case in progress waits on its department's review
      await raw.query(
        `INSERT INTO case_task (case_id, node_index, node_id, stage, name, assignee_role, organization_id, state, due_at, created_at)
         SELECT k.id, 1, 'review', 'review', '审查', 'approver', k.organization_id, 'open', k.received_at + interval '4 days', k.accepted_at
         FROM kase k WHERE k.status = 'in_progress' AND k.number BETWEEN 'BENCH' || lpad($1::text, 9, '0') AND 'BENCH' || lpad($2::text, 9, '0')`,
        [lo, hi],
      );
      // each case's first entry on the audit trail, scoped to its region (the trail grows with the history too)
      await raw.query(
        `INSERT INTO audit_entry (stream, seq, at, actor_id, actor_role, action, target_type, target_id, change, digest, prev_hash, hash, scope_path)
         SELECT 'case:' || k.id, 1, k.received_at, NULL, NULL, 'case.submitted', 'case', k.id::text, jsonb_build_object('number', k.number),
                'bench', 'bench', 'bench', r.path
         FROM kase k JOIN region r ON r.id = k.region_id
         WHERE k.number BETWEEN 'BENCH' || lpad($1::text, 9, '0') AND 'BENCH' || lpad($2::text, 9, '0')`,
        [lo, hi],
      );
      await raw.query('COMMIT');
    }
    for (const table of ['kase', 'case_task', 'applicant', 'audit_entry']) await raw.query(`VACUUM ANALYZE ${table}`);
    // loading a hundred thousand settled cases in one transaction updates each tally row thousands of times, which
    // a center settling its cases one at a time (and vacuumed) never does: compact it as such a center's would be
    await raw.query('VACUUM FULL ANALYZE case_kind_tally');
    return (performance.now() - t0) / 1000;
  }

  const signIn = (name: string) => signedIn(base, name);
  const [clerk, approver, citizen, supervisor] = [await signIn('clerk1'), await signIn('approver1'), await signIn('citizen1'), await signIn('supervisor1')];
  const demoApplicant = (await clerk.get(`/api/v1/applicants?q=${encodeURIComponent('林小雨')}`)).body[0].id as number;
  const idNumber = (await clerk.post(`/api/v1/applicants/${demoApplicant}/reveal`)).body.idNumber as string;
  const someName = (await raw.query(`SELECT name FROM applicant WHERE id = $1`, [firstApplicant + (4242 % (small / 2))])).rows[0].name as string;
  const q = encodeURIComponent;
  // the history's ids come before the work in hand's (and before whatever the server files from here on)
  await raw.query(`SELECT setval(pg_get_serial_sequence('kase', 'id'), $1::bigint)`, [large + 10_000]);
  let created = await addCases(1, small, small / 2);
  const firstBenchCase = (await raw.query(`SELECT id FROM kase WHERE number = 'BENCH000000042'`)).rows[0].id as number;
  console.log(`created ${small.toLocaleString('en')} cases in ${created.toFixed(1)} s`);
  const pages: { name: string; as: Client; path: string }[] = [
    { name: '办件查询 first page', as: clerk, path: '/api/v1/cases?limit=20' },
    { name: '办件查询 in progress', as: clerk, path: '/api/v1/cases?status=in_progress&limit=20' },
    { name: '办件查询 page 50', as: clerk, path: '/api/v1/cases?limit=20&offset=980' },
    { name: `办件查询 by name (${someName})`, as: clerk, path: `/api/v1/cases?limit=20&q=${q(someName)}` },
    { name: `办件查询 by part of a name (${someName.slice(1)})`, as: clerk, path: `/api/v1/cases?limit=20&q=${q(someName.slice(1))}` },
    { name: '办件查询 by case number', as: clerk, path: `/api/v1/cases?limit=20&q=BENCH000004242` },
    { name: '办件查询 by ID number', as: clerk, path: `/api/v1/cases?limit=20&q=${q(idNumber)}` },
    { name: '办件查询 by item name (登记)', as: clerk, path: `/api/v1/cases?limit=20&q=${q('登记')}` },
    { name: '办件查询 seven kinds (七件制)', as: clerk, path: '/api/v1/cases/kinds' },
    { name: '预审 (pre-review queue)', as: clerk, path: '/api/v1/cases?queue=prereview&sort=received&limit=20' },
    { name: '待出件 (to deliver)', as: clerk, path: '/api/v1/cases?status=concluded&sort=decided&limit=20' },
    { name: '待办 (inbox)', as: approver, path: '/api/v1/tasks?mine=true&limit=20' },
    { name: '今日工作 (clerk)', as: clerk, path: '/api/v1/cases/today' },
    { name: '今日工作 (approver)', as: approver, path: '/api/v1/cases/today' },
    { name: '我的办件 (citizen)', as: citizen, path: '/api/v1/cases?limit=20' },
    { name: `窗口找申请人 by name (${someName})`, as: clerk, path: `/api/v1/applicants?limit=20&q=${q(someName)}` },
    { name: '窗口找申请人 by ID number', as: clerk, path: `/api/v1/applicants?limit=20&idNumber=${q(idNumber)}` },
    { name: '审计日志 (audit trail, supervisor)', as: supervisor, path: '/api/v1/audit/entries?limit=20' },
    { name: '审计日志 of one case', as: supervisor, path: `/api/v1/audit/entries?limit=20&targetType=case&targetId=${firstBenchCase}` },
    { name: '审计日志 by action (case.submitted)', as: supervisor, path: '/api/v1/audit/entries?limit=20&action=case.submitted' },
  ];

  /** Each page's median time of seven, after one to warm up; and what it found. */
  async function measure() {
    const out = new Map<string, { ms: number; total: number | undefined }>();
    for (const page of pages) {
      const first = await page.as.get(page.path);
      if (first.status !== 200) throw new Error(`${page.name}: ${first.status} ${JSON.stringify(first.body)}`);
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        const r = await page.as.get(page.path);
        times.push(performance.now() - t0);
        if (r.status !== 200) throw new Error(`${page.name}: ${r.status}`);
      }
      times.sort((a, b) => a - b);
      out.set(page.name, { ms: times[3]!, total: typeof first.body.total === 'number' ? first.body.total : undefined });
    }
    return out;
  }

  const atSmall = await measure();
  await addApplicants(small / 2 + 1, large / 2);
  created = await addCases(small + 1, large, large / 2);
  console.log(`created ${(large - small).toLocaleString('en')} more cases in ${created.toFixed(1)} s`);
  const atLarge = await measure();

  const fmt = (n: number) => n.toLocaleString('en');
  let worst = 0;
  console.log(`page: median ms at ${fmt(small)} cases → at ${fmt(large)} cases (ratio; cases it counted)`);
  for (const page of pages) {
    const a = atSmall.get(page.name)!;
    const b = atLarge.get(page.name)!;
    const ratio = b.ms / a.ms;
    worst = Math.max(worst, ratio);
    const totals = a.total === undefined ? '' : `; ${fmt(a.total)} → ${fmt(b.total ?? 0)}`;
    console.log(`  ${page.name}: ${a.ms.toFixed(1)} → ${b.ms.toFixed(1)} ms (${ratio.toFixed(2)}${totals})`);
  }
  console.log(`worst ratio: ${fmt(large)} / ${fmt(small)} cases = ${worst.toFixed(2)}  (target ≤ 3)`);
  await raw.end();
  await app.close();
} finally {
  await cluster.stop();
}
