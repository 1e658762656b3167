/**
 * The web app's pages that e-mails link to: the router's pattern (relative, as `app.tsx` declares its routes) and the
 * path a mail puts after APP_URL. WARNING: mails already sent carry these paths; renaming one breaks their links (keep
 * the old path as a redirect).
 */
export const MAIL_LINKED_ROUTES = {
  /** The password reset mail's link: choose a new password. */
  resetPassword: { pattern: 'wachtwoord/:token', path: (token: string) => `/wachtwoord/${token}` },
  /** Where to ask for a new reset link (mails about an expired link or a locked account). */
  forgotPassword: { pattern: 'wachtwoord-vergeten', path: () => '/wachtwoord-vergeten' },
  /** An invitation to join an organisation. */
  invitation: { pattern: 'uitnodiging/:token', path: (token: string) => `/uitnodiging/${token}` },
  /** A dossier (deadline reminders). */
  dossier: { pattern: 'aanvrager/dossiers/:id', path: (id: string) => `/aanvrager/dossiers/${id}` },
  /** The submission receipt (the submission confirmation mail). */
  receipt: {
    pattern: 'aanvrager/dossiers/:id/ontvangstbewijs',
    path: (id: string) => `/aanvrager/dossiers/${id}/ontvangstbewijs`,
  },
} as const;
