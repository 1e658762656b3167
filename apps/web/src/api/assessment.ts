import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdmissibilityRow,
  AssignmentView,
  DossierDecisionView,
  DossierScoresView,
  ProposalSummary,
  ProposalView,
  RankingRow,
  ReserveView,
} from '@portal/contracts';
import { api, isApiError } from './client';

const enc = encodeURIComponent;

export const assessmentKeys = {
  all: ['assessment'] as const,
  call: (callId: string) => ['assessment', callId] as const,
  admissibility: (callId: string) => ['assessment', callId, 'admissibility'] as const,
  assignments: (callId: string) => ['assessment', callId, 'assignments'] as const,
  scores: (callId: string) => ['assessment', callId, 'scores'] as const,
  ranking: (callId: string) => ['assessment', callId, 'ranking'] as const,
  proposal: (callId: string) => ['assessment', callId, 'proposal'] as const,
  reserve: (callId: string) => ['assessment', callId, 'reserve'] as const,
  proposals: () => ['assessment', 'proposals'] as const,
  decision: (dossierId: string) => ['decision', dossierId] as const,
};

export function useAdmissibility(callId: string) {
  return useQuery({
    queryKey: assessmentKeys.admissibility(callId),
    queryFn: ({ signal }) => api.get<AdmissibilityRow[]>(`/calls/${enc(callId)}/admissibility`, { signal }),
    retry: false,
  });
}

export function useAssignments(callId: string, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.assignments(callId),
    queryFn: ({ signal }) => api.get<AssignmentView[]>(`/calls/${enc(callId)}/assignments`, { signal }),
    enabled,
    retry: false,
  });
}

export function useScores(callId: string, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.scores(callId),
    queryFn: ({ signal }) => api.get<DossierScoresView[]>(`/calls/${enc(callId)}/scores`, { signal }),
    enabled,
    retry: false,
  });
}

export function useRanking(callId: string, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.ranking(callId),
    queryFn: ({ signal }) => api.get<RankingRow[]>(`/calls/${enc(callId)}/ranking`, { signal }),
    enabled,
    retry: false,
  });
}

/** The latest proposal of a call, or null when there is none yet. */
export function useProposal(callId: string, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.proposal(callId),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<ProposalView>(`/calls/${enc(callId)}/proposal`, { signal });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
    retry: false,
  });
}

export function useReserve(callId: string, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.reserve(callId),
    queryFn: ({ signal }) => api.get<ReserveView>(`/calls/${enc(callId)}/reserve`, { signal }),
    enabled,
    retry: false,
  });
}

export function useProposals() {
  return useQuery({
    queryKey: assessmentKeys.proposals(),
    queryFn: ({ signal }) => api.get<ProposalSummary[]>('/proposals', { signal }),
  });
}

export function useDossierDecision(dossierId: string) {
  return useQuery({
    queryKey: assessmentKeys.decision(dossierId),
    queryFn: ({ signal }) => api.get<DossierDecisionView>(`/dossiers/${enc(dossierId)}/decision`, { signal }),
  });
}

export function decisionLetterUrl(dossierId: string): string {
  return `/api/v1/dossiers/${enc(dossierId)}/decision/letter`;
}

export function exportUrl(callId: string, what: 'ranking' | 'proposal', format: 'csv' | 'xlsx'): string {
  return `/api/v1/calls/${enc(callId)}/${what}/export?format=${format}`;
}

/** A mutation that refreshes everything of the call's assessment afterwards. */
function useCallMutation<TInput, TResult>(callId: string, fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: assessmentKeys.call(callId) }),
  });
}

export function useDecideAdmissibility(callId: string) {
  return useCallMutation(
    callId,
    (input: { dossierId: string; decision: 'admissible' | 'inadmissible'; motivation: string }) =>
      api.post<AdmissibilityRow>(`/dossiers/${enc(input.dossierId)}/admissibility`, {
        decision: input.decision,
        motivation: input.motivation,
      }),
  );
}

export function useDecideAdmissibilityInBulk(callId: string) {
  return useCallMutation(callId, (input: { decision: 'admissible'; motivation: string }) =>
    api.post<AdmissibilityRow[]>(`/calls/${enc(callId)}/admissibility`, input),
  );
}

export function useAssign(callId: string) {
  return useCallMutation(callId, (input: { perDossier: number }) =>
    api.post<AssignmentView[]>(`/calls/${enc(callId)}/assignments`, input),
  );
}

export function useSetConsensus(callId: string) {
  return useCallMutation(
    callId,
    (input: { dossierId: string; scores: Array<{ criterionCode: string; score: number; motivation: string }> }) =>
      api.put<void>(`/dossiers/${enc(input.dossierId)}/consensus`, { scores: input.scores }),
  );
}

export interface ProposalInput {
  marginRule: 'skip' | 'partial';
  reserveSize?: number;
  adjustments?: Array<{ dossierId: string; adjustedCents: number; motivation: string }>;
  overrides?: Array<{ dossierId: string; decision: 'select' | 'exclude'; motivation: string }>;
}

export function useCreateProposal(callId: string) {
  return useCallMutation(callId, (input: ProposalInput) =>
    api.post<ProposalView>(`/calls/${enc(callId)}/proposal`, input),
  );
}

export function useSendProposal(callId: string) {
  return useCallMutation(callId, () => api.post<ProposalView>(`/calls/${enc(callId)}/proposal/send`));
}

export function useReturnProposal(callId: string) {
  return useCallMutation(callId, (input: { remarks: string }) =>
    api.post<ProposalView>(`/calls/${enc(callId)}/proposal/return`, input),
  );
}

export function useApproveProposal(callId: string) {
  return useCallMutation(callId, (input: { decisionDate: string; decisionReference: string }) =>
    api.post<ProposalView>(`/calls/${enc(callId)}/proposal/approve`, input),
  );
}

export function useProposePromotion(callId: string) {
  return useCallMutation(callId, (input: { dossierId: string; motivation: string }) =>
    api.post<ReserveView>(`/calls/${enc(callId)}/reserve-promotions`, input),
  );
}

export function useDecidePromotion(callId: string) {
  return useCallMutation(
    callId,
    (
      input:
        | { promotionId: string; confirm: true; decisionDate: string; decisionReference: string }
        | { promotionId: string; confirm: false; remarks: string },
    ) =>
      input.confirm
        ? api.post<ReserveView>(`/reserve-promotions/${enc(input.promotionId)}/confirm`, {
            decisionDate: input.decisionDate,
            decisionReference: input.decisionReference,
          })
        : api.post<ReserveView>(`/reserve-promotions/${enc(input.promotionId)}/refuse`, { remarks: input.remarks }),
  );
}

export function useDecline(dossierId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { motivation: string }) =>
      api.post<DossierDecisionView>(`/dossiers/${enc(dossierId)}/decline`, input),
    onSuccess: (view) => client.setQueryData(assessmentKeys.decision(dossierId), view),
    onSettled: () => client.invalidateQueries({ queryKey: ['dossiers'] }),
  });
}
