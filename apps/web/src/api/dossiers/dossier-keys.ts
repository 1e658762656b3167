export const DOSSIERS_QUERY_KEY = ['dossiers'] as const;

export const dossierQueryKeys = {
  mine: () => [...DOSSIERS_QUERY_KEY, 'mine'] as const,
  detail: (id: string) => [...DOSSIERS_QUERY_KEY, 'detail', id] as const,
  receipt: (id: string) => [...DOSSIERS_QUERY_KEY, 'receipt', id] as const,
};

export const dossierPath = (id: string, rest = '') => `/dossiers/${encodeURIComponent(id)}${rest}`;
