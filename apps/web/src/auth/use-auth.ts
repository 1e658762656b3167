import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegisterUserInput, SecondFactorChallengeResponse, UserView } from '@portal/contracts';
import {
  changePassword,
  completeTotpLogin,
  confirmPasswordReset,
  fetchCurrentUser,
  login,
  logout,
  logoutEverywhere,
  requestPasswordReset,
  registerUser,
  updateProfile,
  type LoginRequest,
  type PasswordChange,
  type PasswordResetConfirmation,
  type ProfileUpdate,
} from '../api/auth';
import { setCsrfToken } from '../api/client';

export const CURRENT_USER_QUERY_KEY = ['auth', 'me'] as const;

/** The logged-in user (`data` is null when anonymous). */
export function useCurrentUser() {
  return useQuery<UserView | null>({
    queryKey: CURRENT_USER_QUERY_KEY,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    staleTime: 5 * 60_000,
  });
}

/** Logs in; an account with a second factor answers a challenge instead (the session starts with the code). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<UserView | SecondFactorChallengeResponse, unknown, LoginRequest>({
    mutationFn: login,
    onSuccess: (outcome) => {
      if ('secondFactorRequired' in outcome) return;
      // Nothing cached for a previous session may leak into the new one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== CURRENT_USER_QUERY_KEY[0] });
      queryClient.setQueryData(CURRENT_USER_QUERY_KEY, outcome);
    },
  });
}

/** Completes a challenged login with a code, like `useLogin`. */
export function useCompleteTotpLogin() {
  const queryClient = useQueryClient();
  return useMutation<UserView, unknown, { challenge: string; code: string }>({
    mutationFn: completeTotpLogin,
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== CURRENT_USER_QUERY_KEY[0] });
      queryClient.setQueryData(CURRENT_USER_QUERY_KEY, user);
    },
  });
}

/** Creates an account and logs it in, like `useLogin`. */
export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation<UserView, unknown, RegisterUserInput>({
    mutationFn: registerUser,
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== CURRENT_USER_QUERY_KEY[0] });
      queryClient.setQueryData(CURRENT_USER_QUERY_KEY, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation<void, unknown, void>({
    mutationFn: logout,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(CURRENT_USER_QUERY_KEY, null);
    },
  });
}

/** Ends every session of the account, this browser's too: forget everything cached, like `useLogout`. */
export function useLogoutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation<{ sessionsEnded: number }, unknown, void>({
    mutationFn: logoutEverywhere,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(CURRENT_USER_QUERY_KEY, null);
    },
  });
}

/** Changes the password; this session stays, the server ends the others. */
export function useChangePassword() {
  return useMutation<void, unknown, PasswordChange>({ mutationFn: changePassword });
}

/** Changes the profile; the auth state then holds the user the server returned. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation<UserView, unknown, ProfileUpdate>({
    mutationFn: updateProfile,
    onSuccess: (user) => {
      queryClient.setQueryData(CURRENT_USER_QUERY_KEY, user);
    },
  });
}

/**
 * Chooses a new password with the token from the mail. The server ends every session of the account, so a session
 * this browser may have had is gone too: forget it (and its CSRF token).
 */
export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation<void, unknown, PasswordResetConfirmation>({
    mutationFn: confirmPasswordReset,
    onSuccess: () => {
      if (queryClient.getQueryData(CURRENT_USER_QUERY_KEY)) {
        setCsrfToken(null);
        queryClient.clear();
        queryClient.setQueryData(CURRENT_USER_QUERY_KEY, null);
      }
    },
  });
}

/** Asks for a password reset mail (the argument is the address); the answer is the same for any address. */
export function useRequestPasswordReset() {
  return useMutation<void, unknown, string>({ mutationFn: requestPasswordReset });
}
