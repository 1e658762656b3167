import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecoveryCodesResponse, SecondFactorEnrolment, SecondFactorStatus } from '@portal/contracts';
import { CURRENT_USER_QUERY_KEY } from '../auth/use-auth';
import { api } from './client';

export const SECOND_FACTOR_QUERY_KEY = ['second-factor'] as const;

/** Proof that it is the person: a current code from the app, or the password. */
export type SecondFactorProof = { code: string } | { password: string };

/** `GET /auth/second-factor`: enabled, required for my role, recovery codes left. */
export function fetchSecondFactor(signal?: AbortSignal): Promise<SecondFactorStatus> {
  return api.get<SecondFactorStatus>('/auth/second-factor', { signal });
}

export function useSecondFactor() {
  return useQuery({ queryKey: SECOND_FACTOR_QUERY_KEY, queryFn: ({ signal }) => fetchSecondFactor(signal) });
}

/** A mutation that refreshes the second-factor status (and, for enrolment, the user's limits) once it succeeded. */
function useSecondFactorMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation<TResult, unknown, TInput>({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SECOND_FACTOR_QUERY_KEY }),
  });
}

/** `POST /auth/second-factor/enrolment`: a new secret to scan (shown only now). */
export function useStartEnrolment() {
  return useMutation<SecondFactorEnrolment, unknown, void>({
    mutationFn: () => api.post<SecondFactorEnrolment>('/auth/second-factor/enrolment'),
  });
}

/** Confirms with a code; the enrolment limit of the session is lifted, so the current user is read again. */
export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation<RecoveryCodesResponse, unknown, string>({
    mutationFn: (code) => api.post<RecoveryCodesResponse>('/auth/second-factor/enrolment/confirm', { code }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: SECOND_FACTOR_QUERY_KEY });
      await queryClient.invalidateQueries({ queryKey: CURRENT_USER_QUERY_KEY });
    },
  });
}

export function useDisableSecondFactor() {
  return useSecondFactorMutation((proof: SecondFactorProof) => api.post<void>('/auth/second-factor/disable', proof));
}

export function useRegenerateRecoveryCodes() {
  return useSecondFactorMutation((proof: SecondFactorProof) =>
    api.post<RecoveryCodesResponse>('/auth/second-factor/recovery-codes', proof),
  );
}
