import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EmailConfirmedResponse } from '@portal/contracts';
import { CURRENT_USER_QUERY_KEY } from '../auth/use-auth';
import { api } from './client';

/** `POST /auth/email-verification`: mails a new confirmation link (ends the earlier ones; limited per person). */
export function resendEmailVerification(): Promise<{ status: 'accepted' }> {
  return api.post<{ status: 'accepted' }>('/auth/email-verification');
}

/** `POST /auth/email-verification/confirm`: confirms the address with the token from the mailed link. */
export function confirmEmail(token: string): Promise<EmailConfirmedResponse> {
  return api.post<EmailConfirmedResponse>('/auth/email-verification/confirm', { token });
}

export function useResendEmailVerification() {
  return useMutation<{ status: 'accepted' }, unknown, void>({ mutationFn: resendEmailVerification });
}

/** Confirms the address; the current user is loaded again so the banner goes away. */
export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation<EmailConfirmedResponse, unknown, string>({
    mutationFn: confirmEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CURRENT_USER_QUERY_KEY }),
  });
}
