import { ESCALATION_REASON_LABELS, EscalationReason } from '@em/contracts/analytics';
import type { ConversationExportRow } from '@em/db/queries/analytics-conversations';
import { csvField } from './analytics-csv';

/** Columns of GET /api/analytics/conversations.csv, in order. */
export const CONVERSATION_CSV_HEADER = [
  'conversation_id',
  'started_utc',
  'last_activity_utc',
  'status',
  'owner',
  'route',
  'sentiment',
  'handed_off',
  'handoff_reason',
  'csat',
  'comment',
] as const;

/** The reason in the dashboard's words; a value outside the list is written as stored. */
const reasonLabel = (r: string | null) => {
  if (r === null) return null;
  const known = EscalationReason.safeParse(r);
  return known.success ? ESCALATION_REASON_LABELS[known.data].chart : r;
};

/**
 * One line per conversation. Every text cell goes through csvField, which quotes it and defuses
 * a leading = + - @ tab or CR (the comment and names are typed by people).
 */
export function conversationsCsv(rows: ConversationExportRow[]): string {
  const lines = [CONVERSATION_CSV_HEADER.join(',')];
  for (const x of rows) {
    lines.push(
      [
        x.id,
        x.startedAt,
        x.lastActivityAt,
        x.status,
        x.owner ?? 'Queue',
        x.route,
        x.sentiment,
        x.handedOff ? 'yes' : 'no',
        reasonLabel(x.reason),
        x.csat,
        x.comment,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
