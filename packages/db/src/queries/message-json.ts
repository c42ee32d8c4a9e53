import type { Message } from '@em/contracts/schemas';
import { toMessage } from './conversations';

/** A messages row as Postgres' row_to_json writes it (snake_case columns, ISO time) or as a raw query returns it. */
export type JsonMessage = {
  id: string;
  conversation_id: string;
  seq: number;
  role: string;
  agent: string | null;
  author_name: string | null;
  text: string;
  client_message_id: string | null;
  reply_to: string | null;
  route: NonNullable<Message['meta']>['route'] | null;
  sentiment: NonNullable<Message['meta']>['sentiment'] | null;
  sources: string[] | null;
  language: string | null;
  created_at: string | Date;
};

/** A message read as JSON (snake_case columns), shaped by the one row → Message mapping (toMessage). */
export function messageFromJson(j: JsonMessage): Message {
  return toMessage({
    id: j.id,
    conversationId: j.conversation_id,
    seq: j.seq,
    role: j.role,
    agent: j.agent,
    authorName: j.author_name,
    text: j.text,
    clientMessageId: j.client_message_id,
    replyTo: j.reply_to,
    route: j.route,
    sentiment: j.sentiment,
    sources: j.sources,
    language: j.language,
    details: null,
    createdAt: new Date(j.created_at),
  });
}
