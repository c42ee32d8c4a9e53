'use client';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import SmartToyOutlinedIcon from '@mui/icons-material/SmartToyOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ChatMessage } from '../../lib/chat/state';
import { agentLabel, agentTitle } from '../../lib/chat/labels';
import { useI18n } from '../../lib/i18n';
import { useReveal } from './useReveal';
import { surfaces } from './widgetTheme';
import { MessageAttachments } from '../attachments/FileAccess';

const SR_ONLY = {
  position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', m: -1, p: 0, border: 0,
} as const;

export const formatTime = (iso: string, locale?: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(locale ? [locale] : [], { hour: 'numeric', minute: '2-digit' });
};

function SendStateLine({ message, locale, onRetry }: { message: ChatMessage; locale?: string; onRetry: (id: string) => void }) {
  const { t } = useI18n();
  const local = message.local!;
  if (local.state === 'failed') {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, justifyContent: 'flex-end' }}>
        <ErrorOutlineIcon color="error" sx={{ fontSize: 16 }} aria-hidden />
        <Typography variant="caption" color="error">
          {t.notSent(local.error)}
        </Typography>
        <Button size="small" color="error" onClick={() => onRetry(message.clientMessageId!)} sx={{ minWidth: 0, py: 0 }}>
          {t.retry}
        </Button>
      </Box>
    );
  }
  return (
    <Typography variant="caption" color="text.secondary" sx={{ textAlign: 'right' }}>
      {local.state === 'sending' ? t.sending : t.sentAt(formatTime(message.createdAt, locale))}
    </Typography>
  );
}

/** Who wrote it: the AI specialist (robot badge) or the human agent (their name, headset badge). */
function AuthorLine({ message, locale }: { message: ChatMessage; locale?: string }) {
  const { t } = useI18n();
  const human = message.role === 'human';
  const name = human ? message.authorName || t.supportAgent : agentLabel(t, message.agent);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, pl: 0.5 }}>
      <Box
        data-testid="agent-badge"
        data-kind={human ? 'human' : 'ai'}
        title={human ? t.supportTeamMember : agentTitle(t, message.agent)}
        sx={(t) => ({
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          px: 0.75,
          height: 20,
          borderRadius: 10,
          fontSize: 11,
          fontWeight: 600,
          bgcolor: human ? surfaces(t).human : surfaces(t).chip,
          color: human ? 'secondary.main' : 'primary.main',
        })}
      >
        {human ? <SupportAgentIcon sx={{ fontSize: 14 }} aria-hidden /> : <SmartToyOutlinedIcon sx={{ fontSize: 14 }} aria-hidden />}
        <span>{name}</span>
        {!human && <Box component="span" sx={{ opacity: 0.7, fontWeight: 500 }}>· AI</Box>}
      </Box>
      {!message.streaming && (
        <Typography variant="caption" color="text.secondary">
          {formatTime(message.createdAt, locale)}
        </Typography>
      )}
    </Box>
  );
}

interface Props {
  message: ChatMessage;
  locale?: string;
  onRetry: (clientMessageId: string) => void;
  onRevealed: (messageId: string) => void;
}

export function MessageBubble({ message, locale, onRetry, onRevealed }: Props) {
  const { t } = useI18n();
  const { role } = message;
  const revealing = !!(message.streaming || message.streamed);
  const text = useReveal(message.text, revealing, !message.streaming, () => onRevealed(message.id));
  const common = {
    'data-testid': 'msg',
    'data-role': role,
    'data-message-id': message.id,
    'data-status': message.local?.state,
    'data-streaming': revealing ? 'true' : undefined,
    'data-notice': message.notice,
  };

  if (role === 'system') {
    return (
      <Box {...common} sx={{ display: 'flex', justifyContent: 'center', px: 1 }}>
        <Typography
          variant="caption"
          color="text.secondary"
          data-testid={message.notice === 'handoff' ? 'handoff-notice' : undefined}
          sx={{ whiteSpace: 'pre-wrap', textAlign: 'center', px: 1.5, py: 0.5, borderRadius: 2, bgcolor: 'action.hover' }}
        >
          {message.notice === 'handoff' ? t.handoffToHuman : message.text}
        </Typography>
      </Box>
    );
  }

  const mine = role === 'customer';
  const who = mine ? t.you : role === 'human' ? message.authorName || t.supportAgent : agentTitle(t, message.agent);
  return (
    <Box {...common} sx={{ display: 'flex', flexDirection: 'column', alignItems: mine ? 'flex-end' : 'flex-start', gap: 0.5 }}>
      {!mine && <AuthorLine message={message} locale={locale} />}
      <MessageAttachments attachments={message.attachments} align={mine ? 'flex-end' : 'flex-start'} />
      {/* A file sent without a caption has no text bubble. */}
      {(text || !message.attachments?.length) && <Box
        data-testid="msg-text"
        sx={(t) => ({
          maxWidth: '85%',
          px: 1.75,
          py: 1,
          borderRadius: '16px',
          borderBottomRightRadius: mine ? '4px' : undefined,
          borderBottomLeftRadius: mine ? undefined : '4px',
          bgcolor: mine ? 'primary.main' : role === 'human' ? surfaces(t).human : surfaces(t).bot,
          color: mine ? 'primary.contrastText' : 'text.primary',
          opacity: message.local?.state === 'sending' ? 0.7 : 1,
          border: message.local?.state === 'failed' ? `1px solid ${t.palette.error.main}` : undefined,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          ...t.typography.body2,
          lineHeight: 1.5,
        })}
      >
        {/* Screen readers (the live region) hear who said it before what was said. */}
        <Box component="span" sx={SR_ONLY}>{`${who}: `}</Box>
        {text}
        {revealing && (
          <Box component="span" aria-hidden sx={{ display: 'inline-block', width: 6, height: 14, ml: 0.5, verticalAlign: 'text-bottom', bgcolor: 'text.secondary', opacity: 0.6 }} />
        )}
      </Box>}
      {message.local && <SendStateLine message={message} locale={locale} onRetry={onRetry} />}
    </Box>
  );
}
