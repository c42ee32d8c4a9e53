/** The console's list tabs (the waiting queue is live over the socket, the others come from REST). */
export type ListTab = 'waiting' | 'mine' | 'open' | 'resolved';

/**
 * What an empty list says. With a search term it names what the search hides, so "nobody is
 * waiting" never sits next to a badge counting 18 waiting (issue 19).
 */
export function emptyText(tab: ListTab, term: string, waiting: number): string {
  const t = term.trim();
  if (tab !== 'waiting') return t ? `No conversation here matches "${t}".` : 'No conversations here.';
  if (!t) return 'Nobody is waiting right now.';
  if (!waiting) return `Nobody is waiting right now, so nothing matches "${t}".`;
  return `No waiting conversation matches "${t}" — ${waiting} waiting in all.`;
}
