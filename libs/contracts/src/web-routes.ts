/**
 * The web app's routes that mails link to, built in one place so the API and the worker never hard-code the web's
 * (Dutch) paths. WARNING: these paths are in mails already sent; renaming a route breaks the links in people's
 * mailboxes, so keep the old path as a redirect in the web app when one changes.
 */
export const WEB_ROUTES = {
  forgotPassword: () => '/wachtwoord-vergeten',
  resetPassword: (token: string) => `/wachtwoord/${encodeURIComponent(token)}`,
  invitation: (token: string) => `/uitnodiging/${encodeURIComponent(token)}`,
  staffInvitation: (token: string) => `/medewerker-uitnodiging/${encodeURIComponent(token)}`,
  verifyEmail: (token: string) => `/e-mailadres-bevestigen/${encodeURIComponent(token)}`,
  applicantDossier: (dossierId: string) => `/aanvrager/dossiers/${encodeURIComponent(dossierId)}`,
  dossierReceipt: (dossierId: string) => `/aanvrager/dossiers/${encodeURIComponent(dossierId)}/ontvangstbewijs`,
  /** The check step before a submit: what will be submitted, the declaration on honour, "Indienen". */
  dossierCheck: (dossierId: string) => `/aanvrager/dossiers/${encodeURIComponent(dossierId)}/controleren`,
  subscription: (dossierId: string) => `/aanvrager/intekeningen/${encodeURIComponent(dossierId)}`,
  subscriptionCheck: (dossierId: string) => `/aanvrager/intekeningen/${encodeURIComponent(dossierId)}/controleren`,
  /** After the award (ADR 0024): the awarded dossier's reports and change requests. */
  dossierFollowUp: (dossierId: string) => `/aanvrager/dossiers/${encodeURIComponent(dossierId)}/opvolging`,
  dossierReport: (dossierId: string, kind = 'final') =>
    `/aanvrager/dossiers/${encodeURIComponent(dossierId)}/rapporten/${encodeURIComponent(kind)}`,
} as const;

/** An absolute link for a mail: the configured public address (APP_URL) and a route from WEB_ROUTES. */
export function webUrl(appUrl: string, route: string): string {
  return `${appUrl.replace(/\/+$/, '')}${route}`;
}

/** The same pages as the web app's router declares them (relative patterns, as in `app.tsx`), key for key. */
export const WEB_ROUTE_PATTERNS: Record<keyof typeof WEB_ROUTES, string> = {
  forgotPassword: 'wachtwoord-vergeten',
  resetPassword: 'wachtwoord/:token',
  invitation: 'uitnodiging/:token',
  staffInvitation: 'medewerker-uitnodiging/:token',
  verifyEmail: 'e-mailadres-bevestigen/:token',
  applicantDossier: 'aanvrager/dossiers/:id',
  dossierReceipt: 'aanvrager/dossiers/:id/ontvangstbewijs',
  dossierCheck: 'aanvrager/dossiers/:id/controleren',
  subscription: 'aanvrager/intekeningen/:id',
  subscriptionCheck: 'aanvrager/intekeningen/:id/controleren',
  dossierFollowUp: 'aanvrager/dossiers/:id/opvolging',
  dossierReport: 'aanvrager/dossiers/:id/rapporten/:kind',
};
