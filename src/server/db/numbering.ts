import { sql, type RawBuilder } from 'kysely';

/**
 * The next value of a numbering sequence as text, zero-padded to at least `width` digits, for use
 * inside the statement that stores the number. Never cut short: `lpad` alone truncates a value
 * longer than its width, which would repeat numbers once the sequence outgrows it.
 */
export function paddedNextval(sequence: 'case_number_seq' | 'case_document_seq', width: number): RawBuilder<string> {
  return sql<string>`(SELECT lpad(n, greatest(${sql.lit(width)}, length(n)), '0') FROM (SELECT nextval(${sql.lit(sequence)})::text AS n) s)`;
}
