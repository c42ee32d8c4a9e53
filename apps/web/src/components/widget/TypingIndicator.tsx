'use client';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { keyframes } from '@mui/material/styles';
import type { TypingEvent } from '@em/contracts/events';
import { surfaces } from './widgetTheme';
import { useI18n } from '../../lib/i18n';

const bounce = keyframes`0%, 80%, 100% { opacity: .25; transform: translateY(0) } 40% { opacity: 1; transform: translateY(-3px) }`;

export function TypingIndicator({ typing }: { typing: TypingEvent }) {
  const human = typing.actor === 'human';
  const { t } = useI18n();
  const who = human ? typing.name || t.aSupportAgent : t.theAssistant;
  return (
    <Box data-testid="typing" data-actor={typing.actor} sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 0.5 }}>
      <Box
        aria-hidden
        sx={(t) => ({ display: 'flex', gap: 0.5, bgcolor: human ? surfaces(t).human : surfaces(t).bot, px: 1.5, py: 1.25, borderRadius: 3 })}
      >
        {[0, 1, 2].map((i) => (
          <Box
            key={i}
            sx={{
              width: 6,
              height: 6,
              borderRadius: '50%',
              bgcolor: 'text.secondary',
              animation: `${bounce} 1.2s ${i * 0.15}s infinite`,
              '@media (prefers-reduced-motion: reduce)': { animation: 'none', opacity: 0.6 },
            }}
          />
        ))}
      </Box>
      <Typography variant="caption" color="text.secondary">
        {t.isTyping(who)}
      </Typography>
    </Box>
  );
}
