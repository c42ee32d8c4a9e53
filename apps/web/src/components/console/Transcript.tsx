'use client';
import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { TurnMessage } from '../../lib/console/types';
import { useConsoleI18n } from '../../lib/i18n/console';
import { TurnDetails } from './TurnDetails';
import { MessageAttachments } from '../attachments/FileAccess';

const BUBBLE: Record<string, { bg: string; fg: string; align: 'flex-start' | 'flex-end' }> = {
  customer: { bg: '#ffffff', fg: 'inherit', align: 'flex-start' },
  bot: { bg: '#e8eaf6', fg: 'inherit', align: 'flex-end' },
  human: { bg: '#3949ab', fg: '#fff', align: 'flex-end' },
};

/** The transcript; every AI turn carries its route, sentiment, specialist, handoffs, sources and timings. */
export function Transcript({ messages, customerTyping }: { messages: TurnMessage[]; customerTyping: boolean }) {
  const end = useRef<HTMLDivElement>(null);
  const { t, f } = useConsoleI18n();
  // Braces matter: recent Chromium returns a Promise from scrollIntoView, and an effect must return nothing or a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, customerTyping]);
  return (
    <Box role="log" aria-label={t.transcript} sx={{ flex: 1, overflow: 'auto', px: 3, py: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      {messages.map((m) => {
        if (m.role === 'system') {
          return (
            <Typography key={m.id} data-testid="console-msg" data-role="system" variant="caption" color="text.secondary" sx={{ alignSelf: 'center', textAlign: 'center', maxWidth: '80%', bgcolor: 'rgba(0,0,0,0.04)', px: 1.5, py: 0.5, borderRadius: 2 }}>
              {m.text}
            </Typography>
          );
        }
        const b = BUBBLE[m.role] ?? BUBBLE.customer!;
        const who = m.role === 'customer' ? t.customer : m.role === 'bot' ? t.aiAgent(m.agent) : (m.authorName ?? t.agent);
        return (
          <Box key={m.id} sx={{ alignSelf: b.align, maxWidth: '78%' }} data-testid="console-msg" data-role={m.role}>
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', textAlign: b.align === 'flex-end' ? 'right' : 'left', px: 0.5 }}>
              {who} · {f.time(m.createdAt)}
              {m.role === 'customer' && m.language && (
                <Box component="span" data-testid="msg-language" title={f.languageName(m.language)} sx={{ ml: 0.75, px: 0.5, borderRadius: 1, border: 1, borderColor: 'divider', fontSize: 10, fontWeight: 600, textTransform: 'uppercase' }}>
                  {m.language}
                </Box>
              )}
            </Typography>
            <MessageAttachments attachments={m.attachments} align={b.align} />
            {(m.text || !m.attachments?.length) && (
              <Box sx={{ bgcolor: b.bg, color: b.fg, px: 1.75, py: 1.1, borderRadius: 2.5, border: m.role === 'customer' ? 1 : 0, borderColor: 'divider', whiteSpace: 'pre-wrap', boxShadow: m.role === 'customer' ? 0 : '0 1px 2px rgba(0,0,0,0.06)' }}>
                <Typography variant="body2">{m.text}</Typography>
              </Box>
            )}
            {m.role === 'bot' && <TurnDetails m={m} />}
          </Box>
        );
      })}
      {customerTyping && (
        <Typography data-testid="console-typing" variant="caption" color="text.secondary" sx={{ fontStyle: 'italic' }}>
          {t.customerTyping}
        </Typography>
      )}
      <div ref={end} />
    </Box>
  );
}
