/**
 * The follow-up mails (issue 20) in the languages the platform speaks to customers (the
 * conversation's language as the AI read it, like the chat notices in @em/conversations copy.ts).
 * Plain text is the mail; the HTML part is the same text, escaped, with the link clickable.
 */
export interface TranscriptLine {
  role: 'customer' | 'bot' | 'human' | 'system';
  authorName?: string;
  text: string;
  createdAt: string;
}

const en = {
  brand: 'ElectroMart Support',
  hello: 'Hello,',
  ticketSubject: (ticket: string) => `Your support ticket ${ticket}`,
  ticketBody: (ticket: string) =>
    `we have opened support ticket ${ticket} for your chat. No one from our team was available just now; a person will pick it up as soon as someone is online and follow up with you.`,
  repliesSubject: 'New reply from our support team',
  repliesBody: 'our support team replied in your chat while you were away:',
  transcriptSubject: 'Your conversation with ElectroMart Support',
  transcriptBody: 'here is the conversation you asked for:',
  link: 'Continue the conversation:',
  linkNote: 'This link is for you only; it reopens your chat in the browser.',
  you: 'You',
  assistant: 'Assistant',
  team: 'Support team',
  notice: 'Notice',
  noReply: 'Please do not reply to this email: replies by email are not read yet. Use the link above instead.',
};
type MailCopy = typeof en;

const de: MailCopy = {
  brand: 'ElectroMart Support',
  hello: 'Hallo,',
  ticketSubject: (ticket) => `Ihr Support-Ticket ${ticket}`,
  ticketBody: (ticket) =>
    `wir haben für Ihren Chat das Support-Ticket ${ticket} eröffnet. Gerade war niemand aus unserem Team erreichbar; ein Mensch kümmert sich darum, sobald jemand online ist, und meldet sich bei Ihnen.`,
  repliesSubject: 'Neue Antwort von unserem Support-Team',
  repliesBody: 'unser Support-Team hat in Ihrem Chat geantwortet, während Sie weg waren:',
  transcriptSubject: 'Ihr Gespräch mit dem ElectroMart Support',
  transcriptBody: 'hier ist das Gespräch, das Sie angefordert haben:',
  link: 'Gespräch fortsetzen:',
  linkNote: 'Dieser Link ist nur für Sie; er öffnet Ihren Chat im Browser.',
  you: 'Sie',
  assistant: 'Assistent',
  team: 'Support-Team',
  notice: 'Hinweis',
  noReply: 'Bitte antworten Sie nicht auf diese E-Mail: Antworten per E-Mail werden noch nicht gelesen. Nutzen Sie stattdessen den Link oben.',
};

const es: MailCopy = {
  brand: 'Soporte de ElectroMart',
  hello: 'Hola:',
  ticketSubject: (ticket) => `Tu ticket de soporte ${ticket}`,
  ticketBody: (ticket) =>
    `hemos abierto el ticket de soporte ${ticket} para tu chat. Ahora mismo no había nadie de nuestro equipo disponible; una persona lo atenderá en cuanto haya alguien en línea y te responderá.`,
  repliesSubject: 'Nueva respuesta de nuestro equipo de soporte',
  repliesBody: 'nuestro equipo de soporte respondió en tu chat mientras no estabas:',
  transcriptSubject: 'Tu conversación con el soporte de ElectroMart',
  transcriptBody: 'aquí tienes la conversación que pediste:',
  link: 'Continuar la conversación:',
  linkNote: 'Este enlace es solo para ti; abre tu chat en el navegador.',
  you: 'Tú',
  assistant: 'Asistente',
  team: 'Equipo de soporte',
  notice: 'Aviso',
  noReply: 'No respondas a este correo: todavía no leemos respuestas por correo. Usa el enlace de arriba.',
};

const fr: MailCopy = {
  brand: 'Support ElectroMart',
  hello: 'Bonjour,',
  ticketSubject: (ticket) => `Votre ticket de support ${ticket}`,
  ticketBody: (ticket) =>
    `nous avons ouvert le ticket de support ${ticket} pour votre chat. Personne de notre équipe n'était disponible à l'instant ; une personne s'en occupera dès que quelqu'un sera en ligne et reviendra vers vous.`,
  repliesSubject: 'Nouvelle réponse de notre équipe support',
  repliesBody: 'notre équipe support a répondu dans votre chat pendant votre absence :',
  transcriptSubject: 'Votre conversation avec le support ElectroMart',
  transcriptBody: 'voici la conversation que vous avez demandée :',
  link: 'Reprendre la conversation :',
  linkNote: 'Ce lien est pour vous seul ; il rouvre votre chat dans le navigateur.',
  you: 'Vous',
  assistant: 'Assistant',
  team: 'Équipe support',
  notice: 'Information',
  noReply: "Merci de ne pas répondre à cet e-mail : les réponses par e-mail ne sont pas encore lues. Utilisez plutôt le lien ci-dessus.",
};

const CATALOGS: Record<string, MailCopy> = { en, de, es, fr };
export const mailCopyFor = (language?: string | null): MailCopy => CATALOGS[language ?? 'en'] ?? en;
export const MAIL_LANGUAGES = Object.keys(CATALOGS);

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Paragraphs of text (blank-line separated) → the mail; the link, when given, closes it. */
function compose(t: MailCopy, subject: string, paragraphs: string[], link?: string): RenderedMail {
  const tail = link ? [`${t.link}\n${link}\n${t.linkNote}`] : [];
  const text = [t.hello, ...paragraphs, ...tail, `— ${t.brand}`, t.noReply].join('\n\n');
  const htmlParas = [t.hello, ...paragraphs].map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  const htmlLink = link ? [`<p>${escapeHtml(t.link)}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a><br><small>${escapeHtml(t.linkNote)}</small></p>`] : [];
  const html = [...htmlParas, ...htmlLink, `<p>— ${escapeHtml(t.brand)}</p>`, `<p><small>${escapeHtml(t.noReply)}</small></p>`].join('\n');
  return { subject, text, html };
}

const speaker = (t: MailCopy, l: TranscriptLine) =>
  l.role === 'customer' ? t.you : l.role === 'bot' ? t.assistant : l.role === 'human' ? (l.authorName ?? t.team) : t.notice;
const time = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

export function ticketConfirmationMail(language: string | null, input: { ticketNumber: string; link?: string }): RenderedMail {
  const t = mailCopyFor(language);
  return compose(t, `${t.ticketSubject(input.ticketNumber)} — ${t.brand}`, [t.ticketBody(input.ticketNumber)], input.link);
}

export function agentRepliesMail(language: string | null, input: { replies: { authorName?: string | null; text: string }[]; link?: string }): RenderedMail {
  const t = mailCopyFor(language);
  const lines = input.replies.map((r) => `${r.authorName ?? t.team}:\n${r.text}`);
  return compose(t, `${t.repliesSubject} — ${t.brand}`, [t.repliesBody, ...lines], input.link);
}

export function transcriptMail(language: string | null, input: { lines: TranscriptLine[]; link?: string }): RenderedMail {
  const t = mailCopyFor(language);
  const lines = input.lines.map((l) => `[${time(l.createdAt)}] ${speaker(t, l)}:\n${l.text}`);
  return compose(t, `${t.transcriptSubject}`, [t.transcriptBody, ...lines], input.link);
}
