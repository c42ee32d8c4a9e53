'use client';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Rating from '@mui/material/Rating';
import Typography from '@mui/material/Typography';
import type { ConversationStatus } from '@em/contracts/schemas';
import type { Connection } from '../../lib/chat/state';
import { STATUS_TEXT } from '../../lib/chat/labels';

/** Connecting / offline / refused: what the customer needs to know about the link itself. */
export function ConnectionBanner({ connection, everReady, notice, onDismiss }: {
  connection: Connection;
  everReady: boolean;
  notice?: string;
  onDismiss: () => void;
}) {
  return (
    <>
      {notice && (
        <Alert severity="error" onClose={onDismiss} sx={{ borderRadius: 0 }} data-testid="notice">
          {notice}
        </Alert>
      )}
      {connection === 'offline' && (
        <Alert severity="warning" sx={{ borderRadius: 0 }} data-testid="offline-banner" role="status">
          You are offline. Reconnecting…
        </Alert>
      )}
      {!everReady && connection !== 'offline' && !notice && (
        <Box data-testid="connecting" role="status" aria-label="Connecting">
          <LinearProgress />
        </Box>
      )}
    </>
  );
}

/** Who owns the conversation now: waiting for a person, a person, or resolved (with rating). */
export function StatusBanner({ status, queuePosition, rated, onRate }: {
  status: ConversationStatus;
  queuePosition?: number;
  rated: boolean;
  onRate: (score: number) => void;
}) {
  if (status === 'bot') return null;
  const severity = status === 'human' ? 'success' : 'info';
  return (
    <Alert severity={severity} sx={{ borderRadius: 0 }} data-testid="status-banner" data-status={status} role="status">
      {STATUS_TEXT[status]}
      {status === 'waiting_human' && queuePosition ? ` You are number ${queuePosition} in the queue.` : ''}
      {status === 'resolved' &&
        (rated ? (
          <Typography variant="body2">Thanks for your feedback!</Typography>
        ) : (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.5 }}>
            <Typography variant="body2">How did we do?</Typography>
            <Rating name="conversation-rating" size="small" onChange={(_, v) => v && onRate(v)} />
          </Box>
        ))}
    </Alert>
  );
}
