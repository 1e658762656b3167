import { staffRolesText, type Templates } from './mail-text';

/** The mails to staff: reviewers' assignments and reminders, staff invitations, the proposal for the minister. */
export const STAFF_TEMPLATES: Pick<
  Templates,
  'review.assigned' | 'review.reminder' | 'review.due_reminder' | 'staff.invitation' | 'proposal.sent'
> = {
  'review.assigned': {
    nl: {
      subject: (p) => `Nieuw dossier te beoordelen: ${p.reference}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        `U bent aangeduid om dossier ${p.reference} van de oproep "${p.callTitle}" te beoordelen.`,
        'Hebt u een belangenconflict, meld dat dan in het portaal; er wordt een andere beoordelaar aangeduid.',
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `New dossier to review: ${p.reference}`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        `You have been appointed to review dossier ${p.reference} of the call "${p.callTitle}".`,
        'If you have a conflict of interest, declare it in the portal; another reviewer will be appointed.',
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'review.reminder': {
    nl: {
      subject: () => 'Herinnering: beoordelingen staan nog open',
      body: (p) => [
        `Beste ${p.recipientName},`,
        `Er staan nog ${p.open} beoordeling(en) voor u open in het Subsidieportaal.`,
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: () => 'Reminder: reviews still open',
      body: (p) => [
        `Dear ${p.recipientName},`,
        `You still have ${p.open} open review(s) in the grant portal.`,
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'review.due_reminder': {
    nl: {
      subject: (p) =>
        p.overdue ? `Beoordelingen te laat: ${p.callTitle}` : `Herinnering: beoordelingen tegen ${p.dueAtBrussels}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        p.overdue
          ? `De beoordelingen voor de oproep "${p.callTitle}" waren verwacht tegen ${p.dueAtBrussels} (Brusselse tijd); er staan er nog ${p.open} voor u open.`
          : `Er staan nog ${p.open} beoordeling(en) voor u open voor de oproep "${p.callTitle}"; ze worden verwacht tegen ${p.dueAtBrussels} (Brusselse tijd).`,
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => (p.overdue ? `Reviews overdue: ${p.callTitle}` : `Reminder: reviews due ${p.dueAtBrussels}`),
      body: (p) => [
        `Dear ${p.recipientName},`,
        p.overdue
          ? `The reviews for the call "${p.callTitle}" were due by ${p.dueAtBrussels} (Brussels time); you still have ${p.open} open.`
          : `You still have ${p.open} open review(s) for the call "${p.callTitle}", due by ${p.dueAtBrussels} (Brussels time).`,
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'staff.invitation': {
    nl: {
      subject: () => 'Uitnodiging als medewerker van het Subsidieportaal',
      body: (p) => [
        'Beste,',
        p.callTitle
          ? `${p.inviterName} nodigt u uit als externe expert in het beoordelingspanel van de oproep "${p.callTitle}". Uw toegang geldt alleen voor de beoordeling van die oproep en eindigt met de beslissing erover.`
          : `${p.inviterName} nodigt u uit als medewerker van het Subsidieportaal, met de rol(len): ${staffRolesText(p.roles, 'nl')}.`,
        `Aanvaard de uitnodiging via ${p.acceptUrl} (geldig tot ${p.expiresAtBrussels}, Brusselse tijd, en slechts één keer te gebruiken).`,
        'Hebt u al een account met dit e-mailadres? Meld u dan aan en open de link opnieuw.',
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: () => 'Invitation to join the grant portal as staff',
      body: (p) => [
        'Hello,',
        p.callTitle
          ? `${p.inviterName} invites you as an external expert on the review panel of the call "${p.callTitle}". Your access covers that call's assessment only and ends with its decision.`
          : `${p.inviterName} invites you to join the grant portal as staff, with the role(s): ${staffRolesText(p.roles, 'en')}.`,
        `Accept the invitation at ${p.acceptUrl} (valid until ${p.expiresAtBrussels}, Brussels time, and usable once).`,
        'Already have an account with this e-mail address? Log in and open the link again.',
        'Kind regards,\nThe grant portal',
      ],
    },
  },
  'proposal.sent': {
    nl: {
      subject: (p) => `Selectievoorstel ter goedkeuring: ${p.callTitle}`,
      body: (p) => [
        `Beste ${p.recipientName},`,
        `De administratie legt het selectievoorstel voor de oproep "${p.callTitle}" ter goedkeuring voor: ${p.count} dossiers voor ${p.grantedEuro} binnen een budget van ${p.budgetEuro}.`,
        'U kunt het voorstel bekijken, goedkeuren of terugsturen in het Subsidieportaal.',
        'Met vriendelijke groeten,\nHet Subsidieportaal',
      ],
    },
    en: {
      subject: (p) => `Selection proposal for approval: ${p.callTitle}`,
      body: (p) => [
        `Dear ${p.recipientName},`,
        `The administration submits the selection proposal for the call "${p.callTitle}" for approval: ${p.count} dossiers for ${p.grantedEuro} within a budget of ${p.budgetEuro}.`,
        'You can review, approve or return the proposal in the grant portal.',
        'Kind regards,\nThe grant portal',
      ],
    },
  },
};
