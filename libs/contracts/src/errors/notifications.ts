import type { ErrorDefinition } from './definition';

/** Mail and its resending. WARNING: clients match on these codes; never rename one. */
export const NOTIFICATIONS_ERRORS = {
  NOTIFICATION_NOT_RESENDABLE: {
    status: 409,
    title: { nl: 'Niet opnieuw te versturen', en: 'Cannot be resent' },
    detail: {
      nl: 'Deze e-mail kan niet opnieuw verstuurd worden: de inhoud of de link erin werd na verzending verwijderd. Laat de persoon een nieuwe link aanvragen.',
      en: 'This mail cannot be resent: its content or the link in it was removed after sending. Have the person ask for a new link.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
