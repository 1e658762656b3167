import type { TFunction } from 'i18next';
import type { CallView } from '@portal/contracts';
import { isCallOpen } from '@portal/domain';
import { currentLanguage } from '../i18n';

/** Picks the UI language's text of a `{ nl, en }` message from the domain rules. */
export function localized(message: { nl: string; en: string }): string {
  return message[currentLanguage()];
}

/** Label of a policy domain (the stored value is its Dutch name). */
export function policyDomainLabel(t: TFunction, domain: string): string {
  const key = `policyDomain.${domain}`;
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: domain });
}

/** Label of a dossier timeline action code. */
export function timelineActionLabel(t: TFunction, action: string): string {
  // Audit actions are namespaced ("dossier.submitted"); the label key is the part after the entity.
  const key = `dossier.timelineAction.${action.replace(/^dossier\./, '').replace(/\./g, '_')}`;
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: action });
}

/** Where a call stands for the people applying: not published, not open yet, open, or no longer open. */
export type CallPhase = 'draft' | 'planned' | 'open' | 'closed';

/** By the domain's rule (`isCallOpen`), at the server's clock (`serverTime`, the moment the view was made). */
export function callPhase(call: Pick<CallView, 'status' | 'opensAt' | 'closesAt' | 'serverTime'>): CallPhase {
  if (call.status === 'draft') return 'draft';
  if (isCallOpen(call, call.serverTime)) return 'open';
  return Date.parse(call.serverTime) < Date.parse(call.opensAt) ? 'planned' : 'closed';
}
