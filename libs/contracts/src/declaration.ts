import type { Locale } from './roles';

/**
 * The declaration on honour an applicant accepts with every submission (dossier and subscription). `{{applicant}}`
 * is the applicant's legal name. The text as accepted, in the language of the page and with the name filled in, is
 * stored with the submission (dossier_submissions.declaration) and in its audit record: changing this wording later
 * never changes what someone declared before.
 */
export const DECLARATION_ON_HONOUR: Record<Locale, string> = {
  nl:
    'Ik verklaar op eer dat alle gegevens in deze aanvraag en in de bijlagen juist en volledig zijn, en dat ik ' +
    'gemachtigd ben om deze aanvraag in naam en voor rekening van {{applicant}} in te dienen. Voor dezelfde kosten ' +
    'wordt geen andere subsidie van de Vlaamse overheid of van een andere overheid gevraagd of ontvangen, tenzij dat ' +
    'in de aanvraag vermeld is. Ik weet dat onjuiste of onvolledige gegevens kunnen leiden tot de weigering of de ' +
    'terugvordering van de subsidie.',
  en:
    'I declare on my honour that all information in this application and its attachments is correct and complete, ' +
    'and that I am authorised to submit this application in the name and on behalf of {{applicant}}. No other ' +
    'subsidy from the Flemish Government or any other government is asked for or received for the same costs, ' +
    'unless the application says so. I know that incorrect or incomplete information may lead to the refusal or ' +
    'the recovery of the subsidy.',
};

/** The declaration as the person reads it: in their language, with the applicant's name filled in. */
export function declarationText(locale: Locale, applicantName: string): string {
  return DECLARATION_ON_HONOUR[locale].split('{{applicant}}').join(applicantName);
}

/** POST /dossiers/:id/submit: the declaration on honour must be accepted (true), or nothing is submitted. */
export interface SubmitDossierInput {
  declaration: true;
}
