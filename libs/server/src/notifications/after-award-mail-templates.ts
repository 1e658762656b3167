import { contactLine, signature, type Locale, type Templates } from './mail-text';

/** The mails after the award (ADR 0024): reports submitted, decided and due; change requests received and decided. */
const KIND: Record<string, Record<Locale, string>> = {
  interim: { nl: 'tussentijds rapport', en: 'interim report' },
  final: { nl: 'eindrapport', en: 'final report' },
};
const CHANGE: Record<string, Record<Locale, string>> = {
  period: { nl: 'een langere projectperiode', en: 'a longer project period' },
  budget_shift: { nl: 'een verschuiving tussen begrotingsposten', en: 'a shift between budget lines' },
  partner: { nl: 'een andere partner', en: 'another partner' },
  other: { nl: 'een andere wijziging', en: 'another change' },
};
const kind = (k: string, l: Locale) => KIND[k]?.[l] ?? k;
const change = (k: string, l: Locale) => CHANGE[k]?.[l] ?? k;

export const AFTER_AWARD_TEMPLATES: Pick<
  Templates,
  'report.submitted' | 'report.decided' | 'report.due_reminder' | 'change_request.submitted' | 'change_request.decided'
> = {
  'report.submitted': {
    nl: {
      subject: (p) => `Uw ${kind(p.reportKind, 'nl')} voor dossier ${p.reference} is ingediend`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        `Uw ${kind(p.reportKind, 'nl')} voor dossier ${p.reference} ("${p.title}", oproep "${p.callTitle}") is ingediend op ${p.submittedAtBrussels} (Brusselse tijd).`,
        'Wat gebeurt er nu? De administratie bekijkt uw rapport. Ze keurt het goed of vraagt om aanpassingen; u krijgt daarover een e-mail.',
        `Uw rapport: ${p.reportUrl}`,
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) => `Your ${kind(p.reportKind, 'en')} for dossier ${p.reference} has been submitted`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        `Your ${kind(p.reportKind, 'en')} for dossier ${p.reference} ("${p.title}", call "${p.callTitle}") was submitted on ${p.submittedAtBrussels} (Brussels time).`,
        'What happens next? The administration reviews your report. It approves it or asks for changes; you will get an e-mail about it.',
        `Your report: ${p.reportUrl}`,
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
  'report.decided': {
    nl: {
      subject: (p) =>
        p.decision === 'approved'
          ? `Uw ${kind(p.reportKind, 'nl')} voor dossier ${p.reference} is goedgekeurd`
          : `Aanpassingen gevraagd aan uw ${kind(p.reportKind, 'nl')} voor dossier ${p.reference}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        p.decision === 'approved'
          ? `De administratie keurde uw ${kind(p.reportKind, 'nl')} voor dossier ${p.reference} ("${p.title}") goed.` +
            (p.acceptedEuro ? ` Aanvaarde kosten: ${p.acceptedEuro}.` : '')
          : `De administratie vraagt aanpassingen aan uw ${kind(p.reportKind, 'nl')} voor dossier ${p.reference} ("${p.title}"). Pas het rapport aan en dien het opnieuw in.`,
        ...(p.motivation ? [`Motivering: ${p.motivation}`] : []),
        `Uw rapport: ${p.reportUrl}`,
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) =>
        p.decision === 'approved'
          ? `Your ${kind(p.reportKind, 'en')} for dossier ${p.reference} has been approved`
          : `Changes asked to your ${kind(p.reportKind, 'en')} for dossier ${p.reference}`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        p.decision === 'approved'
          ? `The administration approved your ${kind(p.reportKind, 'en')} for dossier ${p.reference} ("${p.title}").` +
            (p.acceptedEuro ? ` Accepted costs: ${p.acceptedEuro}.` : '')
          : `The administration asks for changes to your ${kind(p.reportKind, 'en')} for dossier ${p.reference} ("${p.title}"). Change the report and submit it again.`,
        ...(p.motivation ? [`Motivation: ${p.motivation}`] : []),
        `Your report: ${p.reportUrl}`,
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
  'report.due_reminder': {
    nl: {
      subject: (p) =>
        p.overdue
          ? `Uw ${kind(p.reportKind, 'nl')} voor dossier ${p.reference} is te laat`
          : `Herinnering: uw ${kind(p.reportKind, 'nl')} voor dossier ${p.reference}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        p.overdue
          ? `Uw ${kind(p.reportKind, 'nl')} voor dossier ${p.reference} ("${p.title}", oproep "${p.callTitle}") werd verwacht tegen ${p.dueAtBrussels} (Brusselse tijd) en is nog niet ingediend. Dien het zo snel mogelijk in.`
          : `Uw ${kind(p.reportKind, 'nl')} voor dossier ${p.reference} ("${p.title}", oproep "${p.callTitle}") wordt verwacht tegen ${p.dueAtBrussels} (Brusselse tijd).`,
        `Uw rapport: ${p.reportUrl}`,
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) =>
        p.overdue
          ? `Your ${kind(p.reportKind, 'en')} for dossier ${p.reference} is overdue`
          : `Reminder: your ${kind(p.reportKind, 'en')} for dossier ${p.reference}`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        p.overdue
          ? `Your ${kind(p.reportKind, 'en')} for dossier ${p.reference} ("${p.title}", call "${p.callTitle}") was due by ${p.dueAtBrussels} (Brussels time) and has not been submitted. Please submit it as soon as possible.`
          : `Your ${kind(p.reportKind, 'en')} for dossier ${p.reference} ("${p.title}", call "${p.callTitle}") is due by ${p.dueAtBrussels} (Brussels time).`,
        `Your report: ${p.reportUrl}`,
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
  'change_request.submitted': {
    nl: {
      subject: (p) => `Uw wijzigingsaanvraag voor dossier ${p.reference} is ontvangen`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        `Uw aanvraag voor ${change(p.changeKind, 'nl')} in dossier ${p.reference} ("${p.title}", oproep "${p.callTitle}") is ontvangen.`,
        'Wat gebeurt er nu? De administratie beslist over uw aanvraag; u krijgt die beslissing met haar motivering per e-mail.',
        `Uw dossier: ${p.dossierUrl}`,
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) => `Your change request for dossier ${p.reference} has been received`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        `Your request for ${change(p.changeKind, 'en')} in dossier ${p.reference} ("${p.title}", call "${p.callTitle}") has been received.`,
        'What happens next? The administration decides on your request; you will get that decision with its motivation by e-mail.',
        `Your dossier: ${p.dossierUrl}`,
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
  'change_request.decided': {
    nl: {
      subject: (p) =>
        p.decision === 'approved'
          ? `Uw wijzigingsaanvraag voor dossier ${p.reference} is goedgekeurd`
          : `Uw wijzigingsaanvraag voor dossier ${p.reference} is geweigerd`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        `De administratie heeft uw aanvraag voor ${change(p.changeKind, 'nl')} in dossier ${p.reference} ("${p.title}") ${p.decision === 'approved' ? 'goedgekeurd' : 'geweigerd'}.`,
        `Motivering: ${p.motivation}`,
        `Uw dossier: ${p.dossierUrl}`,
        contactLine(p.sender, 'nl'),
        signature(p.sender, 'nl'),
      ],
    },
    en: {
      subject: (p) =>
        p.decision === 'approved'
          ? `Your change request for dossier ${p.reference} has been approved`
          : `Your change request for dossier ${p.reference} has been refused`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        `The administration has ${p.decision === 'approved' ? 'approved' : 'refused'} your request for ${change(p.changeKind, 'en')} in dossier ${p.reference} ("${p.title}").`,
        `Motivation: ${p.motivation}`,
        `Your dossier: ${p.dossierUrl}`,
        contactLine(p.sender, 'en'),
        signature(p.sender, 'en'),
      ],
    },
  },
};
