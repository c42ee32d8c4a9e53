'use client';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { TypingEvent } from '@em/contracts/events';
import type { ChatMessage } from '../../lib/chat/state';
import { MessageBubble } from './MessageBubble';
import { TypingIndicator } from './TypingIndicator';
import { useI18n } from '../../lib/i18n';

/** Within this many px of the bottom we keep following new messages; further up, the reader is reading. */
const STICK_PX = 80;

interface Props {
  messages: ChatMessage[];
  typing: TypingEvent | null;
  locale?: string;
  onRetry: (clientMessageId: string) => void;
  onRevealed: (messageId: string) => void;
  /** Shown after the messages (the rating form once resolved). */
  footer?: ReactNode;
  /** The shop's own welcome text (site branding); the platform's otherwise. */
  welcome?: string;
}

export function MessageList({ messages, typing, locale, onRetry, onRevealed, footer, welcome }: Props) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const log = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1];

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, last?.text, last?.streamed, typing, footer]);

  // The list shrinks when a banner appears or the phone keyboard opens, and grows while a reply is
  // revealed: stay at the bottom then too.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    ro.observe(el);
    if (log.current) ro.observe(log.current);
    return () => ro.disconnect();
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };

  return (
    <Box ref={scroller} onScroll={onScroll} sx={{ flex: 1, overflowY: 'auto', px: 2, py: 2, bgcolor: 'background.default' }}>
      {messages.length === 0 && (
        <Box sx={{ textAlign: 'center', mt: 4, px: 3 }}>
          <Typography variant="subtitle1" fontWeight={700}>
            {t.welcomeTitle}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="welcome" sx={{ whiteSpace: 'pre-wrap' }}>
            {welcome ?? t.welcomeBody}
          </Typography>
        </Box>
      )}
      <Box
        ref={log}
        role="log"
        aria-live="polite"
        aria-label={t.conversationLabel}
        // While a reply streams in, screen readers wait for the whole text instead of every delta.
        aria-busy={messages.some((m) => m.streaming || m.streamed) || undefined}
        sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}
      >
        {messages.map((m) => (
          <MessageBubble
            key={m.clientMessageId && m.local ? `c:${m.clientMessageId}` : m.id}
            message={m}
            locale={locale}
            onRetry={onRetry}
            onRevealed={onRevealed}
          />
        ))}
      </Box>
      {typing && (
        <Box sx={{ mt: 1.5 }}>
          <TypingIndicator typing={typing} />
        </Box>
      )}
      {footer && <Box sx={{ mt: 2 }}>{footer}</Box>}
    </Box>
  );
}
