import { sql } from 'drizzle-orm';
import type { ConversationStatus, Message } from '@em/contracts/schemas';
import type { Db } from '../client';
import { appendMessage, findByClientMessageId, getConversation, isUniqueViolation } from './conversations';
import type { Uploader } from './attachments';
import { messageFromJson, type JsonMessage } from './message-json';
import { executePrepared } from '../prepared';

export type CustomerMessageResult =
  | { kind: 'stored'; message: Message; status: ConversationStatus }
  /** The clientMessageId was stored before (a resend from any tab or node, of any age): that message. */
  | { kind: 'duplicate'; message: Message }
  | { kind: 'no_conversation' };

/**
 * A customer's message, stored once per (conversation, clientMessageId), in one statement: the
 * conversation's next seq and the row, returning the row and the conversation's status (issue 18:
 * it was a conversation read, a Redis SET NX, BEGIN, UPDATE, INSERT, COMMIT and a Redis SET).
 *
 * The unique index decides a repeat, whatever its age and wherever it was sent: a resend racing its
 * first attempt waits on the conversation row until that commits, then fails on the index, and the
 * statement's seq bump rolls back with it (no gap). Messages with files take the transaction that
 * also links them (appendMessage).
 */
export async function appendCustomerMessage(
  db: Db,
  m: { conversationId: string; clientMessageId: string; text: string; attach?: { uploader: Uploader; ids: string[] } },
): Promise<CustomerMessageResult> {
  try {
    if (m.attach?.ids.length) {
      const conv = await getConversation(db, m.conversationId);
      if (!conv) return { kind: 'no_conversation' };
      const message = await appendMessage(db, { conversationId: m.conversationId, role: 'customer', text: m.text, clientMessageId: m.clientMessageId, attach: m.attach });
      if (message) return { kind: 'stored', message, status: conv.status as ConversationStatus };
    } else {
      const [row] = await executePrepared<{ message: JsonMessage; status: ConversationStatus }>(db, sql`
        with conv as (
          update conversations set last_seq = last_seq + 1, last_message_at = now()
          where id = ${m.conversationId}
          returning id, last_seq, status
        ), ins as (
          insert into messages (conversation_id, seq, role, text, client_message_id)
          select id, last_seq, 'customer', ${m.text}, ${m.clientMessageId} from conv
          returning *
        )
        select row_to_json(ins) as message, conv.status from ins, conv`);
      if (!row) return { kind: 'no_conversation' };
      return { kind: 'stored', message: messageFromJson(row.message), status: row.status };
    }
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const existing = await findByClientMessageId(db, m.conversationId, m.clientMessageId);
  if (!existing) throw new Error(`message ${m.clientMessageId} of conversation ${m.conversationId} is neither new nor stored`);
  return { kind: 'duplicate', message: existing };
}
