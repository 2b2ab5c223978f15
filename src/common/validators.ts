/** Pure validators and masks for personal and organizational identifiers. No I/O. */

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

/** GB 11643-1999 citizen identity number: 18 characters, a valid birth date and the ISO 7064 MOD 11-2 check. */
export function isValidIdCardNumber(value: string): boolean {
  if (!/^[1-9][0-9]{5}(19|20)[0-9]{2}[0-9]{4}[0-9]{3}[0-9Xx]$/.test(value)) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  if (birth.getTime() > Date.now()) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * idWeights[i]!;
  return idCheckChars[sum % 11] === value[17]!.toUpperCase();
}

/** The check character for the first 17 characters of an ID number (for generating test data). */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i]!;
  return idCheckChars[sum % 11]!;
}

const creditChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = creditChars.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * creditWeights[i]!;
  }
  const c = 31 - (sum % 31);
  return creditChars[c === 31 ? 0 : c];
}

/** GB 32100-2015 unified social credit code: 18 characters of its alphabet and a MOD 31 check character. */
export function isValidCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  return creditCodeCheckChar(value.slice(0, 17)) === value[17];
}

/** GB 11714 organization code: the check character of its eight-character body (digits and letters, A = 10 … Z = 35). */
export function organizationCodeCheckChar(body: string): string | undefined {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  if (!/^[0-9A-Z]{8}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i]!, 36) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A new enterprise's unified social credit code (GB 32100-2015), as its registration assigns it: 9 (registered by
 * market regulation), 1 (an enterprise), the registering region's six-digit code, a nine-character subject code
 * (GB 11714: `MA` and six characters of the serial in the code's alphabet, then its check character) and the
 * code's own check character. Serials from 0 to 31⁶ − 1 (887,503,680) give distinct codes.
 */
export function newEnterpriseCreditCode(regionCode: string, serial: number): string {
  if (!/^[0-9]{6}$/.test(regionCode)) throw new Error(`a region code of six digits, not ${regionCode}`);
  const base = creditChars.length;
  if (!Number.isInteger(serial) || serial < 0 || serial >= base ** 6) throw new Error(`a serial within 0 … ${base ** 6 - 1}, not ${serial}`);
  let tail = '';
  for (let n = serial, i = 0; i < 6; i++, n = Math.floor(n / base)) tail = creditChars[n % base]! + tail;
  const body = `MA${tail}`;
  const first17 = `91${regionCode}${body}${organizationCodeCheckChar(body)!}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** Mainland mobile numbers (11 digits from 13x to 19x) and landlines such as 0371-12345678. */
export function isValidPhone(value: string): boolean {
  return /^1[3-9][0-9]{9}$/.test(value) || /^0[0-9]{2,3}-?[0-9]{7,8}$/.test(value);
}

/** GB/T 2260 region code extended to 12 digits (city 6 + township 3 + village 3). */
export function isValidRegionCode(value: string): boolean {
  return /^[1-9][0-9]{11}$/.test(value);
}

/** 110101********123X: first 6 and last 4 hidden in between. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

/** 林*雨, 林*: a person's name with all but its first and last character hidden (a name of two: the second). */
export function maskPersonName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 138****5678 */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

export interface PasswordVerdict {
  ok: boolean;
  reasons: string[];
}

/** Password policy: at least 10 characters from three of four classes, not containing the user name. */
export function checkPasswordPolicy(password: string, username?: string): PasswordVerdict {
  const reasons: string[] = [];
  if (password.length < 10) reasons.push('length');
  if (password.length > 128) reasons.push('too_long');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) reasons.push('classes');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) reasons.push('contains_username');
  return { ok: reasons.length === 0, reasons };
}
