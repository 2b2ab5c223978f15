import { sql, type RawBuilder } from 'kysely';

/**
 * A non-negative integer expression as text, zero-padded to at least `width` digits and never cut
 * (`lpad` alone truncates a longer value, which would repeat numbers once a sequence outgrows the
 * width). One expression, evaluated once per row.
 */
export function zeroPadded(value: RawBuilder<unknown>, width: number): RawBuilder<string> {
  return sql<string>`regexp_replace(${sql.lit('0'.repeat(width - 1))} || (${value})::text, ${sql.lit(`^0+(?=[0-9]{${width}})`)}, '')`;
}

/** The next value of a numbering sequence, zero-padded (`zeroPadded`), for the statement that stores the number. */
export function paddedNextval(sequence: 'case_number_seq' | 'case_document_seq', width: number): RawBuilder<string> {
  return zeroPadded(sql`nextval(${sql.lit(sequence)})`, width);
}
