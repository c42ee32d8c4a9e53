'use client';
import { useCallback, type Dispatch, type RefObject } from 'react';
import type { Socket } from 'socket.io-client';
import type { ChatClientToServerEvents, ChatServerToClientEvents } from '@em/contracts/events';
import type { ChatAction } from '../../lib/chat/state';

/** How long to wait for the server's answer (ms). */
const ACK_TIMEOUT_MS = 15_000;

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

/** "Talk to a person" and the CSAT rating: one request each, answered by an ack. */
export function useConversationActions(socketRef: RefObject<ChatSocket | null>, dispatch: Dispatch<ChatAction>) {
  const requestHuman = useCallback(() => {
    socketRef.current?.timeout(ACK_TIMEOUT_MS).emit('conversation:request-human', {}, (err, res) => {
      if (err) dispatch({ type: 'notice', notice: 'No answer from the server. Please try again.' });
      else if (res.ok) dispatch({ type: 'status', status: res.data.status });
      else dispatch({ type: 'notice', notice: res.error.message });
    });
  }, [socketRef, dispatch]);

  /** Resolves true once the server recorded the rating. */
  const rate = useCallback(
    (score: number, comment?: string) =>
      new Promise<boolean>((resolve) => {
        const socket = socketRef.current;
        if (!socket?.connected) {
          dispatch({ type: 'notice', notice: 'You are offline. Please send your rating once the connection is back.' });
          return resolve(false);
        }
        socket.timeout(ACK_TIMEOUT_MS).emit('conversation:rate', { score, comment: comment || undefined }, (err, res) => {
          const ok = !err && res.ok;
          dispatch(ok ? { type: 'rated' } : { type: 'notice', notice: 'Your rating could not be saved. Please try again.' });
          resolve(ok);
        });
      }),
    [socketRef, dispatch],
  );

  return { requestHuman, rate };
}
