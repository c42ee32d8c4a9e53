'use client';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AgentHandoff, ChatClientToServerEvents, ChatServerToClientEvents, SessionReady } from '@em/contracts/events';
import type { ConversationStatus, Message } from '@em/contracts/schemas';
import { chatReducer, initialChatState, maxSeq } from '../../lib/chat/state';
import { clearToken, readToken, writeToken } from '../../lib/chat/session-store';
import { newClientMessageId } from '../../lib/chat/uuid';
import type { ChatConfig } from './useParentBridge';

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

export type ChatEvent =
  | { type: 'ready'; session: SessionReady }
  | { type: 'message'; message: Message }
  | { type: 'status'; status: ConversationStatus; queuePosition?: number }
  | { type: 'handoff'; handoff: AgentHandoff };

/** How long to wait for an ack before offering Retry (the gateway acks once the message is queued). */
const ACK_TIMEOUT_MS = 15_000;
/** A typing indicator with no follow-up clears itself after this long. */
const TYPING_TTL_MS = 10_000;
/** Customer typing: tell the server at most this often, and "stopped" after this much idle time. */
const TYPING_THROTTLE_MS = 3_000;
/** Delay before reconnecting ourselves when socket.io will not (server-side disconnect or refusal). */
const RECONNECT_MS = 2_000;

export function useChat(gatewayUrl: string, config: ChatConfig | null, onEvent: (e: ChatEvent) => void) {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const socketRef = useRef<ChatSocket | null>(null);
  const seqRef = useRef(0);
  seqRef.current = maxSeq(state.messages);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const typingSent = useRef({ at: 0, timer: 0 });

  useEffect(() => {
    if (!config) return;
    const { siteKey, identity } = config;
    if (config.fresh) clearToken(siteKey, identity?.email);
    dispatch({ type: 'reset' });
    dispatch({ type: 'connection', connection: 'connecting' });
    let hadSession = false;
    let retriedWithoutToken = false;
    let retryTimer = 0;

    const socket: ChatSocket = io(`${gatewayUrl.replace(/\/$/, '')}/chat`, {
      // WebSocket first; fall back to long-polling where a proxy blocks upgrades.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      // A function, so every reconnect presents the latest stored token and resumes the conversation.
      auth: (cb) => cb({ siteKey, identity, sessionToken: readToken(siteKey, identity?.email) }),
    });
    socketRef.current = socket;

    socket.on('session:ready', (session) => {
      writeToken(siteKey, identity?.email, session.sessionToken);
      const afterSeq = seqRef.current;
      dispatch({ type: 'ready', session });
      onEventRef.current({ type: 'ready', session });
      // After a reconnect, ask for anything past what we had, in case the snapshot was partial.
      if (hadSession) {
        socket.timeout(ACK_TIMEOUT_MS).emit('history:sync', { afterSeq }, (err, res) => {
          if (!err && res.ok) dispatch({ type: 'upsert', messages: res.data.messages });
        });
      }
      hadSession = true;
    });
    socket.on('message:new', (message) => {
      dispatch({ type: 'upsert', messages: [message] });
      onEventRef.current({ type: 'message', message });
    });
    socket.on('message:delta', ({ messageId, delta }) => dispatch({ type: 'delta', messageId, delta }));
    socket.on('typing', (typing) => dispatch({ type: 'typing', typing }));
    socket.on('conversation:status', ({ status, queuePosition }) => {
      dispatch({ type: 'status', status, queuePosition });
      onEventRef.current({ type: 'status', status, queuePosition });
    });
    socket.on('agent:handoff', (handoff) => onEventRef.current({ type: 'handoff', handoff }));
    socket.on('disconnect', (reason) => {
      dispatch({ type: 'connection', connection: 'offline' });
      // socket.io only reconnects by itself after transport loss; a server-side disconnect
      // (e.g. a gateway draining or a failed session:ready) needs us to come back.
      if (reason === 'io server disconnect') retryTimer = window.setTimeout(() => socket.connect(), RECONNECT_MS);
    });
    socket.on('connect_error', (err) => {
      dispatch({ type: 'connection', connection: hadSession ? 'offline' : 'connecting' });
      if (socket.active) return; // transport trouble: socket.io keeps retrying by itself
      // Refused by the server. A stale or foreign token: forget it and start a new session, once.
      if (err.message === 'unauthorized' && readToken(siteKey, identity?.email) && !retriedWithoutToken) {
        retriedWithoutToken = true;
        clearToken(siteKey, identity?.email);
        socket.connect();
        return;
      }
      if (err.message === 'unauthorized') {
        dispatch({ type: 'notice', notice: 'We could not verify this chat session. Please reload the page.' });
        return;
      }
      retryTimer = window.setTimeout(() => socket.connect(), RECONNECT_MS); // "internal": try again shortly
    });

    return () => {
      window.clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [gatewayUrl, config]);

  // Typing indicators never outlive TYPING_TTL_MS without a refresh.
  useEffect(() => {
    if (!state.typing) return;
    const t = window.setTimeout(() => dispatch({ type: 'typing', typing: null }), TYPING_TTL_MS);
    return () => window.clearTimeout(t);
  }, [state.typing]);

  const emitSend = useCallback((clientMessageId: string, text: string) => {
    const socket = socketRef.current;
    if (!socket) return dispatch({ type: 'failed', clientMessageId, error: 'Not connected' });
    socket.timeout(ACK_TIMEOUT_MS).emit('message:send', { clientMessageId, text }, (err, res) => {
      if (err) dispatch({ type: 'failed', clientMessageId, error: 'No answer from the server' });
      else if (res.ok) dispatch({ type: 'ack', clientMessageId, messageId: res.data.messageId, seq: res.data.seq });
      else dispatch({ type: 'failed', clientMessageId, error: res.error.message });
    });
  }, []);

  const send = useCallback(
    (text: string) => {
      const clientMessageId = newClientMessageId();
      dispatch({ type: 'local-send', clientMessageId, text });
      const t = typingSent.current;
      window.clearTimeout(t.timer);
      if (t.at) socketRef.current?.emit('typing', { isTyping: false });
      t.at = 0;
      emitSend(clientMessageId, text);
    },
    [emitSend],
  );

  /** Resends with the SAME clientMessageId, so the gateway can dedupe if the first try did arrive. */
  const retry = useCallback(
    (clientMessageId: string) => {
      const message = state.messages.find((m) => m.local && m.clientMessageId === clientMessageId);
      if (!message) return;
      dispatch({ type: 'retry', clientMessageId });
      emitSend(clientMessageId, message.text);
    },
    [state.messages, emitSend],
  );

  const requestHuman = useCallback(() => {
    socketRef.current?.timeout(ACK_TIMEOUT_MS).emit('conversation:request-human', {}, (err, res) => {
      if (err) dispatch({ type: 'notice', notice: 'No answer from the server. Please try again.' });
      else if (res.ok) dispatch({ type: 'status', status: res.data.status });
      else dispatch({ type: 'notice', notice: res.error.message });
    });
  }, []);

  const rate = useCallback((score: number) => {
    socketRef.current?.timeout(ACK_TIMEOUT_MS).emit('conversation:rate', { score }, (err, res) => {
      if (!err && res.ok) dispatch({ type: 'rated' });
      else dispatch({ type: 'notice', notice: 'Your rating could not be saved.' });
    });
  }, []);

  const typing = useCallback(() => {
    const socket = socketRef.current;
    const t = typingSent.current;
    if (!socket?.connected) return;
    if (Date.now() - t.at > TYPING_THROTTLE_MS) {
      socket.emit('typing', { isTyping: true });
      t.at = Date.now();
    }
    window.clearTimeout(t.timer);
    t.timer = window.setTimeout(() => {
      socket.emit('typing', { isTyping: false });
      t.at = 0;
    }, TYPING_THROTTLE_MS);
  }, []);

  const dismissNotice = useCallback(() => dispatch({ type: 'notice', notice: undefined }), []);

  return { state, ready: !!config, send, retry, requestHuman, rate, typing, dismissNotice };
}
