import {
  catalogueFromJson,
  formatEuro,
  subscriptionIssues,
  subscriptionTotals,
  type Catalogue,
  type RuleIssue,
  type Subscription,
} from '@portal/domain';
import { SUBSCRIPTION_DRAFT_ISSUE_CODES, FIELD_MESSAGES } from '@portal/contracts';
import { AppException, type CallEntity, type DossierEntity } from '@portal/server';
import { throwIfIssues } from '../common/rule-issues';

/**
 * The rules of a subscription to a catalogue call (Plan Samenleven). A subscription is a dossier of that call, so the
 * deadline, autosave, submit, receipt and audit of dossiers apply unchanged; only what "complete and correct" means
 * differs, and that lives here.
 */

/** Issues refused at every save: what can never be stored (ADR 0018); a draft that breaks a rule is stored. */
const DRAFT_ISSUE_CODES = new Set(SUBSCRIPTION_DRAFT_ISSUE_CODES);

/** The catalogue stored with a catalogue call; NOT_A_CATALOGUE_CALL for any other call. */
export function catalogueOfCall(call: CallEntity): Catalogue {
  if (call.kind !== 'catalogue' || !call.catalogue) throw new AppException('NOT_A_CATALOGUE_CALL');
  // Stored as catalogueFromJson returned it; reading it again checks it was not altered by hand.
  const parsed = catalogueFromJson(call.catalogue);
  if (!parsed.ok) throw new Error(`Catalogue of call ${call.code} is invalid: ${parsed.issues[0].field}`);
  return parsed.catalogue;
}

export function subscriptionOfDossier(
  dossier: Pick<DossierEntity, 'subscription' | 'ownContributionCents'>,
): Subscription {
  return {
    lines: dossier.subscription?.lines ?? [],
    priorities: dossier.subscription?.priorities ?? {},
    ownContributionCents: dossier.ownContributionCents,
  };
}

export function subscriptionDraftIssues(catalogue: Catalogue, subscription: Subscription): RuleIssue[] {
  return subscriptionIssues(catalogue, subscription).filter((issue) => DRAFT_ISSUE_CODES.has(issue.code));
}

/**
 * Everything a submission needs: the domain rules, and the Flemish contribution stored on the dossier equal to the one
 * computed from the catalogue (it is what lists and mails show).
 */
export function subscriptionSubmissionIssues(catalogue: Catalogue, dossier: DossierEntity): RuleIssue[] {
  const subscription = subscriptionOfDossier(dossier);
  const issues = subscriptionIssues(catalogue, subscription);
  const { totalCents } = subscriptionTotals(catalogue, subscription);
  if (issues.length === 0 && dossier.requestedCents !== totalCents) {
    issues.push({
      field: 'requestedCents',
      code: 'CONTRIBUTION_MISMATCH',
      message: FIELD_MESSAGES.contributionMismatch({
        nl: formatEuro(totalCents, 'nl'),
        en: formatEuro(totalCents, 'en'),
      }),
    });
  }
  return issues;
}

export function throwSubscriptionIssues(issues: RuleIssue[]): void {
  throwIfIssues('SUBSCRIPTION_INVALID', issues);
}

/**
 * Called by the dossier submit for every call: refuses an incorrect subscription with SUBSCRIPTION_INVALID and the
 * offending fields; does nothing for project calls (their rules are dossierSubmissionIssues).
 */
export function assertSubscriptionSubmittable(call: CallEntity, dossier: DossierEntity): void {
  if (call.kind !== 'catalogue') return;
  throwSubscriptionIssues(subscriptionSubmissionIssues(catalogueOfCall(call), dossier));
}
