import { selectionReasonText, type CallInformation, type DossierDecisionView } from '@portal/contracts';
import { humanFormat } from '@portal/domain';
import { BOLD, greeting, openLetter } from './letter-layout';
import type { LetterSettings } from './letter-settings';

export interface LetterInput {
  decision: DossierDecisionView;
  call: { code: string; title: string; information: CallInformation };
  applicant: {
    legalName: string;
    contactName: string;
    address: { street: string; postalCode: string; city: string };
  };
  /** The project's title as submitted. */
  title: string;
  /** The day the letter is made (the database's clock). */
  letterDate: Date;
  settings: LetterSettings;
  /** The call's budget decisions after the assessment started (ADR 0009), one sentence each. */
  budgetNotes?: string[];
  /** For an award: the tranches of the call's payment schedule with their amounts, one line each (ADR 0023). */
  paymentLines?: string[];
}

const nl = humanFormat('nl');

/** "Bij ministerieel besluit van 8 juni 2026 (MB-…) kende de minister" or, without a decision date, "De minister kende". */
function theMinister(decision: DossierDecisionView, verb: string): string {
  if (!decision.decisionDate) return `De minister ${verb}`;
  const reference = decision.decisionReference ? ` (${decision.decisionReference})` : '';
  return `Bij ministerieel besluit van ${nl.longDate(decision.decisionDate)}${reference} ${verb} de minister`;
}

/** What the decision is, in one paragraph that names the minister's decision. */
function outcomeParagraph(decision: DossierDecisionView, title: string): string {
  const project = `uw project „${title}”`;
  const granted = nl.euro(decision.grantedCents);
  switch (decision.outcome) {
    case 'awarded':
      return decision.grantedCents < decision.requestedCents
        ? `${theMinister(decision, 'kende')} voor ${project} een subsidie toe van ${granted}. U vroeg ${nl.euro(decision.requestedCents)}: de subsidie is lager dan gevraagd.`
        : `${theMinister(decision, 'kende')} voor ${project} de gevraagde subsidie toe van ${granted}.`;
    case 'declined':
      return `De minister kende voor ${project} een subsidie toe van ${granted}. U liet ons weten dat u ervan afziet; deze brief bevestigt dat.`;
    case 'reserve':
      return `${theMinister(decision, 'selecteerde')} ${project} niet, maar plaatste het op plaats ${decision.reservePosition ?? '-'} van de reservelijst. Als een geselecteerde aanvrager afziet van de subsidie, kan uw aanvraag alsnog in aanmerking komen; u krijgt dan een nieuwe brief.`;
    case 'rejected':
      return `${theMinister(decision, 'besliste')} ${project} niet te subsidiëren.`;
    case 'inadmissible':
      return `Wij moeten u helaas meedelen dat uw aanvraag voor ${project} niet ontvankelijk is${decision.decisionDate ? ` (vastgesteld op ${nl.longDate(decision.decisionDate)})` : ''}. Ze werd daarom niet inhoudelijk beoordeeld.`;
    default:
      return '';
  }
}

/** An individual decision against the applicant (in whole or in part) states how to appeal (Bestuursdecreet). */
function needsAppealRoute(decision: DossierDecisionView): boolean {
  return (
    decision.outcome === 'rejected' ||
    decision.outcome === 'inadmissible' ||
    decision.outcome === 'reserve' ||
    (decision.outcome === 'awarded' && decision.grantedCents < decision.requestedCents)
  );
}

/** The decision letter (Dutch) as a PDF. Text is not compressed, so it stays searchable and testable. */
export function decisionLetterPdf(input: LetterInput): Promise<Buffer> {
  const { decision, settings, call } = input;
  const info = call.information;
  const { write, heading, doc, contact, finish } = openLetter({
    settings,
    callInformation: info,
    title: `Beslissing ${decision.reference ?? ''}`.trim(),
    subject: call.title,
    applicant: input.applicant,
    references: [
      ['Uw dossiernummer', decision.reference ?? '-'],
      ['Ons kenmerk', decision.decisionReference ?? call.code],
    ],
    letterDate: input.letterDate,
  });

  write(`Betreft: beslissing over uw subsidieaanvraag ${decision.reference ?? ''}`.trim(), {}, BOLD);
  write(`Oproep: ${call.title}`);
  doc.moveDown();
  write(greeting(input.applicant.contactName));
  doc.moveDown(0.5);
  write(outcomeParagraph(decision, input.title));

  const reason = selectionReasonText(decision.reason, 'nl');
  if (reason || decision.motivation || decision.scores.length) {
    heading('Motivering');
    if (reason) write(reason);
    if (decision.motivation) write(decision.motivation);
  }
  if (decision.scores.length) {
    doc.moveDown(0.5);
    write('De beoordelaars en de administratie gaven uw aanvraag deze scores:');
    for (const score of decision.scores) {
      doc.moveDown(0.3);
      const weight = nl.number(score.weight);
      write(`${score.label}: ${nl.score(score.score)} op ${nl.score(score.scaleMax)} (gewicht ${weight})`, {}, BOLD);
      if (score.motivation) write(score.motivation, { indent: 12 });
    }
    doc.moveDown(0.3);
    if (decision.total !== null) write(`Gewogen totaal: ${nl.score(decision.total)}`);
    if (decision.rank !== null) write(`Plaats in de rangschikking: ${decision.rank}`);
  }
  if (input.budgetNotes?.length) {
    heading('Budget van de oproep');
    for (const note of input.budgetNotes) write(note);
  }
  if (decision.outcome === 'awarded') {
    heading('Voorwaarden, uitbetaling en rapportering');
    write(info.awardConditions ?? settings.awardConditions);
    if (input.paymentLines?.length) {
      heading('Uitbetaling');
      write('De subsidie wordt in deze schijven uitbetaald, op de rekening die u bevestigt bij de aanvaarding:');
      for (const line of input.paymentLines) write(`- ${line}`, { indent: 12 });
    }
  }
  if (needsAppealRoute(decision)) {
    heading('Beroepsmogelijkheden');
    write(info.appealRoute ?? settings.appealRoute);
  }
  if (info.regulationUrl) {
    doc.moveDown();
    write(`De regels van de oproep: ${info.regulationUrl}`);
  }
  doc.moveDown();
  write(
    `Met vragen over deze beslissing kunt u terecht bij ${contact.name}${contact.email ? ` (${contact.email})` : ''}.`,
  );
  return finish();
}
