'use client';
import { useCallback, type RefObject } from 'react';
import type { Socket } from 'socket.io-client';
import type { ChatClientToServerEvents, ChatServerToClientEvents } from '@em/contracts/events';
import type { Result } from '@em/contracts/errors';
import type { ConversationEmailAck, TranscriptRequestAck } from '@em/contracts/mail';

/** How long to wait for the server's answer (ms). */
const ACK_TIMEOUT_MS = 15_000;

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;
/** The server's answer, or `offline` when there was no connection or no answer in time. */
const offline = { ok: false, error: { code: 'internal', message: 'offline' } } as const;

/** Email follow-up over /chat (issue 20): give the address to write to; ask for the transcript by mail. */
export function useEmailActions(socketRef: RefObject<ChatSocket | null>) {
  const provideEmail = useCallback(
    (email: string) =>
      new Promise<Result<ConversationEmailAck>>((resolve) => {
        const socket = socketRef.current;
        if (!socket?.connected) return resolve(offline);
        socket.timeout(ACK_TIMEOUT_MS).emit('conversation:email', { email }, (err, res) => resolve(err ? offline : res));
      }),
    [socketRef],
  );
  const requestTranscript = useCallback(
    (email?: string) =>
      new Promise<Result<TranscriptRequestAck>>((resolve) => {
        const socket = socketRef.current;
        if (!socket?.connected) return resolve(offline);
        socket.timeout(ACK_TIMEOUT_MS).emit('conversation:transcript', email ? { email } : {}, (err, res) => resolve(err ? offline : res));
      }),
    [socketRef],
  );
  return { provideEmail, requestTranscript };
}
export type EmailActions = ReturnType<typeof useEmailActions>;
