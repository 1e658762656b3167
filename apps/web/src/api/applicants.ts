import { useQuery } from '@tanstack/react-query';
import type { ApplicantView, RegisterApplicantInput } from '@portal/contracts';
import { api } from './client';

export const MY_APPLICANTS_QUERY_KEY = ['applicants', 'mine'] as const;

export function fetchMyApplicants(signal?: AbortSignal): Promise<ApplicantView[]> {
  return api.get<ApplicantView[]>('/applicants/mine', { signal });
}

export function registerApplicant(input: RegisterApplicantInput): Promise<ApplicantView> {
  return api.post<ApplicantView>('/applicants', input);
}

export function useMyApplicants(enabled = true) {
  return useQuery({ queryKey: MY_APPLICANTS_QUERY_KEY, queryFn: ({ signal }) => fetchMyApplicants(signal), enabled });
}
