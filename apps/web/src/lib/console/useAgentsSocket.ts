'use client';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AgentsClientToServerEvents, AgentsServerToClientEvents } from '@em/contracts/events';

export type AgentsSocket = Socket<AgentsServerToClientEvents, AgentsClientToServerEvents>;

/** Matches PRESENCE_HEARTBEAT_MS on the server: presence expires after three missed beats. */
const HEARTBEAT_MS = 15_000;

/**
 * One /agents connection per console tab, authenticated by the httpOnly console cookie
 * (`withCredentials`). Presence is re-sent every HEARTBEAT_MS and on reconnect.
 */
export function useAgentsSocket(gatewayUrl: string, presence: 'online' | 'away', onUnauthorized: () => void) {
  const [socket, setSocket] = useState<AgentsSocket | null>(null);
  const [connected, setConnected] = useState(false);
  const presenceRef = useRef(presence);
  presenceRef.current = presence;
  const onUnauthorizedRef = useRef(onUnauthorized);
  onUnauthorizedRef.current = onUnauthorized;

  useEffect(() => {
    const s: AgentsSocket = io(`${gatewayUrl.replace(/\/$/, '')}/agents`, {
      withCredentials: true,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
    });
    s.on('connect', () => {
      setConnected(true);
      s.emit('presence', { status: presenceRef.current });
    });
    s.on('disconnect', () => setConnected(false));
    s.on('connect_error', (err) => {
      if (err.message === 'unauthorized') onUnauthorizedRef.current();
    });
    const beat = window.setInterval(() => s.connected && s.emit('presence', { status: presenceRef.current }), HEARTBEAT_MS);
    setSocket(s);
    return () => {
      window.clearInterval(beat);
      s.removeAllListeners();
      s.disconnect();
    };
  }, [gatewayUrl]);

  useEffect(() => {
    if (socket?.connected) socket.emit('presence', { status: presence });
  }, [socket, presence]);

  return { socket, connected };
}
