import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Message } from '@em/contracts/schemas';
import type { DbOrTx } from '../client';
import type { NewMessage } from './conversations';
import { messageFromJson, type JsonMessage } from './message-json';
import { executePrepared } from '../prepared';

export interface AiReplyWrite {
  reply: Omit<NewMessage, 'attach' | 'clientMessageId' | 'authorName'> & { replyTo: string };
  /** Analytics events written with the reply (ai_reply, agent_handoff, job_failed): type and data. */
  events: { type: string; data: Record<string, unknown> }[];
  /** The language the customer's message was read in, stored on that message. */
  language?: string;
  /**
   * Outside a transaction: write only if the conversation's status is one of these (the statuses in
   * which the state machine lets the AI reply without a status change). The UPDATE takes the row
   * lock and re-checks the status after any concurrent change, so a person who claimed the chat
   * meanwhile wins. A concurrent commit of the same reply then fails on the unique reply_to.
   */
  onlyIfStatusIn?: readonly string[];
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Writes an AI turn in one statement (issue 18: it was a SAVEPOINT, an UPDATE and an INSERT, one
 * INSERT per event and an UPDATE for the language): the conversation's next seq, the reply, its
 * events and the message's language. Run it inside the transaction that holds the conversation's
 * row lock (lockConversation): under that lock no other commit of the same reply can be in flight,
 * so "no reply to this message yet" is decided here and nothing else writes when one exists (null:
 * read the stored one). The unique index on reply_to stays the last word. With `onlyIfStatusIn` it
 * runs alone, without the transaction (see there), and null also means "not in those statuses".
 */
export async function insertAiReply(tx: DbOrTx, w: AiReplyWrite): Promise<Message | null> {
  const r = w.reply;
  const id = r.id ?? randomUUID();
  const events = w.events.map((e) => ({ type: e.type, data: e.data }));
  const [row] = await executePrepared<{ message: JsonMessage }>(tx, sql`
    with conv as (
      update conversations set last_seq = last_seq + 1, last_message_at = now()
      where id = ${r.conversationId} and not exists (select 1 from messages where reply_to = ${r.replyTo})
        and (${json(w.onlyIfStatusIn)}::jsonb is null or status in (select jsonb_array_elements_text(${json(w.onlyIfStatusIn)}::jsonb)))
      returning id, last_seq
    ), ins as (
      insert into messages (id, conversation_id, seq, role, text, agent, reply_to, route, sentiment, sources, details)
      select ${id}, conv.id, conv.last_seq, ${r.role}, ${r.text}, ${r.agent ?? null}, ${r.replyTo},
             ${json(r.route)}::jsonb, ${json(r.sentiment)}::jsonb, ${json(r.sources)}::jsonb, ${json(r.details)}::jsonb
      from conv
      returning *
    ), ev as (
      insert into conversation_events (conversation_id, type, data)
      select ins.conversation_id, e.type, e.data
      from ins, jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as e(type text, data jsonb)
    ), lang as (
      update messages set language = ${w.language ?? null}
      where id = ${r.replyTo} and ${w.language ?? null}::text is not null and exists (select 1 from ins)
    )
    select row_to_json(ins) as message from ins`);
  return row ? messageFromJson(row.message) : null;
}
