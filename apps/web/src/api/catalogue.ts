import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CallCatalogueView,
  CatalogueAllocationView,
  CatalogueReport,
  SubscriptionAllocationView,
  SubscriptionInput,
  SubscriptionView,
} from '@portal/contracts';
import { callQueryKeys } from './calls';
import { api, isApiError } from './client';

export const CATALOGUE_QUERY_KEY = ['catalogue'] as const;

export const catalogueQueryKeys = {
  subscription: (id: string) => [...CATALOGUE_QUERY_KEY, 'subscription', id] as const,
  subscriptionAllocation: (id: string) => [...CATALOGUE_QUERY_KEY, 'subscription-allocation', id] as const,
  allocation: (callId: string) => [...CATALOGUE_QUERY_KEY, 'allocation', callId] as const,
  report: (callId: string) => [...CATALOGUE_QUERY_KEY, 'report', callId] as const,
  catalogue: (callId: string) => [...CATALOGUE_QUERY_KEY, 'catalogue', callId] as const,
};

const dossierPath = (id: string, rest: string) => `/dossiers/${encodeURIComponent(id)}${rest}`;
const callPath = (id: string, rest: string) => `/calls/${encodeURIComponent(id)}${rest}`;

export function fetchSubscription(id: string, signal?: AbortSignal): Promise<SubscriptionView> {
  return api.get<SubscriptionView>(dossierPath(id, '/subscription'), { signal });
}

/** Autosave of the whole subscription; `version` is the dossier version the changes were made on. */
export function putSubscription(id: string, version: number, input: SubscriptionInput): Promise<SubscriptionView> {
  return api.put<SubscriptionView>(dossierPath(id, '/subscription'), input, {
    headers: { 'If-Match': String(version) },
  });
}

export function conflictingSubscription(error: unknown): SubscriptionView | null {
  if (!isApiError(error) || error.code !== 'VERSION_CONFLICT') return null;
  const current = error.extensions.current;
  return typeof current === 'object' && current !== null ? (current as SubscriptionView) : null;
}

export function useSubscription(id: string | undefined) {
  return useQuery({
    queryKey: catalogueQueryKeys.subscription(id ?? ''),
    queryFn: ({ signal }) => fetchSubscription(id ?? '', signal),
    enabled: Boolean(id),
  });
}

export function useSubscriptionAllocation(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: catalogueQueryKeys.subscriptionAllocation(id ?? ''),
    queryFn: ({ signal }) => api.get<SubscriptionAllocationView>(dossierPath(id ?? '', '/allocation'), { signal }),
    enabled: Boolean(id) && enabled,
  });
}

export function useCallCatalogue(callId: string | undefined) {
  return useQuery({
    queryKey: catalogueQueryKeys.catalogue(callId ?? ''),
    queryFn: ({ signal }) => api.get<CallCatalogueView>(callPath(callId ?? '', '/catalogue'), { signal }),
    enabled: Boolean(callId),
  });
}

/** The latest allocation of the call, or null when none was computed yet. */
export function useAllocation(callId: string | undefined) {
  return useQuery({
    queryKey: catalogueQueryKeys.allocation(callId ?? ''),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<CatalogueAllocationView>(callPath(callId ?? '', '/allocation'), { signal });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(callId),
  });
}

export function computeAllocation(callId: string): Promise<CatalogueAllocationView> {
  return api.post<CatalogueAllocationView>(callPath(callId, '/allocation'));
}

export function sendAllocation(callId: string): Promise<CatalogueAllocationView> {
  return api.post<CatalogueAllocationView>(callPath(callId, '/allocation/send'));
}

export function returnAllocation(callId: string, remarks: string): Promise<CatalogueAllocationView> {
  return api.post<CatalogueAllocationView>(callPath(callId, '/allocation/return'), { remarks });
}

export function approveAllocation(
  callId: string,
  decisionDate: string,
  decisionReference: string,
): Promise<CatalogueAllocationView> {
  return api.post<CatalogueAllocationView>(callPath(callId, '/allocation/approve'), {
    decisionDate,
    decisionReference,
  });
}

/** One step of the allocation's approval: compute (again), send to the minister, approve or return. */
export type AllocationStep =
  | { kind: 'compute' }
  | { kind: 'send' }
  | { kind: 'approve'; decisionDate: string; decisionReference: string }
  | { kind: 'return'; remarks: string };

function runAllocationStep(callId: string, step: AllocationStep): Promise<CatalogueAllocationView> {
  switch (step.kind) {
    case 'compute':
      return computeAllocation(callId);
    case 'send':
      return sendAllocation(callId);
    case 'approve':
      return approveAllocation(callId, step.decisionDate, step.decisionReference);
    case 'return':
      return returnAllocation(callId, step.remarks);
  }
}

/** The allocation's steps as one mutation (one busy state, one error); each refreshes the catalogue's queries. */
export function useAllocationStep(callId: string) {
  const queryClient = useQueryClient();
  return useMutation<CatalogueAllocationView, unknown, AllocationStep>({
    mutationFn: (step) => runAllocationStep(callId, step),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CATALOGUE_QUERY_KEY }),
  });
}

export function useCatalogueReport(callId: string | undefined) {
  return useQuery({
    queryKey: catalogueQueryKeys.report(callId ?? ''),
    queryFn: ({ signal }) => api.get<CatalogueReport>(callPath(callId ?? '', '/catalogue-report'), { signal }),
    enabled: Boolean(callId),
  });
}

/** Download links (the session cookie goes with a plain link; GET needs no CSRF token). */
export function reportExportUrl(callId: string, format: 'csv' | 'xlsx', part?: string): string {
  const query = new URLSearchParams({ format, ...(part ? { part } : {}) });
  return `/api/v1${callPath(callId, '/catalogue-report/export')}?${query.toString()}`;
}

export function allocationExportUrl(callId: string, format: 'csv' | 'xlsx'): string {
  return `/api/v1${callPath(callId, '/allocation/export')}?format=${format}`;
}

/** `PUT /calls/:id/catalogue` on the call's `version`: the catalogue (objectives, actions, rows) makes it a catalogue call. */
export function importCatalogue(callId: string, version: number, catalogue: unknown): Promise<CallCatalogueView> {
  return api.put<CallCatalogueView>(
    callPath(callId, '/catalogue'),
    { catalogue },
    { headers: { 'If-Match': String(version) } },
  );
}

/** Imports a catalogue; the call (its version and kind change) is loaded again. */
export function useImportCatalogue(callId: string) {
  const queryClient = useQueryClient();
  return useMutation<CallCatalogueView, unknown, { version: number; catalogue: unknown }>({
    mutationFn: ({ version, catalogue }) => importCatalogue(callId, version, catalogue),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: callQueryKeys.detail(callId) }),
  });
}
