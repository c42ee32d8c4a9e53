'use client';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import PanToolOutlinedIcon from '@mui/icons-material/PanToolOutlined';
import SmartToyOutlinedIcon from '@mui/icons-material/SmartToyOutlined';
import { can, type Actor } from '@em/conversations/machine';
import { STATUS_COLOR } from '../../lib/console/labels';
import { useConsoleI18n } from '../../lib/i18n/console';
import { Composer } from './Composer';
import { ReassignMenu } from './ReassignMenu';
import { Transcript } from './Transcript';
import type { ConsoleData } from './useConsoleData';
import { FileAccessProvider } from '../attachments/FileAccess';
import { attachmentStrings } from '../../lib/i18n/attachments';

export function ConversationPane({ data }: { data: ConsoleData }) {
  const { detail, me, act, customerTyping } = data;
  const { t, f, status, locale } = useConsoleI18n();
  if (!detail)
    return (
      <Box>
        <LinearProgress />
      </Box>
    );
  const c = detail.conversation;
  // Nobody was online: a ticket was opened and the AI serves the customer until an agent claims it (DESIGN §5).
  const ticket = data.queue.find((i) => i.conversationId === c.id)?.ticketNumber;
  // The buttons are exactly what the server's state machine will accept from this agent.
  const actor: Actor | null = me ? { kind: me.role, userId: me.id } : null;
  const snapshot = { status: c.status, assignedAgentId: c.assignedAgentId, openTicket: !!ticket };
  const allowed = (action: Parameters<typeof can>[1]) => !!actor && can(actor, action, snapshot);
  const mine = allowed('agent_reply');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, borderRight: 1, borderColor: 'divider' }} data-testid="conversation" data-status={c.status}>
      {/* The header wraps its buttons under the name rather than widening the column (issue 19). */}
      <Stack direction="row" alignItems="center" flexWrap="wrap" useFlexGap spacing={1.5} sx={{ px: 2.5, py: 1.5, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
        <Box sx={{ flex: '1 1 180px', minWidth: 0 }}>
          <Typography variant="h6" noWrap>
            {detail.customer?.name ?? t.guestCustomer}
          </Typography>
          {/* May wrap: a German or French date next to the header's buttons is cut off otherwise. */}
          <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
            {detail.customer?.email ?? t.notSignedIn} · {t.started(f.dateTime(c.createdAt))}
          </Typography>
        </Box>
        <Chip data-testid="conversation-status" label={c.assignedAgentName && c.status === 'human' ? t.withAgentName(status(c.status), c.assignedAgentName) : status(c.status)} color={STATUS_COLOR[c.status] ?? 'default'} />
        {ticket && <Chip data-testid="conversation-ticket" variant="outlined" color="secondary" label={t.ticket(ticket)} />}
        {allowed('claim') && (
          <Tooltip describeChild title="Alt+C">
            <Button variant="contained" startIcon={<PanToolOutlinedIcon />} onClick={() => void act('conversation:claim', c.id)}>
              {t.claim}
            </Button>
          </Tooltip>
        )}
        {allowed('release') && (
          <Tooltip describeChild title={t.handBackHint}>
            <Button variant="outlined" startIcon={<SmartToyOutlinedIcon />} onClick={() => void act('conversation:release', c.id)}>
              {t.handBack}
            </Button>
          </Tooltip>
        )}
        {allowed('resolve') && (
          <Tooltip describeChild title={t.resolveHint}>
            <Button variant="contained" color="success" startIcon={<CheckCircleOutlineIcon />} onClick={() => void act('conversation:resolve', c.id)}>
              {t.resolve}
            </Button>
          </Tooltip>
        )}
        {allowed('reassign') && <ReassignMenu data={data} conversationId={c.id} />}
      </Stack>
      {/* The transcript's files are fetched with the console's cookie (issue 20). */}
      <FileAccessProvider value={{ gatewayUrl: data.gatewayUrl, auth: { cookie: true }, strings: attachmentStrings(locale) }}>
        <Transcript messages={detail.messages} customerTyping={customerTyping} />
      </FileAccessProvider>
      <Composer key={c.id} data={data} canReply={mine} />
    </Box>
  );
}
