import { en, type ConsoleMessages } from '../i18n/console/en';

/** The console's list tabs (the waiting queue is live over the socket, the others come from REST). */
export type ListTab = 'waiting' | 'mine' | 'open' | 'resolved';

/**
 * What an empty list says, in the catalog `t` (English by default). With a search term it names what
 * the search hides, so "nobody is waiting" never sits next to a badge counting 18 waiting (issue 19).
 */
export function emptyText(tab: ListTab, term: string, waiting: number, t: Pick<ConsoleMessages, 'emptyList' | 'emptyQueue' | 'emptyQueueSearch' | 'emptyQueueHidden'> = en): string {
  const s = term.trim();
  if (tab !== 'waiting') return t.emptyList(s);
  if (!s) return t.emptyQueue;
  if (!waiting) return t.emptyQueueSearch(s);
  return t.emptyQueueHidden(s, waiting);
}
