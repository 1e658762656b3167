import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BudgetDecisionInput, BudgetDecisionView } from '@portal/contracts';
import { api } from './client';

/**
 * A motivated budget raise (ADR 0009): the administration's before the decision, the minister's after it. The call,
 * its proposal and everything computed from the budget are read again afterwards.
 */
export function useDecideBudget(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BudgetDecisionInput) =>
      api.post<BudgetDecisionView[]>(`/calls/${encodeURIComponent(callId)}/budget-decisions`, input),
    onSettled: () => client.invalidateQueries(),
  });
}
