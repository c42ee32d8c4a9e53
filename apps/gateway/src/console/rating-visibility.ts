import type { ConsoleRole } from '@em/contracts/rest';
import type { ConversationDetail, ConversationListItem } from '@em/db/queries/console-conversations';

/**
 * Who sees which numbers in the console (issue 19): an agent sees the ratings of the conversations
 * they resolved, an admin sees every rating. The same rule as the dashboard's per-agent figures
 * (an agent's own row only), so the console never shows a colleague's score the dashboard hides.
 */
export interface Viewer {
  userId: string;
  role: ConsoleRole;
}

/** The agent a rating belongs to: whoever resolved the conversation last (a later turn with the AI clears the owner, not this). */
export function resolverOf(d: Pick<ConversationDetail, 'events'>): string | null {
  const resolved = [...d.events].reverse().find((e) => e.type === 'status_changed' && e.data.status === 'resolved');
  return typeof resolved?.data.agentId === 'string' ? resolved.data.agentId : null;
}

export const seesRating = (viewer: Viewer, ownerId: string | null) => viewer.role === 'admin' || (!!ownerId && ownerId === viewer.userId);

/** The detail with the rating (score and comment) removed unless the viewer may see it. */
export function detailFor<D extends Pick<ConversationDetail, 'events' | 'conversation'>>(viewer: Viewer, d: D): D {
  if (seesRating(viewer, resolverOf(d))) return d;
  return { ...d, conversation: { ...d.conversation, csatScore: null, csatComment: null } };
}

/** A list row with its score removed unless it is the viewer's (the list knows the owner, not the resolver). */
export function listItemFor(viewer: Viewer, item: ConversationListItem): ConversationListItem {
  return seesRating(viewer, item.assignedAgentId) ? item : { ...item, csatScore: null };
}
