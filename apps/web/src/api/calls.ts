import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CallInput, CallView } from '@portal/contracts';
import { recordServerTime } from '../lib/server-clock';
import { api } from './client';

export const CALLS_QUERY_KEY = ['calls'] as const;

export const callQueryKeys = {
  list: (includeDrafts: boolean) => [...CALLS_QUERY_KEY, 'list', includeDrafts ? 'with-drafts' : 'published'] as const,
  detail: (id: string) => [...CALLS_QUERY_KEY, 'detail', id] as const,
};

function noteServerTime<T extends { serverTime?: string }>(view: T): T {
  if (view.serverTime) recordServerTime(view.serverTime);
  return view;
}

/** `GET /calls` (public); admins get drafts too with `include=drafts`. */
export async function fetchCalls(includeDrafts = false, signal?: AbortSignal): Promise<CallView[]> {
  const calls = await api.get<CallView[]>('/calls', {
    query: { include: includeDrafts ? 'drafts' : undefined },
    signal,
  });
  const first = calls[0];
  if (first) noteServerTime(first);
  return calls;
}

export async function fetchCall(id: string, signal?: AbortSignal): Promise<CallView> {
  return noteServerTime(await api.get<CallView>(`/calls/${encodeURIComponent(id)}`, { signal }));
}

export function createCall(input: CallInput): Promise<CallView> {
  return api.post<CallView>('/calls', input);
}

export function updateCall(id: string, version: number, patch: Partial<CallInput>): Promise<CallView> {
  return api.patch<CallView>(`/calls/${encodeURIComponent(id)}`, patch, { headers: { 'If-Match': String(version) } });
}

export function publishCall(id: string): Promise<CallView> {
  return api.post<CallView>(`/calls/${encodeURIComponent(id)}/publish`);
}

export function useCalls(includeDrafts = false) {
  return useQuery({
    queryKey: callQueryKeys.list(includeDrafts),
    queryFn: ({ signal }) => fetchCalls(includeDrafts, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: callQueryKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchCall(id ?? '', signal),
    enabled: Boolean(id),
  });
}
