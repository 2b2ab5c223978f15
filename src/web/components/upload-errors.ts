import { isApiError } from '../api/client.ts';
import { maxUploadBytes } from '../api/files.ts';
import type { CaseT } from '../i18n/cases-pages.ts';

/** What each accepted type is called to the reader. */
const typeNames: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/ofd': 'OFD' };

/**
 * Why the upload of `name` was refused, in the reader's language: a type not accepted, too large, a file that is not
 * what its extension says (`details.reason` of POST /files: `type_mismatch`), an empty file, one that failed the virus
 * scan — or, for anything else, the server's own message.
 */
export function uploadErrorText(t: CaseT, error: unknown, name: string): string {
  if (!isApiError(error)) return t('cases.upload.failed', { name, message: error instanceof Error ? error.message : String(error) });
  const details = (error.details ?? {}) as { reason?: string; contentType?: string; maxBytes?: number };
  if (error.code === 'UNSUPPORTED_MEDIA_TYPE') return t('cases.upload.typeNotAllowed', { name });
  if (error.code === 'PAYLOAD_TOO_LARGE') return t('cases.upload.tooLarge', { name, max: Math.round((details.maxBytes ?? maxUploadBytes) / 1024 / 1024) });
  if (error.code === 'VALIDATION_FAILED' && details.reason === 'type_mismatch')
    return t('cases.upload.typeMismatch', { name, type: typeNames[details.contentType ?? ''] ?? details.contentType ?? '' });
  if (error.code === 'VALIDATION_FAILED' && details.reason === 'empty') return t('cases.upload.empty', { name });
  if (error.code === 'VALIDATION_FAILED' && details.reason === 'infected') return t('cases.upload.infected', { name });
  return t('cases.upload.failed', { name, message: error.message });
}
