/**
 * Everything the platform itself says to a customer about who is answering (DESIGN §5 requires each
 * ownership change to be announced). One file, so tone and promises stay consistent and a
 * translation has one place to start.
 */
export const COPY = {
  askedForPerson: 'You asked for a person. A member of our support team will join this chat shortly.',
  handingOver: 'I am handing this conversation to a member of our support team. They will join this chat shortly.',
  joined: (name: string) => `${name} from our support team has joined the chat.`,
  handedBack: 'You are back with our AI assistant. Ask me anything, or tap "Talk to a person" again at any time.',
  resolved: (name: string) => `${name} marked this conversation as resolved. How did we do? Please rate this chat.`,
  /** The reply to a message the AI could not answer in time or at all (it is that message's one reply). */
  apology:
    "I'm sorry, I couldn't answer that in time. I've asked a member of our support team to take over; they will reply here shortly.",
};

/** What the customer is told when nobody is online: the ticket, who follows up and how, and that the AI stays. */
export function offlineNotice(ticketNumber: string, opts: { reused: boolean; emailKnown: boolean }) {
  const meanwhile = "Meanwhile I'm still here — ask me anything else.";
  if (opts.reused) {
    return `No one from our support team is online right now. Your ticket ${ticketNumber} is still open, and a person will pick it up as soon as someone is online. ${meanwhile}`;
  }
  const followUp = opts.emailKnown
    ? 'A person will pick it up as soon as someone is online and follow up with you by email.'
    : // A guest has given no address to write to: promise only what will happen (an answer in this chat).
      'A person will pick it up as soon as someone is online and answer you here in this chat, which stays open for you.';
  return `No one from our support team is online right now, so I opened ticket ${ticketNumber} for you. ${followUp} ${meanwhile}`;
}
