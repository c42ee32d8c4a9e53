/**
 * Everything the platform itself says to a customer about who is answering (DESIGN §5 requires each
 * ownership change to be announced), in the languages the AI speaks. One file, so tone and promises
 * stay consistent; a new language fails to compile until it has every text (typed by English).
 */
const en = {
  askedForPerson: 'You asked for a person. A member of our support team will join this chat shortly.',
  handingOver: 'I am handing this conversation to a member of our support team. They will join this chat shortly.',
  joined: (name: string) => `${name} from our support team has joined the chat.`,
  handedBack: 'You are back with our AI assistant. Ask me anything, or tap "Talk to a person" again at any time.',
  resolved: (name: string) => `${name} marked this conversation as resolved. How did we do? Please rate this chat.`,
  /** The reply to a message the AI could not answer in time or at all (it is that message's one reply). */
  apology:
    "I'm sorry, I couldn't answer that in time. I've asked a member of our support team to take over; they will reply here shortly.",
  nobodyOnline: 'No one from our support team is online right now',
  ticketStillOpen: (ticket: string) => `Your ticket ${ticket} is still open, and a person will pick it up as soon as someone is online.`,
  ticketOpened: (ticket: string) => `so I opened ticket ${ticket} for you.`,
  followUpByEmail: 'A person will pick it up as soon as someone is online and follow up with you by email.',
  // A guest has given no address to write to: promise only what will happen (an answer in this chat).
  followUpHere: 'A person will pick it up as soon as someone is online and answer you here in this chat, which stays open for you.',
  meanwhile: "Meanwhile I'm still here — ask me anything else.",
  /** Outside business hours (issue 20); `when` is formatBackAt's text. */
  awayUntil: (when: string) => `Our support team is away until ${when}`,
  awayNow: 'Our support team is away right now',
};
export type Copy = typeof en;

const de: Copy = {
  askedForPerson: 'Sie haben nach einem Menschen gefragt. Ein Mitglied unseres Support-Teams kommt gleich in diesen Chat.',
  handingOver: 'Ich übergebe dieses Gespräch an ein Mitglied unseres Support-Teams. Es kommt gleich in diesen Chat.',
  joined: (name) => `${name} aus unserem Support-Team ist dem Chat beigetreten.`,
  handedBack: 'Sie sind wieder bei unserem KI-Assistenten. Fragen Sie mich alles, oder tippen Sie jederzeit erneut auf „Mit einem Menschen sprechen“.',
  resolved: (name) => `${name} hat dieses Gespräch als gelöst markiert. Wie waren wir? Bitte bewerten Sie diesen Chat.`,
  apology:
    'Entschuldigung, ich konnte das nicht rechtzeitig beantworten. Ich habe ein Mitglied unseres Support-Teams gebeten zu übernehmen; es antwortet Ihnen gleich hier.',
  nobodyOnline: 'Gerade ist niemand aus unserem Support-Team online',
  ticketStillOpen: (ticket) => `Ihr Ticket ${ticket} ist noch offen, und ein Mensch kümmert sich darum, sobald jemand online ist.`,
  ticketOpened: (ticket) => `deshalb habe ich das Ticket ${ticket} für Sie eröffnet.`,
  followUpByEmail: 'Ein Mensch kümmert sich darum, sobald jemand online ist, und meldet sich per E-Mail bei Ihnen.',
  followUpHere: 'Ein Mensch kümmert sich darum, sobald jemand online ist, und antwortet Ihnen hier in diesem Chat, der für Sie offen bleibt.',
  meanwhile: 'Bis dahin bin ich weiter für Sie da: Fragen Sie mich gern alles andere.',
  awayUntil: (when) => `Unser Support-Team ist bis ${when} nicht erreichbar`,
  awayNow: 'Unser Support-Team ist gerade nicht erreichbar',
};

const es: Copy = {
  askedForPerson: 'Has pedido hablar con una persona. Un miembro de nuestro equipo de soporte se unirá a este chat en breve.',
  handingOver: 'Paso esta conversación a un miembro de nuestro equipo de soporte. Se unirá a este chat en breve.',
  joined: (name) => `${name}, de nuestro equipo de soporte, se ha unido al chat.`,
  handedBack: 'Vuelves a estar con nuestro asistente de IA. Pregúntame lo que quieras, o pulsa «Hablar con una persona» de nuevo cuando quieras.',
  resolved: (name) => `${name} ha marcado esta conversación como resuelta. ¿Qué tal lo hicimos? Valora este chat, por favor.`,
  apology:
    'Lo siento, no he podido responder a tiempo. He pedido a un miembro de nuestro equipo de soporte que se encargue; te responderá aquí en breve.',
  nobodyOnline: 'Ahora mismo no hay nadie de nuestro equipo de soporte en línea',
  ticketStillOpen: (ticket) => `Tu ticket ${ticket} sigue abierto, y una persona lo atenderá en cuanto haya alguien en línea.`,
  ticketOpened: (ticket) => `así que he abierto el ticket ${ticket} para ti.`,
  followUpByEmail: 'Una persona lo atenderá en cuanto haya alguien en línea y te responderá por correo electrónico.',
  followUpHere: 'Una persona lo atenderá en cuanto haya alguien en línea y te responderá aquí, en este chat, que sigue abierto para ti.',
  meanwhile: 'Mientras tanto sigo aquí: pregúntame lo que quieras.',
  awayUntil: (when) => `Nuestro equipo de soporte está fuera de horario y vuelve el ${when}`,
  awayNow: 'Nuestro equipo de soporte está fuera de horario ahora mismo',
};

const fr: Copy = {
  askedForPerson: 'Vous avez demandé à parler à une personne. Un membre de notre équipe support va rejoindre ce chat sous peu.',
  handingOver: 'Je transmets cette conversation à un membre de notre équipe support. Il va rejoindre ce chat sous peu.',
  joined: (name) => `${name}, de notre équipe support, a rejoint le chat.`,
  handedBack: "Vous êtes de retour avec notre assistant IA. Posez-moi vos questions, ou touchez « Parler à une personne » à tout moment.",
  resolved: (name) => `${name} a marqué cette conversation comme résolue. Comment l'avons-nous fait ? Merci de noter ce chat.`,
  apology:
    "Désolé, je n'ai pas pu répondre à temps. J'ai demandé à un membre de notre équipe support de prendre le relais ; il vous répondra ici sous peu.",
  nobodyOnline: "Personne de notre équipe support n'est en ligne pour le moment",
  ticketStillOpen: (ticket) => `Votre ticket ${ticket} est toujours ouvert, et une personne s'en occupera dès que quelqu'un sera en ligne.`,
  ticketOpened: (ticket) => `j'ai donc ouvert le ticket ${ticket} pour vous.`,
  followUpByEmail: "Une personne s'en occupera dès que quelqu'un sera en ligne et vous répondra par e-mail.",
  followUpHere: "Une personne s'en occupera dès que quelqu'un sera en ligne et vous répondra ici, dans ce chat, qui reste ouvert pour vous.",
  meanwhile: 'En attendant, je suis toujours là : posez-moi toutes vos autres questions.',
  awayUntil: (when) => `Notre équipe support est absente jusqu'à ${when}`,
  awayNow: "Notre équipe support est absente pour le moment",
};

const CATALOGS: Record<string, Copy> = { en, de, es, fr };

/** The texts in the conversation's language (ISO 639-1, as the AI read the customer); English otherwise. */
export const copyFor = (language?: string | null): Copy => CATALOGS[language ?? 'en'] ?? en;

/** English texts, for callers and tests that do not know a language. */
export const COPY = en;

/**
 * What the customer is told when nobody is online, or the site is outside its business hours
 * (`closed`, with when people are back when known): the ticket, who follows up and how, and that the AI stays.
 */
export function offlineNotice(ticketNumber: string, opts: { reused: boolean; emailKnown: boolean; closed?: { until?: string } }, t: Copy = en) {
  const why = opts.closed ? (opts.closed.until ? t.awayUntil(opts.closed.until) : t.awayNow) : t.nobodyOnline;
  if (opts.reused) return `${why}. ${t.ticketStillOpen(ticketNumber)} ${t.meanwhile}`;
  return `${why}, ${t.ticketOpened(ticketNumber)} ${opts.emailKnown ? t.followUpByEmail : t.followUpHere} ${t.meanwhile}`;
}

/**
 * When people are back, in the customer's language and the site's zone (named, since the customer may
 * live elsewhere): "Monday, December 7 at 9:00 AM GMT+1", "Montag, 7. Dezember um 09:00 MEZ".
 */
export function formatBackAt(iso: string, t: Copy, timeZone: string): string {
  const lang = Object.keys(CATALOGS).find((l) => CATALOGS[l] === t) ?? 'en';
  return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(iso));
}
