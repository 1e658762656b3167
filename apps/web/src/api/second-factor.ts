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

/**
 * Confirms with a code. The server lifts the session's enrolment limit at once; the page reads the current user
 * again only once the recovery codes are put away (`useRefreshCurrentUser`), so they stay on screen until then.
 */
export function useConfirmEnrolment() {
  return useSecondFactorMutation((code: string) =>
    api.post<RecoveryCodesResponse>('/auth/second-factor/enrolment/confirm', { code }),
  );
}

/** Reads the current user again (its enrolment limit may have been lifted). */
export function useRefreshCurrentUser() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: CURRENT_USER_QUERY_KEY });
}

export function useDisableSecondFactor() {
  return useSecondFactorMutation((proof: SecondFactorProof) => api.post<void>('/auth/second-factor/disable', proof));
}

export function useRegenerateRecoveryCodes() {
  return useSecondFactorMutation((proof: SecondFactorProof) =>
    api.post<RecoveryCodesResponse>('/auth/second-factor/recovery-codes', proof),
  );
}
