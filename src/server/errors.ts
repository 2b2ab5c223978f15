import { errorCatalog, type ErrorCode, type Locale } from '../common/errors.ts';

export { errorCatalog, type ErrorCode };

/** A failure the caller can understand: a code from the catalog and optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly status: number;
  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? errorCatalog[code].en);
    this.code = code;
    this.details = details;
    this.status = errorCatalog[code].status;
  }
}

export function messageFor(code: ErrorCode, locale: Locale): string {
  const entry = errorCatalog[code];
  return locale === 'en' ? entry.en : entry.zh;
}

/** zh-CN unless the caller asks for English (Accept-Language or ?lang=en). */
export function localeOf(acceptLanguage: string | undefined, query?: unknown): Locale {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (q === 'en' || q === 'zh-CN') return q;
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** PostgreSQL errors that are the caller's fault map to clear 4xx answers. */
export function fromPgError(error: unknown): AppError | undefined {
  const e = error as { code?: string; constraint?: string; detail?: string };
  if (typeof e?.code !== 'string') return undefined;
  switch (e.code) {
    case '23505':
      return new AppError('DUPLICATE', { constraint: e.constraint });
    case '23503':
      return e.detail?.includes('is still referenced')
        ? new AppError('IN_USE', { constraint: e.constraint })
        : new AppError('VALIDATION_FAILED', { constraint: e.constraint, reason: 'reference' });
    case '23514':
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
      return new AppError('VALIDATION_FAILED', { constraint: e.constraint });
    case '40001':
    case '40P01':
      return new AppError('CONFLICT');
    case 'OW409':
      // changed_meanwhile() (migrations/0019): a row changed since the action read it
      return new AppError('CONFLICT', { reason: (error as Error).message });
    default:
      return undefined;
  }
}
