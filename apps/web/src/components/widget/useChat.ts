'use client';
import { useCallback, useEffect, useReducer, useRef, type RefObject } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AgentHandoff, ChatClientToServerEvents, ChatServerToClientEvents, SessionReady } from '@em/contracts/events';
import type { Attachment, ConversationStatus, Message } from '@em/contracts/schemas';
import { pendingSends } from '../../lib/chat/messages';
import { chatReducer, initialChatState, maxSeq } from '../../lib/chat/state';
import { clearToken, readToken, writeToken } from '../../lib/chat/session-store';
import { newClientMessageId } from '../../lib/chat/uuid';
import type { ChatConfig } from './useParentBridge';
import { useConversationActions } from './useConversationActions';
import { useTypingSignal } from './useTypingSignal';
import { useEmailActions } from './useEmailActions';
import { takeResumeToken } from '../../lib/chat/resume-link';
import { FileError, uploadFile } from '../../lib/attachments/client';

const idsOf = (m: { attachments?: Attachment[] }) => m.attachments?.map((a) => a.id);

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

export type ChatEvent =
  | { type: 'ready'; session: SessionReady }
  | { type: 'message'; message: Message }
  | { type: 'status'; status: ConversationStatus; queuePosition?: number }
  | { type: 'handoff'; handoff: AgentHandoff }
  /** The chat asks for an email to follow up (issue 20), or no longer does. */
  | { type: 'email-requested'; requested: boolean };

/** How long to wait for an ack before offering Retry (the gateway acks once the message is queued). */
const ACK_TIMEOUT_MS = 15_000;
/** A typing indicator with no follow-up clears itself after this long. */
const TYPING_TTL_MS = 10_000;
/** Delay before reconnecting ourselves when socket.io will not (server-side disconnect or refusal). */
const RECONNECT_MS = 2_000;

export function useChat(gatewayUrl: string, config: ChatConfig | null, onEvent: (e: ChatEvent) => void) {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const socketRef = useRef<ChatSocket | null>(null);
  const messagesRef = useRef(state.messages);
  messagesRef.current = state.messages;
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  /** clientMessageIds sent on the current connection and not answered yet. */
  const inFlight = useRef(new Set<string>());
  const typingSignal = useTypingSignal(socketRef as RefObject<Socket | null>);
  /** This chat's session token (session:ready): uploads and file downloads send it as a Bearer token (issue 20). */
  const sessionToken = useRef<string | null>(null);
  const upload = useCallback(
    (file: File, onProgress: (fraction: number) => void) =>
      sessionToken.current ? uploadFile(gatewayUrl, '/chat/attachments', { bearer: sessionToken.current }, file, onProgress) : Promise.reject(new FileError('unauthorized')),
    [gatewayUrl],
  );

  /**
   * Sends now when connected; otherwise the message stays "sending" and goes out, with the SAME
   * clientMessageId, after the next session:ready (the gateway dedupes, so a resend never doubles).
   */
  const emitSend = useCallback(
    (clientMessageId: string, text: string, attachments: string[] = []) =>
      new Promise<void>((resolve) => {
        const socket = socketRef.current;
        if (!socket?.connected || inFlight.current.has(clientMessageId)) return resolve();
        inFlight.current.add(clientMessageId);
        socket.timeout(ACK_TIMEOUT_MS).emit('message:send', { clientMessageId, text, ...(attachments.length ? { attachments } : {}) }, (err, res) => {
          inFlight.current.delete(clientMessageId);
          if (err) {
            // Lost link: leave it queued for the reconnect. Connected but silent: let the customer retry.
            if (socket.connected) dispatch({ type: 'failed', clientMessageId, error: 'No answer from the server' });
          } else if (res.ok) dispatch({ type: 'ack', clientMessageId, messageId: res.data.messageId, seq: res.data.seq });
          else dispatch({ type: 'failed', clientMessageId, error: res.error.message });
          resolve();
        });
      }),
    [],
  );

  /** One send at a time, in the order written: the server numbers messages as they arrive. */
  const chain = useRef(Promise.resolve());
  const enqueue = useCallback(
    (clientMessageId: string, text: string, attachments?: string[]) => {
      chain.current = chain.current.then(() => emitSend(clientMessageId, text, attachments));
    },
    [emitSend],
  );

  useEffect(() => {
    if (!config) return;
    const { siteKey, identity } = config;
    if (config.fresh) clearToken(siteKey, identity?.email);
    dispatch({ type: 'reset' });
    dispatch({ type: 'connection', connection: 'connecting' });
    let hadSession = false;
    let retriedWithoutToken = false;
    // A link back from a follow-up mail (#resume=…) names the conversation for the first handshake only.
    let resumeToken = takeResumeToken();
    let retryTimer = 0;
    const flights = inFlight.current;

    const socket: ChatSocket = io(`${gatewayUrl.replace(/\/$/, '')}/chat`, {
      // WebSocket first; fall back to long-polling where a proxy blocks upgrades.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      autoConnect: navigator.onLine !== false,
      // A function, so every reconnect presents the latest stored token and resumes the conversation.
      auth: (cb) => cb({ siteKey, identity, sessionToken: readToken(siteKey, identity?.email), embedOrigin: config.embedOrigin, ...(resumeToken ? { resumeToken } : {}) }),
    });
    socketRef.current = socket;
    if (!socket.active) dispatch({ type: 'connection', connection: 'offline' });

    socket.on('session:ready', (session) => {
      resumeToken = undefined;
      writeToken(siteKey, identity?.email, session.sessionToken);
      sessionToken.current = session.sessionToken;
      const afterSeq = maxSeq(messagesRef.current);
      const pending = pendingSends(messagesRef.current);
      dispatch({ type: 'ready', session });
      onEventRef.current({ type: 'ready', session });
      // After a reconnect, ask for anything past what we had, in case the snapshot was partial.
      if (hadSession) {
        socket.timeout(ACK_TIMEOUT_MS).emit('history:sync', { afterSeq }, (err, res) => {
          if (!err && res.ok) dispatch({ type: 'upsert', messages: res.data.messages });
        });
      }
      for (const m of pending) enqueue(m.clientMessageId!, m.text, idsOf(m));
      hadSession = true;
    });
    socket.on('message:new', (message) => {
      dispatch({ type: 'upsert', messages: [message] });
      onEventRef.current({ type: 'message', message });
    });
    socket.on('message:delta', ({ messageId, delta }) => dispatch({ type: 'delta', messageId, delta }));
    socket.on('conversation:email-requested', ({ requested }) => onEventRef.current({ type: 'email-requested', requested }));
    socket.on('typing', (typing) => dispatch({ type: 'typing', typing }));
    socket.on('conversation:status', ({ status, queuePosition }) => {
      dispatch({ type: 'status', status, queuePosition });
      onEventRef.current({ type: 'status', status, queuePosition });
    });
    socket.on('agent:handoff', (handoff) => {
      dispatch({ type: 'handoff', handoff });
      onEventRef.current({ type: 'handoff', handoff });
    });
    socket.on('disconnect', (reason) => {
      dispatch({ type: 'connection', connection: 'offline' });
      // socket.io only reconnects by itself after transport loss; a server-side disconnect
      // (e.g. a gateway draining or a failed session:ready) needs us to come back.
      if (reason === 'io server disconnect') retryTimer = window.setTimeout(() => socket.connect(), RECONNECT_MS);
    });
    socket.on('connect_error', (err) => {
      dispatch({ type: 'connection', connection: hadSession ? 'offline' : 'connecting' });
      if (socket.active) return; // transport trouble: socket.io keeps retrying by itself
      // An expired or replaced link back from a mail: carry on with the stored session (or a new one).
      if (err.message === 'unauthorized' && resumeToken) {
        resumeToken = undefined;
        socket.connect();
        return;
      }
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

    // The browser knows before the socket does: drop the link at once (the banner shows, sends queue
    // up) and come back the moment the network does, instead of waiting for socket.io's backoff.
    const onOffline = () => socket.disconnect();
    const onOnline = () => {
      if (!socket.connected) socket.connect();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);

    return () => {
      window.clearTimeout(retryTimer);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
      flights.clear();
    };
  }, [gatewayUrl, config, enqueue]);

  // Typing indicators never outlive TYPING_TTL_MS without a refresh.
  useEffect(() => {
    if (!state.typing) return;
    const t = window.setTimeout(() => dispatch({ type: 'typing', typing: null }), TYPING_TTL_MS);
    return () => window.clearTimeout(t);
  }, [state.typing]);

  const { stop: stopTyping } = typingSignal;
  const send = useCallback(
    (text: string, attachments: Attachment[] = []) => {
      const clientMessageId = newClientMessageId();
      dispatch({ type: 'local-send', clientMessageId, text, attachments });
      stopTyping();
      enqueue(clientMessageId, text, attachments.map((a) => a.id));
    },
    [enqueue, stopTyping],
  );

  /** Resends with the SAME clientMessageId, so the gateway can dedupe if the first try did arrive. */
  const retry = useCallback(
    (clientMessageId: string) => {
      const message = messagesRef.current.find((m) => m.local && m.clientMessageId === clientMessageId);
      if (!message) return;
      dispatch({ type: 'retry', clientMessageId });
      enqueue(clientMessageId, message.text, idsOf(message));
    },
    [enqueue],
  );

  const { requestHuman, rate } = useConversationActions(socketRef, dispatch);
  const emailActions = useEmailActions(socketRef);

  const dismissNotice = useCallback(() => dispatch({ type: 'notice', notice: undefined }), []);
  const revealed = useCallback((messageId: string) => dispatch({ type: 'revealed', messageId }), []);

  return { state, ready: !!config, send, retry, upload, sessionToken: state.everReady ? sessionToken.current : null, requestHuman, rate, typing: typingSignal.typing, dismissNotice, revealed, emailActions };
}
