import type { TurnMessage } from '@em/contracts/rest';
import type { Message } from '@em/contracts/schemas';

/**
 * A live `message:new` (socket Message) as a transcript turn of GET /api/conversations/:id: the same
 * fields, with `meta` spread out and per-turn details absent until the conversation is reloaded.
 */
export const turnFromMessage = (m: Message): TurnMessage => ({
  id: m.id,
  seq: m.seq,
  role: m.role,
  agent: m.agent ?? null,
  authorName: m.authorName ?? null,
  text: m.text,
  createdAt: m.createdAt,
  replyTo: m.replyTo ?? null,
  route: m.meta?.route ?? null,
  sentiment: m.meta?.sentiment ?? null,
  sources: m.meta?.sources ?? [],
  details: null,
  language: m.meta?.language ?? null,
  ...(m.attachments?.length ? { attachments: m.attachments } : {}),
});
