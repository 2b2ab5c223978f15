import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Hall, OrganizationView, Page, RegionNode, StaffView, WindowView } from './types.ts';

export const orgKeys = {
  regions: ['org', 'regions'] as const,
  organizations: ['org', 'organizations'] as const,
  halls: ['org', 'halls'] as const,
  windows: (hallId: number) => ['org', 'halls', hallId, 'windows'] as const,
  staff: ['org', 'staff'] as const,
};

/** The public region tree, flat and ordered by code. */
export function useRegions() {
  return useQuery({ queryKey: orgKeys.regions, queryFn: () => api.get<RegionNode[]>('/org/regions'), staleTime: 5 * 60_000 });
}

export interface OrganizationFilter {
  q?: string;
  regionId?: number;
  kind?: string;
}

export function useOrganizations(filter: OrganizationFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...orgKeys.organizations, 'list', filter, page, pageSize],
    queryFn: () => api.get<Page<OrganizationView>>('/org/organizations', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** Every organization in scope, for pickers (the API's page maximum is 500). */
export function useOrganizationOptions(enabled = true) {
  return useQuery({
    queryKey: [...orgKeys.organizations, 'options'],
    queryFn: () => api.get<Page<OrganizationView>>('/org/organizations', { limit: 500 }),
    select: (p) => p.items,
    enabled,
    staleTime: 60_000,
  });
}

export function useHalls(enabled = true) {
  return useQuery({ queryKey: orgKeys.halls, queryFn: () => api.get<Hall[]>('/org/halls'), enabled });
}

export function useHall(id: number) {
  return useQuery({ queryKey: [...orgKeys.halls, id], queryFn: () => api.get<Hall>(`/org/halls/${id}`), enabled: id > 0 });
}

export function useWindows(hallId: number) {
  return useQuery({ queryKey: orgKeys.windows(hallId), queryFn: () => api.get<WindowView[]>(`/org/halls/${hallId}/windows`), enabled: hallId > 0 });
}

export interface StaffFilter {
  q?: string;
  organizationId?: number;
}

export function useStaff(filter: StaffFilter, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...orgKeys.staff, 'list', filter, page, pageSize],
    queryFn: () => api.get<Page<StaffView>>('/org/staff', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Staff in scope for pickers (A/B posts). */
export function useStaffOptions(enabled = true) {
  return useQuery({
    queryKey: [...orgKeys.staff, 'options'],
    queryFn: () => api.get<Page<StaffView>>('/org/staff', { limit: 500 }),
    select: (p) => p.items,
    enabled,
    staleTime: 60_000,
  });
}

export interface ColleagueView {
  accountId: number;
  name: string;
  title: string | null;
  organizationId: number;
  organizationName: string;
}

/** The staff directory: colleagues in my region and below, to name in my work (a copy of a case). */
export function useDirectory(q: string) {
  return useQuery({
    queryKey: [...orgKeys.staff, 'directory', q],
    queryFn: () => api.get<ColleagueView[]>('/org/directory', { q: q || undefined, limit: 30 }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
