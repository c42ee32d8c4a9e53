'use client';
import { useEffect, useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import { useConsoleI18n } from '../../lib/i18n/console';
import { BriefPanel } from './BriefPanel';
import { ConsoleLayout } from './ConsoleLayout';
import { ConsoleTopBar } from './ConsoleTopBar';
import { ConversationPane } from './ConversationPane';
import { QueuePanel } from './QueuePanel';
import { useConsoleData } from './useConsoleData';

/** The agent console: queue and lists | conversation | handoff brief, customer and notes. */
export function ConsoleApp({ gatewayUrl }: { gatewayUrl: string }) {
  const data = useConsoleData(gatewayUrl);
  const { detail, selectedId, queue, act, select } = data;
  const { t, error: errorText } = useConsoleI18n();

  // /console?c=<conversation id> (the dashboard's rating comments link here): open it once the socket is up.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !data.socket) return;
    opened.current = true;
    const id = new URLSearchParams(window.location.search).get('c');
    if (id && /^[0-9a-f-]{36}$/i.test(id)) select(id);
  }, [data.socket, select]);

  // Keyboard: Alt+C claim (the open conversation, else the top of the queue), Alt+R resolve, Alt+H hand back.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const key = e.key.toLowerCase();
      const code = e.code;
      if (key === 'c' || code === 'KeyC') {
        e.preventDefault();
        // The open conversation if it can be claimed (waiting, or served by the AI with an open ticket), else the top of the queue.
        const claimable = detail?.conversation.status === 'waiting_human' || queue.some((i) => i.conversationId === selectedId);
        const target = claimable ? selectedId : queue[0]?.conversationId;
        if (target) void act('conversation:claim', target).then((ok) => ok && target !== selectedId && select(target));
      } else if ((key === 'r' || code === 'KeyR') && selectedId) {
        e.preventDefault();
        void act('conversation:resolve', selectedId);
      } else if ((key === 'h' || code === 'KeyH') && selectedId) {
        e.preventDefault();
        void act('conversation:release', selectedId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [detail, selectedId, queue, act, select]);

  return (
    <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <ConsoleTopBar data={data} gatewayUrl={gatewayUrl} />
      <ConsoleLayout
        selectedId={selectedId}
        queue={<QueuePanel data={data} />}
        conversation={
          selectedId ? (
            <ConversationPane data={data} />
          ) : (
            <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', color: 'text.secondary', borderRight: 1, borderColor: 'divider' }}>
              <Box sx={{ textAlign: 'center' }}>
                <ForumOutlinedIcon sx={{ fontSize: 56, opacity: 0.4 }} />
                <Typography variant="h6">{t.pickConversation}</Typography>
                <Typography variant="body2">
                  {queue.length ? t.waitingClaimHint(queue.length) : t.nobodyWaitingChime}
                </Typography>
              </Box>
            </Box>
          )
        }
        brief={detail ? <BriefPanel data={data} /> : null}
      />
      <Snackbar open={!!data.error} autoHideDuration={6000} onClose={() => data.setError(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="warning" onClose={() => data.setError(null)} variant="filled" data-testid="console-error">
          {data.error && errorText(data.error)}
        </Alert>
      </Snackbar>
    </Box>
  );
}
