import type { Message } from '@em/contracts/schemas';

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

/** A message read as JSON (snake_case columns, ISO time), shaped like toMessage's output. */
export function messageFromJson(j: JsonMessage): Message {
  const meta: NonNullable<Message['meta']> = {};
  if (j.route) meta.route = j.route;
  if (j.sentiment) meta.sentiment = j.sentiment;
  if (j.sources?.length) meta.sources = j.sources;
  if (j.language) meta.language = j.language;
  return {
    id: j.id,
    conversationId: j.conversation_id,
    seq: j.seq,
    role: j.role as Message['role'],
    ...(j.agent ? { agent: j.agent as Message['agent'] } : {}),
    ...(j.author_name ? { authorName: j.author_name } : {}),
    text: j.text,
    createdAt: new Date(j.created_at).toISOString(),
    ...(j.client_message_id ? { clientMessageId: j.client_message_id } : {}),
    ...(j.reply_to ? { replyTo: j.reply_to } : {}),
    ...(Object.keys(meta).length ? { meta } : {}),
  };
}
