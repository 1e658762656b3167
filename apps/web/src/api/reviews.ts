import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignmentView, ReviewView, ScoreInput } from '@portal/contracts';
import { api, isApiError } from './client';

const enc = encodeURIComponent;

/** The reviewer's own side of the assessment (`/assignments/...`); the admin's side lives in `assessment.ts`. */
export const reviewQueryKeys = {
  all: ['reviews'] as const,
  mine: () => ['reviews', 'mine'] as const,
  detail: (assignmentId: string) => ['reviews', 'detail', assignmentId] as const,
};

export interface SaveScoresInput {
  scores: ScoreInput[];
  /** false: a draft the reviewer can still change; true: the final review (no changes afterwards). */
  submit: boolean;
}

export function fetchMyAssignments(signal?: AbortSignal): Promise<AssignmentView[]> {
  return api.get<AssignmentView[]>('/assignments/mine', { signal });
}

export function fetchReview(assignmentId: string, signal?: AbortSignal): Promise<ReviewView> {
  return api.get<ReviewView>(`/assignments/${enc(assignmentId)}`, { signal });
}

export function saveScores(assignmentId: string, input: SaveScoresInput): Promise<ReviewView> {
  return api.put<ReviewView>(`/assignments/${enc(assignmentId)}/scores`, input);
}

/** Returns the reviewer's assignments afterwards (this one withdrawn; the admin's side assigns a replacement). */
export function declareConflict(assignmentId: string, reason: string): Promise<AssignmentView[]> {
  return api.post<AssignmentView[]>(`/assignments/${enc(assignmentId)}/conflict`, { reason });
}

/** The reviewer states having no conflict of interest with the applicant; the scoring form opens afterwards. */
export function stateNoConflict(assignmentId: string): Promise<ReviewView> {
  return api.post<ReviewView>(`/assignments/${enc(assignmentId)}/no-conflict`);
}

export function useMyAssignments() {
  return useQuery({
    queryKey: reviewQueryKeys.mine(),
    queryFn: ({ signal }) => fetchMyAssignments(signal),
  });
}

export function useReview(assignmentId: string | undefined) {
  return useQuery({
    queryKey: reviewQueryKeys.detail(assignmentId ?? ''),
    queryFn: ({ signal }) => fetchReview(assignmentId ?? '', signal),
    enabled: Boolean(assignmentId),
    retry: false,
  });
}

export function useSaveScores(assignmentId: string) {
  const client = useQueryClient();
  return useMutation<ReviewView, unknown, SaveScoresInput>({
    mutationFn: (input) => saveScores(assignmentId, input),
    onSuccess: (view) => client.setQueryData(reviewQueryKeys.detail(assignmentId), view),
    onError: (error) => {
      // Submitted or withdrawn meanwhile (another tab): reload, so the page shows it read-only.
      if (isApiError(error) && (error.code === 'REVIEW_ALREADY_SUBMITTED' || error.status === 403)) {
        void client.invalidateQueries({ queryKey: reviewQueryKeys.detail(assignmentId) });
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: reviewQueryKeys.mine() }),
  });
}

export function useDeclareConflict(assignmentId: string) {
  const client = useQueryClient();
  return useMutation<AssignmentView[], unknown, { reason: string }>({
    mutationFn: ({ reason }) => declareConflict(assignmentId, reason),
    onSuccess: (mine) => {
      client.setQueryData(reviewQueryKeys.mine(), mine);
      // The list answer carries this assignment's new status: show it at once, then reload the full view.
      const updated = mine.find((assignment) => assignment.id === assignmentId);
      if (updated) {
        client.setQueryData<ReviewView>(reviewQueryKeys.detail(assignmentId), (view) =>
          view ? { ...view, ...updated } : view,
        );
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: reviewQueryKeys.detail(assignmentId) }),
  });
}

export function useStateNoConflict(assignmentId: string) {
  const client = useQueryClient();
  return useMutation<ReviewView, unknown, void>({
    mutationFn: () => stateNoConflict(assignmentId),
    onSuccess: (view) => client.setQueryData(reviewQueryKeys.detail(assignmentId), view),
    onSettled: () => client.invalidateQueries({ queryKey: reviewQueryKeys.mine() }),
  });
}
