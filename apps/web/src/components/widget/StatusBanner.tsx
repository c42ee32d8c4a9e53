'use client';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import type { ConversationStatus } from '@em/contracts/schemas';
import type { Connection } from '../../lib/chat/state';
import { statusText } from '../../lib/chat/labels';
import { useI18n } from '../../lib/i18n';

/** Connecting / offline / refused: what the customer needs to know about the link itself. */
export function ConnectionBanner({ connection, everReady, notice, onDismiss }: {
  connection: Connection;
  everReady: boolean;
  notice?: string;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {notice && (
        <Alert severity="error" onClose={onDismiss} sx={{ borderRadius: 0 }} data-testid="notice">
          {notice}
        </Alert>
      )}
      {connection === 'offline' && (
        <Alert severity="warning" sx={{ borderRadius: 0, py: 0 }} data-testid="offline-banner" role="status">
          {t.offlineBanner}
        </Alert>
      )}
      {!everReady && connection !== 'offline' && !notice && (
        <Box data-testid="connecting" role="status" aria-label={t.connecting}>
          <LinearProgress />
        </Box>
      )}
    </>
  );
}

/** Who owns the conversation now: waiting for a person (queue position), a person (by name), resolved. */
export function StatusBanner({ status, queuePosition, agentName }: {
  status: ConversationStatus;
  queuePosition?: number;
  agentName?: string;
}) {
  const { t } = useI18n();
  if (status === 'bot') return null;
  const severity = status === 'human' ? 'success' : status === 'resolved' ? 'success' : 'info';
  return (
    <Alert
      severity={severity}
      variant="standard"
      sx={{ borderRadius: 0, py: 0 }}
      data-testid="status-banner"
      data-status={status}
      data-queue-position={queuePosition}
      role="status"
      icon={status === 'waiting_human' ? <CircularProgress size={18} thickness={5} color="inherit" aria-hidden /> : undefined}
    >
      {statusText(t, status, agentName, queuePosition)}
    </Alert>
  );
}
