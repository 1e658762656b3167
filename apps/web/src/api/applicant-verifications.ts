import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicantVerificationDecision,
  ApplicantVerificationStatus,
  ApplicantVerificationView,
} from '@portal/contracts';
import { api } from './client';

export const APPLICANT_VERIFICATIONS_QUERY_KEY = ['applicant-verifications'] as const;

/** `GET /applicant-verifications?status=` (admins): organisations and local governments by verification status. */
export function fetchApplicantVerifications(
  status: ApplicantVerificationStatus,
  signal?: AbortSignal,
): Promise<ApplicantVerificationView[]> {
  return api.get<ApplicantVerificationView[]>(`/applicant-verifications?status=${encodeURIComponent(status)}`, {
    signal,
  });
}

export function useApplicantVerifications(status: ApplicantVerificationStatus) {
  return useQuery({
    queryKey: [...APPLICANT_VERIFICATIONS_QUERY_KEY, status],
    queryFn: ({ signal }) => fetchApplicantVerifications(status, signal),
  });
}

/** `POST /applicants/:id/verification`: verify, or reject with a motivation; every list is loaded again. */
export function useDecideApplicantVerification() {
  const queryClient = useQueryClient();
  return useMutation<ApplicantVerificationView, unknown, ApplicantVerificationDecision & { id: string }>({
    mutationFn: ({ id, ...decision }) =>
      api.post<ApplicantVerificationView>(`/applicants/${encodeURIComponent(id)}/verification`, decision),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: APPLICANT_VERIFICATIONS_QUERY_KEY }),
  });
}
