import { useQuery } from '@tanstack/react-query';
import type { ApplicantMemberView, ApplicantView, InvitationView, RegisterApplicantInput } from '@portal/contracts';
import { api } from './client';

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
