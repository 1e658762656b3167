import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  StaffInvitationPreview,
  StaffInvitationView,
  StaffMemberView,
  StaffOverview,
  StaffRole,
} from '@portal/contracts';
import type { UserView as User } from '@portal/contracts';
import { api } from './client';

export const STAFF_QUERY_KEY = ['staff'] as const;

/** `GET /staff` (admins): staff members and open invitations. */
export function fetchStaff(signal?: AbortSignal): Promise<StaffOverview> {
  return api.get<StaffOverview>('/staff', { signal });
}

export function useStaff() {
  return useQuery({ queryKey: STAFF_QUERY_KEY, queryFn: ({ signal }) => fetchStaff(signal) });
}

/** A mutation that refreshes the staff overview once it succeeded. */
function useStaffMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation<TResult, unknown, TInput>({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STAFF_QUERY_KEY }),
  });
}

export function useInviteStaff() {
  return useStaffMutation((input: { email: string; roles: StaffRole[] }) =>
    api.post<StaffInvitationView>('/staff/invitations', input),
  );
}

/** Withdraws an open staff invitation (204); the overview refreshes without it. */
export function useWithdrawStaffInvitation() {
  return useStaffMutation((id: string) => api.post<void>(`/staff/invitations/${encodeURIComponent(id)}/withdraw`));
}

export function useChangeStaffRoles() {
  return useStaffMutation((input: { id: string; roles: StaffRole[] }) =>
    api.put<StaffMemberView>(`/staff/${encodeURIComponent(input.id)}/roles`, { roles: input.roles }),
  );
}

export function useSetStaffActive() {
  return useStaffMutation((input: { id: string; active: boolean }) =>
    api.post<StaffMemberView>(`/staff/${encodeURIComponent(input.id)}/${input.active ? 'reactivate' : 'deactivate'}`),
  );
}

/** `GET /staff-invitations/:token` (public): what the link is for. */
export function useStaffInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['staff-invitation', token],
    queryFn: ({ signal }) =>
      api.get<StaffInvitationPreview>(`/staff-invitations/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  });
}

export interface NewStaffAccount {
  token: string;
  displayName: string;
  password: string;
  locale?: 'nl' | 'en';
}

/** `POST /staff-invitations/accept`: a new account with the invitation's address and roles (then log in). */
export function useAcceptStaffInvitationWithAccount() {
  return useMutation<User, unknown, NewStaffAccount>({
    mutationFn: (input) => api.post<User>('/staff-invitations/accept', input),
  });
}

/** `POST /staff-invitations/:token/accept`: the logged-in person gets the roles; the current user is refreshed. */
export function useAcceptStaffInvitationAsMe() {
  const queryClient = useQueryClient();
  return useMutation<User, unknown, string>({
    mutationFn: (token) => api.post<User>(`/staff-invitations/${encodeURIComponent(token)}/accept`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth', 'me'] }),
  });
}
