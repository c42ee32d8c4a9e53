'use client';
import { useCallback, useRef, type RefObject } from 'react';
import type { Socket } from 'socket.io-client';

/** Customer typing: tell the server at most this often, and "stopped" after this much idle time (ms). */
const TYPING_THROTTLE_MS = 3_000;

/** Throttled `typing` events for the human agent's console; `stop()` is called when a message is sent. */
export function useTypingSignal(socketRef: RefObject<Socket | null>) {
  const sent = useRef({ at: 0, timer: 0 });

  const stop = useCallback(() => {
    const t = sent.current;
    window.clearTimeout(t.timer);
    if (t.at) socketRef.current?.emit('typing', { isTyping: false });
    t.at = 0;
  }, [socketRef]);

  const typing = useCallback(() => {
    const socket = socketRef.current;
    const t = sent.current;
    if (!socket?.connected) return;
    if (Date.now() - t.at > TYPING_THROTTLE_MS) {
      socket.emit('typing', { isTyping: true });
      t.at = Date.now();
    }
    window.clearTimeout(t.timer);
    t.timer = window.setTimeout(stop, TYPING_THROTTLE_MS);
  }, [socketRef, stop]);

  return { typing, stop };
}
