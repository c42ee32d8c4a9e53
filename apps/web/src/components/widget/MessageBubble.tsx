'use client';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ChatMessage } from '../../lib/chat/state';
import { agentLabel } from '../../lib/chat/labels';

const time = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
};

function SendStateLine({ message, onRetry }: { message: ChatMessage; onRetry: (id: string) => void }) {
  const local = message.local!;
  if (local.state === 'failed') {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'flex-end' }}>
        <Typography variant="caption" color="error" role="status">
          Not sent{local.error ? `: ${local.error}` : ''}
        </Typography>
        <Button size="small" color="error" onClick={() => onRetry(message.clientMessageId!)}>
          Retry
        </Button>
      </Box>
    );
  }
  return (
    <Typography variant="caption" color="text.secondary" sx={{ textAlign: 'right' }}>
      {local.state === 'sending' ? 'Sending…' : `Sent ${time(message.createdAt)}`}
    </Typography>
  );
}

export function MessageBubble({ message, onRetry }: { message: ChatMessage; onRetry: (id: string) => void }) {
  const { role } = message;
  const common = {
    'data-testid': 'msg',
    'data-role': role,
    'data-message-id': message.id,
    'data-status': message.local?.state,
    'data-streaming': message.streaming ? 'true' : undefined,
  };

  if (role === 'system') {
    return (
      <Box {...common} sx={{ textAlign: 'center', px: 2, py: 0.5 }}>
        <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', fontStyle: 'italic' }}>
          {message.text}
        </Typography>
      </Box>
    );
  }

  const mine = role === 'customer';
  const badge = role === 'bot' ? agentLabel(message.agent) : role === 'human' ? message.authorName || 'Agent' : null;
  return (
    <Box {...common} sx={{ display: 'flex', flexDirection: 'column', alignItems: mine ? 'flex-end' : 'flex-start', gap: 0.5 }}>
      {badge && (
        <Chip
          size="small"
          label={badge}
          data-testid="agent-badge"
          color={role === 'human' ? 'secondary' : 'primary'}
          variant="outlined"
          sx={{ height: 20, fontSize: 11 }}
        />
      )}
      <Box
        title={time(message.createdAt)}
        sx={{
          maxWidth: '85%',
          px: 1.75,
          py: 1,
          borderRadius: 3,
          borderBottomRightRadius: mine ? 4 : undefined,
          borderBottomLeftRadius: mine ? undefined : 4,
          bgcolor: mine ? 'primary.main' : role === 'human' ? '#e0f2f1' : 'grey.100',
          color: mine ? 'primary.contrastText' : 'text.primary',
          opacity: message.local?.state === 'sending' ? 0.75 : 1,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          typography: 'body2',
        }}
      >
        {message.text}
      </Box>
      {message.local && <SendStateLine message={message} onRetry={onRetry} />}
    </Box>
  );
}
