import type { ErrorDefinition } from './definition';

/** Staff administration and staff invitations. WARNING: clients match on these codes; never rename one. */
export const STAFF_ERRORS = {
  LAST_ADMIN: {
    status: 409,
    title: { nl: 'Laatste beheerder', en: 'Last administrator' },
    detail: {
      nl: 'Dit is de laatste actieve beheerder: die kan de rol beheerder niet verliezen en kan niet gedeactiveerd worden. Maak eerst iemand anders beheerder.',
      en: 'This is the last active administrator: they cannot lose the administrator role nor be deactivated. Make someone else an administrator first.',
    },
  },
  STAFF_INVITATION_INVALID: {
    status: 410,
    title: { nl: 'Uitnodiging ongeldig', en: 'Invitation not valid' },
    detail: {
      nl: 'Deze uitnodiging is verlopen, al gebruikt of bestaat niet. Vraag een beheerder om een nieuwe uitnodiging.',
      en: 'This invitation has expired, was already used or does not exist. Ask an administrator for a new invitation.',
    },
  },
  STAFF_INVITATION_FOR_OTHER_EMAIL: {
    status: 403,
    title: { nl: 'Uitnodiging voor iemand anders', en: 'Invitation for someone else' },
    detail: {
      nl: 'Deze uitnodiging is gericht aan een ander e-mailadres. Meld u aan met dat adres.',
      en: 'This invitation is addressed to another e-mail address. Log in with that address.',
    },
  },
  STAFF_INVITATION_ACCOUNT_EXISTS: {
    status: 409,
    title: { nl: 'Account bestaat al', en: 'Account already exists' },
    detail: {
      nl: 'Er bestaat al een account met dit e-mailadres. Meld u aan en open de link opnieuw om de rollen te aanvaarden.',
      en: 'An account with this e-mail address already exists. Log in and open the link again to accept the roles.',
    },
  },
  STAFF_INVITATION_NOT_OPEN: {
    status: 409,
    title: { nl: 'Uitnodiging niet meer open', en: 'Invitation no longer open' },
    detail: {
      nl: 'Deze uitnodiging werd intussen aanvaard, ingetrokken of is verlopen; er is niets meer in te trekken.',
      en: 'This invitation was accepted, withdrawn or has expired in the meantime; there is nothing left to withdraw.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
