import type { FormInstance } from 'antd';
import { isApiError } from '../../../api/client.ts';

/**
 * Put the server's verdict on an application next to the fields it names: form problems arrive as
 * `details.problems[{ path: "shareholders.0.name", message }]`. Returns the message for whatever could
 * not be placed on a field.
 */
export function placeSubmitErrors(form: FormInstance, error: unknown): string | null {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  const details = error.details as { in?: string; problems?: { path: string; message: string }[]; field?: string; key?: string; reason?: string } | null;
  if (details?.in === 'formData' && details.problems?.length) {
    const unplaced: string[] = [];
    const fields = details.problems.flatMap((p) => {
      const name = p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      if (!p.path || (form.getFieldValue(name) === undefined && !form.getFieldInstance(name))) {
        unplaced.push(`${p.path || '—'}: ${p.message}`);
        return [];
      }
      return [{ name, errors: [p.message] }];
    });
    form.setFields(fields);
    return unplaced.length ? `${error.message} — ${unplaced.join('; ')}` : error.message;
  }
  if (details?.field === 'materials') return [error.message, details.key, details.reason].filter(Boolean).join(' · ');
  return error.message;
}
