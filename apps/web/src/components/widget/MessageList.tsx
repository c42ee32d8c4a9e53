'use client';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useLayoutEffect, useRef } from 'react';
import type { TypingEvent } from '@em/contracts/events';
import type { ChatMessage } from '../../lib/chat/state';
import { MessageBubble } from './MessageBubble';
import { TypingIndicator } from './TypingIndicator';

/** Within this many px of the bottom we keep following new messages; further up, the reader is reading. */
const STICK_PX = 80;

interface Props {
  messages: ChatMessage[];
  typing: TypingEvent | null;
  onRetry: (clientMessageId: string) => void;
}

export function MessageList({ messages, typing, onRetry }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const last = messages[messages.length - 1];

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, last?.text, typing]);

  const onScroll = () => {
    const el = scroller.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };

  return (
    <Box ref={scroller} onScroll={onScroll} sx={{ flex: 1, overflowY: 'auto', px: 2, py: 2 }}>
      {messages.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center', mt: 4, px: 3 }}>
          Hi! Ask us about products, orders, shipping, returns or promotions.
        </Typography>
      )}
      <Box
        role="log"
        aria-live="polite"
        aria-label="Conversation"
        // While a reply streams in, screen readers wait for the whole text instead of every delta.
        aria-busy={messages.some((m) => m.streaming) || undefined}
        sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}
      >
        {messages.map((m) => (
          <MessageBubble key={m.clientMessageId && m.local ? `c:${m.clientMessageId}` : m.id} message={m} onRetry={onRetry} />
        ))}
      </Box>
      {typing && (
        <Box sx={{ mt: 1.5 }}>
          <TypingIndicator typing={typing} />
        </Box>
      )}
    </Box>
  );
}
