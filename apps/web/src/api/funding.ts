import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptanceInput,
  AcceptanceOverviewRow,
  AcceptanceView,
  PaymentBatchView,
  PaymentScheduleView,
  ScheduleTrancheInput,
} from '@portal/contracts';
import { api } from './client';

const enc = encodeURIComponent;

/** After the decision (ADR 0023): acceptance, payment schedule and payment batches. */
export const fundingKeys = {
  all: ['funding'] as const,
  acceptance: (dossierId: string) => ['funding', 'acceptance', dossierId] as const,
  acceptances: (callId: string) => ['funding', 'acceptances', callId] as const,
  schedule: (callId: string) => ['funding', 'schedule', callId] as const,
  batches: (callId: string) => ['funding', 'batches', callId] as const,
};

export function useAcceptance(dossierId: string, enabled = true) {
  return useQuery({
    queryKey: fundingKeys.acceptance(dossierId),
    queryFn: ({ signal }) => api.get<AcceptanceView>(`/dossiers/${enc(dossierId)}/acceptance`, { signal }),
    enabled,
  });
}

export function useAnswerAcceptance(dossierId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptanceInput) => api.post<AcceptanceView>(`/dossiers/${enc(dossierId)}/acceptance`, input),
    onSuccess: (view) => client.setQueryData(fundingKeys.acceptance(dossierId), view),
  });
}

export function useAcceptances(callId: string) {
  return useQuery({
    queryKey: fundingKeys.acceptances(callId),
    queryFn: ({ signal }) => api.get<AcceptanceOverviewRow[]>(`/calls/${enc(callId)}/acceptances`, { signal }),
  });
}

export function usePaymentSchedule(callId: string) {
  return useQuery({
    queryKey: fundingKeys.schedule(callId),
    queryFn: ({ signal }) => api.get<PaymentScheduleView>(`/calls/${enc(callId)}/payment-schedule`, { signal }),
  });
}

export function useSetPaymentSchedule(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tranches: ScheduleTrancheInput[]) =>
      api.put<PaymentScheduleView>(`/calls/${enc(callId)}/payment-schedule`, { tranches }),
    onSuccess: (view) => client.setQueryData(fundingKeys.schedule(callId), view),
  });
}

export function usePaymentBatches(callId: string) {
  return useQuery({
    queryKey: fundingKeys.batches(callId),
    queryFn: ({ signal }) => api.get<PaymentBatchView[]>(`/calls/${enc(callId)}/payment-batches`, { signal }),
  });
}

/** Compile, approve, cancel or mark paid: each refreshes the batches, the schedule's lock and the overview. */
export function useBatchAction(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      action:
        | { kind: 'create' }
        | { kind: 'approve' | 'cancel'; batchId: string }
        | { kind: 'paid'; batchId: string; executionDate: string },
    ) =>
      action.kind === 'create'
        ? api.post<PaymentBatchView>(`/calls/${enc(callId)}/payment-batches`)
        : action.kind === 'paid'
          ? api.post<PaymentBatchView>(`/payment-batches/${enc(action.batchId)}/paid`, {
              executionDate: action.executionDate,
            })
          : api.post<PaymentBatchView>(`/payment-batches/${enc(action.batchId)}/${action.kind}`),
    onSettled: () => client.invalidateQueries({ queryKey: fundingKeys.all }),
  });
}

export function batchFileUrl(batchId: string, format: 'sepa' | 'csv'): string {
  return `/api/v1/payment-batches/${enc(batchId)}/${format}`;
}
