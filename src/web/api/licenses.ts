import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssuedLicense, LicenseCancelGround } from '../../common/licenses.ts';
import { api } from './client.ts';
import { useBatchRunner } from './batch.ts';

export type { IssuedLicense, LicenseCancelGround };

/** The states the ledger filters by (GET /licenses/issued?state=). */
export const issuedFilterStates = ['valid', 'expiring', 'expired', 'revoked', 'superseded', 'cancelled'] as const;
export type IssuedFilterState = (typeof issuedFilterStates)[number];

export interface IssuedFilter {
  state?: IssuedFilterState;
  /** an exact license number, or part of the holder's name */
  q?: string;
}

/** 证照核验's answer: what anyone checking a license by its number is told (GET /licenses/verify/{number}). */
export interface VerifiedLicense {
  number: string;
  type: string;
  subject: string;
  /** the issuing item's type (事项类型): a permit (`licensing`) names its subject 许可事项, anything else 办理事项 */
  itemType: string | null;
  /** an enterprise in full; a person masked */
  holder: string;
  holderKind: string;
  issuer: string;
  issuedAt: string;
  validUntil: string | null;
  state: 'valid' | 'expired' | 'deemed_renewed' | 'revoked' | 'superseded' | 'cancelled';
  revokedAt: string | null;
  supersededAt: string | null;
  /** the renewal's new license number */
  replacedBy: string | null;
  cancelledAt: string | null;
  cancelGround: LicenseCancelGround | null;
  /** the PDF's SHA-256 (hex); null until it is rendered */
  sha256: string | null;
  checkedAt: string;
}

/** What a license number looks like (the server refuses anything else with 400). */
export const licenseNumberPattern = /^[0-9A-Za-z-]{3,60}$/;

export const licenseKeys = {
  all: ['licenses'] as const,
  issued: (filter: IssuedFilter, page: number, pageSize: number) => ['licenses', 'issued', filter, page, pageSize] as const,
  verify: (number: string) => ['licenses', 'verify', number] as const,
};

/** 证照管理: the licenses issued by the cases I may read, newest first (expiring: soonest end first). */
export function useIssuedLicenses(filter: IssuedFilter, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: licenseKeys.issued(filter, page, pageSize),
    queryFn: () =>
      api.get<{ items: IssuedLicense[]; total: number }>('/licenses/issued', {
        state: filter.state,
        q: filter.q,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/**
 * 注销 (行政许可法 art. 70). The dialog shows the refusals itself (silent); the ledger, the holder's licenses and the
 * issuing case (its documents and timeline) are refreshed either way: a 409 means someone else changed the license.
 */
export function useCancelLicense() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ground, note, key }: { id: number; ground: LicenseCancelGround; note: string | null; key: string }) =>
      api.post<IssuedLicense>(`/licenses/${id}/cancel`, { ground, note }, { idempotencyKey: key }),
    meta: { silent: true },
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: licenseKeys.all }), queryClient.invalidateQueries({ queryKey: ['cases'] })]),
  });
}

/** A short fingerprint of a text (FNV-1a, 32 bits, hex): enough to tell two notes apart in an Idempotency-Key. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * 批量注销 of licenses that ran out without renewal (行政许可法 art. 70 (一)): one cancellation per license on the
 * shared batch runner, on the ground `expired`. Each license's key is made of the license, the ground and the note, so
 * a batch run again after a lost answer replays what was done instead of being refused. What is refused (409: it no
 * longer holds — cancelled meanwhile; 403; 404) comes back with the license; the ledger and the cases are refreshed.
 */
export function useBatchCancelLicenses() {
  const queryClient = useQueryClient();
  const batch = useBatchRunner();
  const run = async (licenses: readonly Pick<IssuedLicense, 'id' | 'number'>[], note: string | null) => {
    const ground: LicenseCancelGround = 'expired';
    const { succeeded, missed } = await batch.run(
      licenses,
      (l) =>
        api.post<IssuedLicense>(
          `/licenses/${l.id}/cancel`,
          { ground, note },
          { idempotencyKey: `license-cancel-${l.id}-${ground}-${fingerprint(note ?? '')}` },
        ),
      (l) => l.number,
      () => Promise.all([queryClient.invalidateQueries({ queryKey: licenseKeys.all }), queryClient.invalidateQueries({ queryKey: ['cases'] })]),
    );
    return { cancelled: succeeded, missed };
  };
  return { run, progress: batch.progress };
}

/**
 * 证照核验 (public): asked once per number and kept a minute — the server allows an address sixty checks a minute.
 */
export function useVerifyLicense(number: string | undefined) {
  return useQuery({
    queryKey: licenseKeys.verify(number ?? ''),
    queryFn: () => api.get<VerifiedLicense>(`/licenses/verify/${encodeURIComponent(number!)}`, undefined, { anonymousOk: true }),
    enabled: !!number && licenseNumberPattern.test(number),
    staleTime: 60_000,
    retry: false,
  });
}
