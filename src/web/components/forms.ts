import { useCallback, useState } from 'react';
import type { FormInstance, FormRule as Rule } from 'antd';
import { checkPasswordPolicy, isValidCreditCode, isValidIdCardNumber, isValidPhone } from '../../common/validators.ts';
import { isApiError, newIdempotencyKey } from '../api/client.ts';
import type { MessageKey, TFunction } from '../i18n/index.tsx';

/**
 * One Idempotency-Key per filled-in form: a retry after a lost response replays the first answer
 * instead of creating a second record. Renew it after a success.
 */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return [key, renew];
}

/** Put a server error that names a field (`details.field`) next to that field. Returns whether it did. */
export function showFieldError(form: FormInstance, error: unknown, fieldMap: Record<string, string> = {}): boolean {
  if (!isApiError(error)) return false;
  const field = (error.details as { field?: string } | null)?.field;
  if (!field) return false;
  const name = fieldMap[field] ?? field;
  if (!form.getFieldInstance(name) && form.getFieldValue(name) === undefined) return false;
  form.setFields([{ name, errors: [error.message] }]);
  return true;
}

const optional = (value: unknown) => value === undefined || value === null || value === '';

export const rules = {
  required: (t: TFunction, label: string): Rule => ({ required: true, whitespace: true, message: t('form.required', { label }) }),
  idCard: (t: TFunction): Rule => ({
    validator: (_r, value: string) =>
      optional(value) || isValidIdCardNumber(String(value).toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('form.invalidIdCard'))),
  }),
  creditCode: (t: TFunction): Rule => ({
    validator: (_r, value: string) =>
      optional(value) || isValidCreditCode(String(value).toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('form.invalidCreditCode'))),
  }),
  phone: (t: TFunction): Rule => ({
    validator: (_r, value: string) => (optional(value) || isValidPhone(String(value)) ? Promise.resolve() : Promise.reject(new Error(t('form.invalidPhone')))),
  }),
  username: (t: TFunction): Rule => ({ pattern: /^[a-zA-Z0-9_.@-]{3,64}$/, message: t('form.invalidUsername') }),
  /** The server's policy (common/validators.ts), checked as the user types. */
  password: (t: TFunction, username: () => string | undefined): Rule => ({
    validator: (_r, value: string) => {
      if (optional(value)) return Promise.resolve();
      const verdict = checkPasswordPolicy(String(value), username());
      if (verdict.ok) return Promise.resolve();
      const reasons: Record<string, MessageKey> = {
        length: 'form.passwordLength',
        too_long: 'form.passwordTooLong',
        classes: 'form.passwordClasses',
        contains_username: 'form.passwordUsername',
      };
      return Promise.reject(new Error(verdict.reasons.map((r) => t(reasons[r] ?? 'form.passwordClasses')).join('；')));
    },
  }),
};

/** Empty strings from cleared inputs become null (the API's "no value"). */
export function nullIfEmpty(value: string | undefined | null): string | null {
  const v = value?.trim();
  return v ? v : null;
}
