/**
 * What the chat says about email follow-up (issue 20), in the languages of copy.ts. Kept apart from
 * copy.ts so ownership notices and mail notices evolve separately; same shape and fallback.
 */
const en = {
  askEmail: 'If you leave your email address, we will send you the ticket confirmation and follow up there. Type it here or use the form below.',
  emailSaved: (email: string) => `Thanks! We will follow up at ${email}.`,
  ticketMailed: (ticket: string, email: string) => `Thanks! We sent the confirmation of ticket ${ticket} to ${email} and will follow up there.`,
};
export type EmailCopy = typeof en;

const de: EmailCopy = {
  askEmail: 'Wenn Sie uns Ihre E-Mail-Adresse hinterlassen, senden wir Ihnen die Ticketbestätigung und melden uns dort. Schreiben Sie sie hier oder nutzen Sie das Formular unten.',
  emailSaved: (email) => `Danke! Wir melden uns unter ${email}.`,
  ticketMailed: (ticket, email) => `Danke! Wir haben die Bestätigung für Ticket ${ticket} an ${email} gesendet und melden uns dort.`,
};

const es: EmailCopy = {
  askEmail: 'Si nos dejas tu correo electrónico, te enviaremos la confirmación del ticket y te responderemos allí. Escríbelo aquí o usa el formulario de abajo.',
  emailSaved: (email) => `¡Gracias! Te responderemos en ${email}.`,
  ticketMailed: (ticket, email) => `¡Gracias! Hemos enviado la confirmación del ticket ${ticket} a ${email} y te responderemos allí.`,
};

const fr: EmailCopy = {
  askEmail: "Si vous nous laissez votre adresse e-mail, nous vous enverrons la confirmation du ticket et vous répondrons par ce biais. Écrivez-la ici ou utilisez le formulaire ci-dessous.",
  emailSaved: (email) => `Merci ! Nous vous répondrons à ${email}.`,
  ticketMailed: (ticket, email) => `Merci ! Nous avons envoyé la confirmation du ticket ${ticket} à ${email} et vous répondrons par ce biais.`,
};

const CATALOGS: Record<string, EmailCopy> = { en, de, es, fr };
export const emailCopyFor = (language?: string | null): EmailCopy => CATALOGS[language ?? 'en'] ?? en;
