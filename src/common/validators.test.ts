import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkPasswordPolicy,
  creditCodeCheckChar,
  idCardCheckChar,
  isValidCreditCode,
  isValidIdCardNumber,
  isValidPhone,
  maskIdNumber,
  maskPhone,
  newEnterpriseCreditCode,
  organizationCodeCheckChar,
} from './validators.ts';

describe('GB 11643 ID card numbers', () => {
  it.each(['11010519491231002X', '110101199003074477', `33010620000229123${idCardCheckChar('33010620000229123')}`])('accepts %s', (id) => {
    expect(isValidIdCardNumber(id)).toBe(true);
  });

  it.each([
    ['110105194912310021', 'wrong check character'],
    ['11010519491331002X', 'month 13'],
    ['11010519490230002X', '30 February'],
    ['11010519491231002', 'seventeen characters'],
    ['01010519491231002X', 'region cannot start with 0'],
    ['1101051949123100ZX', 'letters inside'],
    [`110105${new Date().getFullYear() + 1}0101001`, 'born in the future'],
  ])('refuses %s (%s)', (id) => {
    expect(isValidIdCardNumber(id)).toBe(false);
  });

  it('accepts a lower-case x check character', () => {
    expect(isValidIdCardNumber('11010519491231002x')).toBe(true);
  });

  it('accepts exactly one check character for any valid body', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        (seq, birth) => {
          const body = `330106${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
          const valid = [...'0123456789X'].filter((c) => isValidIdCardNumber(body + c));
          expect(valid).toEqual([idCardCheckChar(body)]);
        },
      ),
    );
  });
});

describe('GB 32100 unified social credit codes', () => {
  it.each(['91350100M000100Y43', '91110000802100433B', '11990100MB0000001T'])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100M000100I43', 'I is not in the alphabet'],
    ['9135010M000100Y43', 'seventeen characters'],
    ['91A50100M000100Y43', 'region part must be digits'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('detects any single changed character', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }),
        fc.array(fc.constantFrom(...alphabet), { minLength: 9, maxLength: 9 }),
        fc.nat(16),
        fc.constantFrom(...alphabet),
        (region, body, pos, replacement) => {
          const first17 = `91${region.join('')}${body.join('')}`;
          const code = first17 + creditCodeCheckChar(first17);
          expect(isValidCreditCode(code)).toBe(true);
          if (first17[pos] === replacement || (pos >= 2 && pos < 8 && !/[0-9]/.test(replacement))) return;
          const changed = first17.slice(0, pos) + replacement + first17.slice(pos + 1) + code[17];
          expect(isValidCreditCode(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('a new enterprise’s credit code', () => {
  it('checks its subject code as GB 11714 does (91350100M000100Y43: M000100Y, check 4)', () => {
    expect(organizationCodeCheckChar('M000100Y')).toBe('4');
    expect(organizationCodeCheckChar('80210043')).toBe('3');
  });

  it('is a valid code of the region, of an enterprise registered by market regulation, distinct for each serial', () => {
    expect(newEnterpriseCreditCode('990100', 0)).toMatch(/^91990100MA000000.[0-9A-HJ-NPQRTUWXY]$/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 31 ** 6 - 2 }), (serial) => {
        const code = newEnterpriseCreditCode('990100', serial);
        expect(isValidCreditCode(code), code).toBe(true);
        expect(code.slice(0, 10)).toBe('91990100MA');
        expect(organizationCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
        expect(newEnterpriseCreditCode('990100', serial + 1)).not.toBe(code);
      }),
    );
  });

  it('refuses a region that is not six digits and a serial out of range', () => {
    expect(() => newEnterpriseCreditCode('9901', 1)).toThrow();
    expect(() => newEnterpriseCreditCode('990100', 31 ** 6)).toThrow();
    expect(() => newEnterpriseCreditCode('990100', -1)).toThrow();
  });
});

describe('phones', () => {
  it.each(['13800138000', '19912345678', '0571-87654321', '01012345678'])('accepts %s', (p) => expect(isValidPhone(p)).toBe(true));
  it.each(['12800138000', '1380013800', '+8613800138000', 'abc'])('refuses %s', (p) => expect(isValidPhone(p)).toBe(false));
});

describe('masking', () => {
  it('shows only the region and the last four characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('shows the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0571-87654321')).toBe('057******4321');
  });
  it('never leaks the hidden middle of any ID number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{17}[0-9X]$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(6, 14)).toBe('********');
      }),
    );
  });
});

describe('password policy', () => {
  it('accepts a long password from three classes', () => expect(checkPasswordPolicy('OneWindow@2026').ok).toBe(true));
  it('names every failed rule', () => {
    expect(checkPasswordPolicy('short').reasons).toEqual(['length', 'classes']);
    expect(checkPasswordPolicy('alllowercaseletters').reasons).toEqual(['classes']);
    expect(checkPasswordPolicy('Clerk1-Password', 'clerk1').reasons).toEqual(['contains_username']);
  });
});
