import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { zeroPadded } from './numbering.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('numbering', () => {
  it('pads to seven digits and never cuts a longer number', async () => {
    const values = [0, 1, 12, 1234567, 9999999, 10000000, 123456789];
    const { rows } = await sql<{ n: string; padded: string }>`
      SELECT v::text AS n, ${zeroPadded(sql`v`, 7)} AS padded FROM unnest(${values}::bigint[]) v`.execute(server.db);
    expect(rows.map((r) => r.padded)).toEqual(['0000000', '0000001', '0000012', '1234567', '9999999', '10000000', '123456789']);
  });

  it('draws a new number for every row of one statement', async () => {
    const { rows } = await sql<{ padded: string }>`
      SELECT ${zeroPadded(sql`nextval('case_document_seq')`, 7)} AS padded FROM generate_series(1, 3)`.execute(server.db);
    expect(new Set(rows.map((r) => r.padded)).size).toBe(3);
    expect(rows.every((r) => /^[0-9]{7,}$/.test(r.padded))).toBe(true);
  });
});
