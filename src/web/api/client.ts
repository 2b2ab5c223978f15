import type { ErrorBody, Locale } from '../../common/errors.ts';

/** A failed API call: the server's `{ error: { code, message, details } }`, or a network failure. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const fallbackMessages: Record<'NETWORK' | 'BAD_RESPONSE', Record<Locale, string>> = {
  NETWORK: { 'zh-CN': '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the network and try again' },
  BAD_RESPONSE: { 'zh-CN': '服务器返回了无法识别的内容', en: 'The server sent a response that could not be read' },
};

const state = {
  csrfToken: '',
  locale: 'zh-CN' as Locale,
  onUnauthorized: [] as ((error: ApiError) => void)[],
};

/** The CSRF token from the login response or GET /auth/me; sent on every write. */
export function setCsrfToken(token: string): void {
  state.csrfToken = token;
}

/** The UI language, sent as Accept-Language so server messages come back in it. */
export function setApiLocale(locale: Locale): void {
  state.locale = locale;
}

/** Called when a request fails because the session ended (expired, revoked, or never there). */
export function onUnauthorized(listener: (error: ApiError) => void): () => void {
  state.onUnauthorized.push(listener);
  return () => {
    state.onUnauthorized = state.onUnauthorized.filter((l) => l !== listener);
  };
}

/** A fresh Idempotency-Key; falls back to getRandomValues where randomUUID is missing (plain-HTTP intranets). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Send an Idempotency-Key (POSTs that create something). Pass a key to reuse it across retries of one form. */
  idempotencyKey?: string | boolean;
  /** A 401 here is an expected answer (who am I?), not a lost session. */
  anonymousOk?: boolean;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** One call to the OneWindow API with the session cookie, CSRF token, language and idempotency key. */
export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.locale };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey === true ? newIdempotencyKey() : options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', fallbackMessages.NETWORK[state.locale]);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new ApiError(response.status, 'BAD_RESPONSE', fallbackMessages.BAD_RESPONSE[state.locale]);
  }
  if (response.ok) return parsed as T;
  const body = (parsed as Partial<ErrorBody> | null)?.error;
  const error = body
    ? new ApiError(response.status, body.code, body.message, body.details ?? null)
    : new ApiError(response.status, 'BAD_RESPONSE', fallbackMessages.BAD_RESPONSE[state.locale]);
  if (response.status === 401 && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED') && !options.anonymousOk) {
    for (const listener of state.onUnauthorized) listener(error);
  }
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, options: Omit<RequestOptions, 'query'> = {}) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body: unknown = {}, options: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) => request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options: RequestOptions = {}) => request<T>('DELETE', path, options),
};
