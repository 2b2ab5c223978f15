import type { FieldCipher } from '../../server/crypto.ts';

/**
 * How a case's documents name the party they are served on (当事人): by the full name, as a decision or a receipt
 * must to be of use; an enterprise by its unified social credit code in full (a public identifier, 国家企业信用信息公示);
 * a person by the ID number masked (personal data: the document is served on its holder, who knows it). Lists and
 * logs keep the name masked as before.
 */

/**
 * The cipher that opens an enterprise's credit code, which the applicant record keeps sealed as every identifier is;
 * set once with the services' dependencies (makeDeps), as the audit chain's key is.
 */
let cipher: FieldCipher | null = null;

export function setPartyCipher(c: FieldCipher): void {
  cipher = c;
}

/** The cipher set with the services' dependencies: what the documents of a decision read and register with. */
export function partyCipher(): FieldCipher {
  if (!cipher) throw new Error('the party cipher is not set (setPartyCipher)');
  return cipher;
}

/** The identifier a document prints for its party: an enterprise's credit code in full, a person's ID number masked. */
export function partyIdentifier(p: { kind: string; id_number_mask: string | null; credit_code_enc?: string | null }): string {
  if (p.kind !== 'enterprise' || !p.credit_code_enc) return p.id_number_mask ?? '';
  return partyCipher().decrypt(p.credit_code_enc);
}
