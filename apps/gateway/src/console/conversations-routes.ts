import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '@em/contracts/errors';
import type { ConversationDetailResponse, ConversationListResponse } from '@em/contracts/rest';
import { StoredText } from '@em/contracts/schemas';
import { CONVERSATION_VIEWS, getConversationDetailWithAttachments, listConversations } from '@em/db/queries/console-conversations';
import { listNotes } from '@em/db/queries/notes';
import type { GatewayDeps } from '../deps';
import { consoleUserOf, requireConsole } from './console-auth';
import { buildBrief, draftReply } from './handoff-brief';
import { detailFor, listItemFor } from './rating-visibility';

/** `view` or, as aliases, `status` (DESIGN §4 wording) and `mine=true`. */
export const ListQuery = z.object({
  view: z.enum(CONVERSATION_VIEWS).optional(),
  status: z.enum(['waiting_human', 'human', 'bot', 'resolved', 'open', 'all']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: StoredText().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export const IdParams = z.object({ id: z.string().uuid() });

const viewOf = (q: z.infer<typeof ListQuery>) =>
  q.view ??
  (q.mine === 'true'
    ? 'mine'
    : q.status === 'waiting_human'
      ? 'waiting'
      : q.status === 'resolved'
        ? 'resolved'
        : q.status === 'open' || q.status === 'human' || q.status === 'bot'
          ? 'open'
          : 'all');

/** GET /api/conversations and GET /api/conversations/:id (transcript with per-turn route, sentiment, handoffs, timings). */
export function createConversationsRouter(deps: GatewayDeps): Router {
  const router = Router();
  router.get('/conversations', requireConsole(deps), async (req, res) => {
    const q = ListQuery.safeParse(req.query);
    if (!q.success) throw new AppError('invalid_payload', 'Unknown filter.');
    const me = consoleUserOf(res);
    const found = await listConversations(deps.db, {
      view: viewOf(q.data),
      agentId: me.userId,
      q: q.data.q,
      page: q.data.page,
      pageSize: q.data.pageSize,
    });
    const body: ConversationListResponse = { ...found, items: found.items.map((i) => listItemFor(me, i)) };
    res.json(body);
  });
  router.get('/conversations/:id', requireConsole(deps), async (req, res) => {
    const p = IdParams.safeParse(req.params);
    if (!p.success) throw new AppError('not_found', 'No such conversation.');
    const found = await getConversationDetailWithAttachments(deps.db, p.data.id);
    if (!found) throw new AppError('not_found', 'No such conversation.');
    // Ratings: an agent sees their own, an admin all (rating-visibility.ts).
    const detail = detailFor(consoleUserOf(res), found);
    const notes = await listNotes(deps.db, p.data.id);
    const body: z.input<typeof ConversationDetailResponse> = { ...detail, notes, brief: buildBrief(detail), suggestedReply: draftReply(detail, consoleUserOf(res).name) };
    res.json(body);
  });
  return router;
}
