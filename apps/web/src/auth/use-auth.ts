import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegisterUserInput } from '@portal/contracts';
import { fetchCurrentUser, login, logout, registerUser, type LoginRequest, type User } from '../api/auth';

export const CURRENT_USER_QUERY_KEY = ['auth', 'me'] as const;

/** The logged-in user (`data` is null when anonymous). */
export function useCurrentUser() {
  return useQuery<User | null>({
    queryKey: CURRENT_USER_QUERY_KEY,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<User, unknown, LoginRequest>({
    mutationFn: login,
    onSuccess: (user) => {
      // Nothing cached for a previous session may leak into the new one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== CURRENT_USER_QUERY_KEY[0] });
      queryClient.setQueryData(CURRENT_USER_QUERY_KEY, user);
    },
  });
}

/** Creates an account and logs it in, like `useLogin`. */
export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation<User, unknown, RegisterUserInput>({
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
