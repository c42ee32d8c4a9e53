'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentPresence, QueueItem } from '@em/contracts/events';
import { CannedListResponse, ConversationDetailResponse, ConversationListResponse, MeResponse } from '@em/contracts/rest';
import { api, ApiError } from '../../lib/console/api';
import { askNotificationPermission, chime, notify } from '../../lib/console/alert';
import type { ListTab as Tab } from '../../lib/console/queue-text';
import type { Canned, ConsoleUser, Detail, ListItem } from '../../lib/console/types';
import { turnFromMessage } from '../../lib/console/turns';
import { useAgentsSocket } from '../../lib/console/useAgentsSocket';
import { useConsoleI18n } from '../../lib/i18n/console';

export type { Tab };
/** The customer's typing indicator clears itself if no "stopped" arrives (ms). */
const TYPING_TTL_MS = 6000;

const toLogin = () => window.location.assign('/login?next=/console');

/** All console state: who I am, the live queue, the lists, the open conversation and its live events. */
export function useConsoleData(gatewayUrl: string) {
  const [me, setMe] = useState<ConsoleUser | null>(null);
  const [presence, setPresence] = useState<'online' | 'away'>('online');
  const { socket, connected } = useAgentsSocket(gatewayUrl, presence, toLogin);
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [agents, setAgents] = useState<AgentPresence[]>([]);
  const [tab, setTab] = useState<Tab>('waiting');
  const [q, setQ] = useState('');
  const [list, setList] = useState<ListItem[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [customerTyping, setCustomerTyping] = useState(false);
  const [canned, setCanned] = useState<Canned[]>([]);
  /** A gateway error code or one of the console's own keys (catalog `errors`); the page words it. */
  const [error, setError] = useState<string | null>(null);
  const { t, reason } = useConsoleI18n();
  const words = useRef({ t, reason });
  words.current = { t, reason };
  const seenQueue = useRef<Set<string> | null>(null);
  const selectedRef = useRef<string | null>(null);
  selectedRef.current = selectedId;

  useEffect(() => {
    api(gatewayUrl, '/api/auth/me', MeResponse)
      .then((r) => setMe(r.user))
      .catch((err: unknown) => (err instanceof ApiError && err.status === 401 ? toLogin() : setError('unreachable')));
    api(gatewayUrl, '/api/canned-responses', CannedListResponse).then((r) => setCanned(r.items), () => {});
  }, [gatewayUrl]);

  const loadList = useCallback(() => {
    if (tab === 'waiting') return;
    const params = new URLSearchParams({ view: tab, pageSize: '50', ...(q.trim() ? { q: q.trim() } : {}) });
    api(gatewayUrl, `/api/conversations?${params}`, ConversationListResponse).then((r) => setList(r.items), () => {});
  }, [gatewayUrl, tab, q]);
  useEffect(() => {
    const t = window.setTimeout(loadList, 200); // debounce typing in the search box (ms)
    return () => window.clearTimeout(t);
  }, [loadList]);

  const loadDetail = useCallback(
    (id: string) => api(gatewayUrl, `/api/conversations/${id}`, ConversationDetailResponse).then((d) => selectedRef.current === id && setDetail(d), () => {}),
    [gatewayUrl],
  );

  const select = useCallback(
    (id: string | null) => {
      if (selectedRef.current && socket) socket.emit('conversation:unwatch', { conversationId: selectedRef.current });
      setSelectedId(id);
      selectedRef.current = id;
      setDetail(null);
      setCustomerTyping(false);
      if (!id) return;
      socket?.emit('conversation:watch', { conversationId: id }, () => {});
      void loadDetail(id);
    },
    [socket, loadDetail],
  );

  useEffect(() => {
    if (!socket) return;
    const onQueue = (items: QueueItem[]) => {
      const seen = seenQueue.current;
      const fresh = seen ? items.filter((i) => !seen.has(i.conversationId)) : [];
      seenQueue.current = new Set(items.map((i) => i.conversationId));
      setQueue(items);
      if (fresh.length) {
        chime();
        const w = words.current;
        notify(w.t.newCustomerWaiting, `${fresh[0]!.customerName ?? w.t.aGuest}: ${fresh[0]!.lastMessage ?? w.reason(fresh[0]!.reason, 'queue')}`);
      }
    };
    socket.on('queue:snapshot', onQueue);
    socket.on('queue:updated', onQueue);
    socket.on('presence:updated', setAgents);
    socket.on('conversation:status', (s) => {
      loadList();
      if (s.conversationId === selectedRef.current) void loadDetail(s.conversationId);
    });
    socket.on('message:new', (m) => {
      if (m.conversationId !== selectedRef.current) return;
      if (m.role === 'customer') setCustomerTyping(false);
      setDetail((d) => {
        if (!d || d.messages.some((x) => x.id === m.id)) return d;
        const brief = m.role === 'customer' ? { ...d.brief, lastCustomerMessage: m.text } : d.brief;
        return { ...d, brief, messages: [...d.messages, turnFromMessage(m)] };
      });
    });
    socket.on('note:new', (n) => {
      if (n.conversationId === selectedRef.current) setDetail((d) => (d && !d.notes.some((x) => x.id === n.id) ? { ...d, notes: [...d.notes, n] } : d));
    });
    socket.on('typing', (t) => {
      if (t.actor === 'customer' && t.conversationId === selectedRef.current) setCustomerTyping(t.isTyping);
    });
    // Rejoin the open conversation's room after a reconnect.
    socket.on('connect', () => selectedRef.current && socket.emit('conversation:watch', { conversationId: selectedRef.current }, () => {}));
    return () => {
      for (const ev of ['queue:snapshot', 'queue:updated', 'presence:updated', 'conversation:status', 'message:new', 'note:new', 'typing'] as const) socket.off(ev);
    };
  }, [socket, loadList, loadDetail]);

  useEffect(() => {
    if (!customerTyping) return;
    const t = window.setTimeout(() => setCustomerTyping(false), TYPING_TTL_MS);
    return () => window.clearTimeout(t);
  }, [customerTyping]);

  /** Emits with an ack; a refusal (conflict, forbidden…) is shown to the agent. */
  const act = useCallback(
    async <E extends 'conversation:claim' | 'conversation:release' | 'conversation:resolve'>(event: E, conversationId: string) => {
      if (!socket) return false;
      askNotificationPermission();
      const op = socket.timeout(10_000);
      // The three events share one payload and ack shape; TS can't see that through the generic.
      const emit = op.emitWithAck as (ev: E, p: { conversationId: string }) => Promise<unknown>;
      const res = (await emit.call(op, event, { conversationId }).catch(() => null)) as
        | { ok: true }
        | { ok: false; error: { code: string; message: string } }
        | null;
      if (!res) setError('no_answer');
      else if (!res.ok) setError(res.error.code);
      if (res?.ok) void loadDetail(conversationId);
      return !!res?.ok;
    },
    [socket, loadDetail],
  );

  return { gatewayUrl, me, presence, setPresence, connected, socket, queue, agents, tab, setTab, q, setQ, list, selectedId, select, detail, customerTyping, canned, error, setError, act, loadList };
}
export type ConsoleData = ReturnType<typeof useConsoleData>;
