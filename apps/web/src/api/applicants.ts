import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicantMemberView, ApplicantView, InvitationView, RegisterApplicantInput } from '@portal/contracts';
import { api } from './client';
import { CURRENT_USER_QUERY_KEY } from '../auth/use-auth';
import { DOSSIERS_QUERY_KEY } from './dossiers';

export const MY_APPLICANTS_QUERY_KEY = ['applicants', 'mine'] as const;

export const applicantQueryKeys = {
  members: (applicantId: string) => ['applicants', 'members', applicantId] as const,
};

export function fetchMyApplicants(signal?: AbortSignal): Promise<ApplicantView[]> {
  return api.get<ApplicantView[]>('/applicants/mine', { signal });
}

export function registerApplicant(input: RegisterApplicantInput): Promise<ApplicantView> {
  return api.post<ApplicantView>('/applicants', input);
}

/** `GET /applicants/:id/members` (members of that applicant only). */
export function fetchMembers(applicantId: string, signal?: AbortSignal): Promise<ApplicantMemberView[]> {
  return api.get<ApplicantMemberView[]>(`/applicants/${encodeURIComponent(applicantId)}/members`, { signal });
}

/** `POST /applicants/:id/invitations` (the applicant's admins only): mails a single-use link to the address. */
export function inviteColleague(applicantId: string, email: string): Promise<InvitationView> {
  return api.post<InvitationView>(`/applicants/${encodeURIComponent(applicantId)}/invitations`, { email });
}

/** `POST /invitations/:token/accept`: the logged-in applicant joins the organisation the invitation is for. */
export function acceptInvitation(token: string): Promise<ApplicantView> {
  return api.post<ApplicantView>(`/invitations/${encodeURIComponent(token)}/accept`);
}

export function useMyApplicants(enabled = true) {
  return useQuery({ queryKey: MY_APPLICANTS_QUERY_KEY, queryFn: ({ signal }) => fetchMyApplicants(signal), enabled });
}

export function useApplicantMembers(applicantId: string) {
  return useQuery({
    queryKey: applicantQueryKeys.members(applicantId),
    queryFn: ({ signal }) => fetchMembers(applicantId, signal),
  });
}

/** Registers an organisation or local government; "my applicants" are refreshed before the promise settles. */
export function useRegisterApplicant() {
  const queryClient = useQueryClient();
  return useMutation<ApplicantView, unknown, RegisterApplicantInput>({
    mutationFn: registerApplicant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_APPLICANTS_QUERY_KEY }),
  });
}

/** Accepts an invitation (the argument is its token): the new organisation and its dossiers are loaded again. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation<ApplicantView, unknown, string>({
    mutationFn: acceptInvitation,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: MY_APPLICANTS_QUERY_KEY });
      await queryClient.invalidateQueries({ queryKey: DOSSIERS_QUERY_KEY });
      // The invitation was mailed to the address, so accepting it confirmed the address (the banner goes).
      await queryClient.invalidateQueries({ queryKey: CURRENT_USER_QUERY_KEY });
    },
  });
}

/** Invites a colleague (the argument is their address); they become a member once they accept. */
export function useInviteColleague(applicantId: string) {
  return useMutation<InvitationView, unknown, string>({ mutationFn: (email) => inviteColleague(applicantId, email) });
}
