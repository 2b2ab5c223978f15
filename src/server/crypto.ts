import { createCipheriv, createDecipheriv, createHmac, hash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * The key of one purpose, derived from the platform secret (HMAC-SHA-256 of the purpose's label). Kept as a
 * KeyObject: a raw Buffer key is checked and imported again on every HMAC or cipher, which costs several
 * times the HMAC of a short text itself.
 */
export function derivedKey(secret: Buffer, label: string): KeyObject {
  return createSecretKey(createHmac('sha256', secret).update(label).digest());
}

/**
 * Personal data at rest: AES-256-GCM with a random nonce (`v1.<nonce>.<tag>.<ciphertext>`, base64url),
 * and a keyed hash (HMAC-SHA-256) for exact-match lookups without decrypting.
 */
export class FieldCipher {
  readonly #encKey: KeyObject;
  readonly #macKey: KeyObject;
  constructor(secret: Buffer) {
    this.#encKey = derivedKey(secret, 'onewindow/field-encryption');
    this.#macKey = derivedKey(secret, 'onewindow/field-lookup');
  }

  encrypt(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [v, nonce, tag, body] = sealed.split('.');
    if (v !== 'v1' || !nonce || !tag || body === undefined) throw new Error('unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.#encKey, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  lookupHash(value: string): string {
    return createHmac('sha256', this.#macKey).update(value.toUpperCase()).digest('hex');
  }
}

export function sha256(data: string | Buffer): string {
  return hash('sha256', data, 'hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** JSON with sorted keys: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
