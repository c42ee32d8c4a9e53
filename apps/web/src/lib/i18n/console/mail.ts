import type { UiLocale } from '@em/contracts/site';

/** The console brief's email section (issue 20), in the console's languages. */
const en = {
  title: (n: number) => `Email (${n})`,
  none: 'No email sent in this conversation.',
  kind: { ticket_confirmation: 'Ticket confirmation', agent_reply: 'Replies while away', transcript: 'Transcript' } as Record<string, string>,
  status: { queued: 'Sending', sent: 'Sent', failed: 'Failed' } as Record<string, string>,
  attempts: (n: number) => (n === 1 ? '1 attempt' : `${n} attempts`),
  retry: 'Send again',
  retryFailed: 'Could not queue it again.',
};
type MailStrings = typeof en;

const de: MailStrings = {
  title: (n) => `E-Mail (${n})`,
  none: 'In diesem Gespräch wurde keine E-Mail gesendet.',
  kind: { ticket_confirmation: 'Ticketbestätigung', agent_reply: 'Antworten in Abwesenheit', transcript: 'Gesprächsverlauf' },
  status: { queued: 'Wird gesendet', sent: 'Gesendet', failed: 'Fehlgeschlagen' },
  attempts: (n) => (n === 1 ? '1 Versuch' : `${n} Versuche`),
  retry: 'Erneut senden',
  retryFailed: 'Konnte nicht erneut eingereiht werden.',
};
const es: MailStrings = {
  title: (n) => `Correo (${n})`,
  none: 'No se ha enviado ningún correo en esta conversación.',
  kind: { ticket_confirmation: 'Confirmación del ticket', agent_reply: 'Respuestas en ausencia', transcript: 'Transcripción' },
  status: { queued: 'Enviando', sent: 'Enviado', failed: 'Fallido' },
  attempts: (n) => (n === 1 ? '1 intento' : `${n} intentos`),
  retry: 'Enviar de nuevo',
  retryFailed: 'No se pudo volver a poner en cola.',
};
const fr: MailStrings = {
  title: (n) => `E-mail (${n})`,
  none: "Aucun e-mail envoyé dans cette conversation.",
  kind: { ticket_confirmation: 'Confirmation du ticket', agent_reply: 'Réponses en absence', transcript: 'Transcription' },
  status: { queued: 'Envoi en cours', sent: 'Envoyé', failed: 'Échec' },
  attempts: (n) => (n === 1 ? '1 tentative' : `${n} tentatives`),
  retry: 'Renvoyer',
  retryFailed: "Impossible de le remettre en file d'attente.",
};

const CATALOGS: Record<UiLocale, MailStrings> = { en, de, es, fr };
export const consoleMailStrings = (locale: UiLocale): MailStrings => CATALOGS[locale] ?? en;
