import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CallLedgerView,
  DossierFinanceView,
  LedgerView,
  RecordRepaymentInput,
  RecoveryView,
} from '@portal/contracts';
import { API_BASE, api } from './client';

const enc = encodeURIComponent;

/** After the final report (ADR 0025): the ledger, a dossier's finances, recoveries and repayments. */
export const settlementKeys = {
  all: ['settlement'] as const,
  callLedger: (callId: string) => ['settlement', 'ledger', callId] as const,
  recoveries: (callId: string) => ['settlement', 'recoveries', callId] as const,
  recovery: (id: string) => ['settlement', 'recovery', id] as const,
  finances: (dossierId: string) => ['settlement', 'finances', dossierId] as const,
  mine: ['settlement', 'ledger', 'mine'] as const,
};

export const ledgerExportUrl = (callId: string) => `${API_BASE}/calls/${enc(callId)}/ledger/export`;
/** The organisation's own ledger as XLSX (the page "Financieel overzicht"). */
export const myLedgerExportUrl = `${API_BASE}/ledger/mine/export`;
export const recoveryLetterUrl = (dossierId: string) => `${API_BASE}/dossiers/${enc(dossierId)}/recovery/letter`;

export function useCallLedger(callId: string) {
  return useQuery({
    queryKey: settlementKeys.callLedger(callId),
    queryFn: ({ signal }) => api.get<CallLedgerView>(`/calls/${enc(callId)}/ledger`, { signal }),
  });
}

/** The ledger of the user's organisations: a line per awarded dossier, totals summed by the database. */
export function useMyLedger() {
  return useQuery({
    queryKey: settlementKeys.mine,
    queryFn: ({ signal }) => api.get<LedgerView>('/ledger/mine', { signal }),
  });
}

export function useRecoveries(callId: string) {
  return useQuery({
    queryKey: settlementKeys.recoveries(callId),
    queryFn: ({ signal }) => api.get<RecoveryView[]>(`/calls/${enc(callId)}/recoveries`, { signal }),
  });
}

export function useRecovery(id: string) {
  return useQuery({
    queryKey: settlementKeys.recovery(id),
    queryFn: ({ signal }) => api.get<RecoveryView>(`/recoveries/${enc(id)}`, { signal }),
  });
}

export function useDossierFinances(dossierId: string, enabled = true) {
  return useQuery({
    queryKey: settlementKeys.finances(dossierId),
    queryFn: ({ signal }) => api.get<DossierFinanceView>(`/dossiers/${enc(dossierId)}/finances`, { signal }),
    enabled,
  });
}

export function useRecordRepayment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordRepaymentInput) => api.post<RecoveryView>(`/recoveries/${enc(id)}/repayments`, input),
    onSuccess: async (view) => {
      client.setQueryData(settlementKeys.recovery(id), view);
      await client.invalidateQueries({ queryKey: settlementKeys.all });
    },
  });
}
