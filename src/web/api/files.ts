import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { errorCatalog, type ErrorBody } from '../../common/errors.ts';
import { ApiError, api, newIdempotencyKey } from './client.ts';
import type { MeWithCsrf } from './types.ts';

/** Uploads (POST /api/v1/files): the body is the file itself with its real content type. */

export interface StoredFile {
  id: number;
  sha256: string;
  size: number;
  contentType: string;
  name: string;
  createdAt: string;
}

/** Where an earlier upload was handed in: the case, its item, and the material it stood for. */
export interface FileUse {
  caseId: number;
  /** the case number */
  number: string;
  /** the item's name */
  subject: string;
  /** the material's name */
  material: string;
}

/** A row of GET /files/mine: one of the signed-in applicant's own uploads and where it has been used. */
export interface MyFile {
  id: number;
  /** the name as uploaded */
  name: string;
  /** bytes */
  size: number;
  contentType: string;
  createdAt: string;
  usedFor: FileUse[];
}

export interface MyFilesQuery {
  /** part of the file's name, or of a material's name it was handed in as */
  q?: string;
  /** 1..100 (the server's default: 50) */
  limit?: number;
  offset?: number;
}

export const fileKeys = {
  all: ['files'] as const,
  mine: (query: MyFilesQuery) => ['files', 'mine', query] as const,
};

/**
 * 材料复用: the signed-in applicant's own uploads, newest first, to hand one in again (GET /files/mine). `enabled: false`
 * for staff, whom the server answers 403. The previous page stays in sight while the next one or a new search loads.
 */
export function useMyFiles({ q, limit, offset }: MyFilesQuery, enabled = true) {
  const query = { q: q?.trim() || undefined, limit, offset };
  return useQuery({
    queryKey: fileKeys.mine(query),
    queryFn: ({ signal }) => api.get<{ items: MyFile[]; total: number }>('/files/mine', { ...query }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** What the server accepts, by content type; the extension decides when the browser does not know the type. */
export const acceptedTypes: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg,.jpeg',
  'image/png': '.png',
  'application/ofd': '.ofd',
};
export const acceptAttribute = Object.entries(acceptedTypes)
  .flatMap(([type, ext]) => [type, ...ext.split(',')])
  .join(',');
export const maxUploadBytes = 20 * 1024 * 1024;

export function contentTypeOf(file: File): string | null {
  if (file.type && acceptedTypes[file.type]) return file.type;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  for (const [type, exts] of Object.entries(acceptedTypes)) if (exts.split(',').includes(`.${ext}`)) return type;
  return null;
}

/** A material reference for an application: `file:<id>`. */
export const fileReference = (file: Pick<StoredFile, 'id'>) => `file:${file.id}`;

/** Where staff and the uploader can open a referenced file, or null when the reference is not a file. */
export function fileUrl(reference: string | null | undefined): string | null {
  const m = reference?.match(/^file:(\d+)$/);
  return m ? `/api/v1/files/${m[1]}` : null;
}

/*
 * The API client sends JSON only and keeps the CSRF token to itself, so an upload asks /auth/me for the
 * session's token (the same for the whole session) once and keeps it.
 */
let csrf: Promise<string> | null = null;
const csrfToken = () => (csrf ??= api.get<MeWithCsrf>('/auth/me').then((r) => r.csrfToken));

async function send(file: File, contentType: string, locale: string): Promise<Response> {
  return fetch('/api/v1/files', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'accept-language': locale,
      'content-type': contentType,
      'x-file-name': encodeURIComponent(file.name),
      'x-csrf-token': await csrfToken(),
      'idempotency-key': newIdempotencyKey(),
    },
    body: file,
  });
}

/** Upload one file; a refusal comes back as ApiError with the server's code and details (type, size, content, virus scan). */
export async function uploadFile(file: File, locale: string): Promise<StoredFile> {
  const contentType = contentTypeOf(file);
  // refused here as the server would refuse it (`uploadErrorText` words either)
  const said = (code: 'UNSUPPORTED_MEDIA_TYPE' | 'PAYLOAD_TOO_LARGE') => errorCatalog[code][locale === 'en' ? 'en' : 'zh'];
  if (!contentType) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', said('UNSUPPORTED_MEDIA_TYPE'), { allowed: Object.keys(acceptedTypes) });
  if (file.size > maxUploadBytes) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', said('PAYLOAD_TOO_LARGE'), { maxBytes: maxUploadBytes });
  let reply = await read(await send(file, contentType, locale));
  if (!reply.ok && reply.error?.code === 'CSRF_FAILED') {
    // signed in again since the token was read: read it once more
    csrf = null;
    reply = await read(await send(file, contentType, locale));
  }
  if (reply.ok) return reply.body as StoredFile;
  const error = reply.error;
  throw new ApiError(reply.status, error?.code ?? 'BAD_RESPONSE', error?.message ?? reply.statusText, error?.details ?? null);
}

async function read(response: Response) {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  return { ok: response.ok, status: response.status, statusText: response.statusText, body, error: (body as Partial<ErrorBody> | null)?.error };
}
