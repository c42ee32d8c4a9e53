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
import { STATUS_COLOR, STATUS_LABEL } from '../../lib/console/labels';
import { Composer } from './Composer';
import { ReassignMenu } from './ReassignMenu';
import { Transcript } from './Transcript';
import type { ConsoleData } from './useConsoleData';

export function ConversationPane({ data }: { data: ConsoleData }) {
  const { detail, me, act, customerTyping } = data;
  if (!detail) return <LinearProgress sx={{ alignSelf: 'start' }} />;
  const c = detail.conversation;
  const mine = c.status === 'human' && c.assignedAgentId === me?.id;
  const isAdmin = me?.role === 'admin';
  // Nobody was online: a ticket was opened and the AI serves the customer until an agent claims it (DESIGN §5).
  const ticket = data.queue.find((i) => i.conversationId === c.id)?.ticketNumber;
  const claimable = c.status === 'waiting_human' || (c.status === 'bot' && !!ticket);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, borderRight: 1, borderColor: 'divider' }} data-testid="conversation" data-status={c.status}>
      <Stack direction="row" alignItems="center" spacing={1.5} sx={{ px: 2.5, py: 1.5, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h6" noWrap>
            {detail.customer?.name ?? 'Guest customer'}
          </Typography>
          <Typography variant="caption" color="text.secondary" noWrap component="div">
            {detail.customer?.email ?? 'Not signed in'} · started {new Date(c.createdAt).toLocaleString()}
          </Typography>
        </Box>
        <Chip data-testid="conversation-status" label={c.assignedAgentName && c.status === 'human' ? `${STATUS_LABEL[c.status]}: ${c.assignedAgentName}` : (STATUS_LABEL[c.status] ?? c.status)} color={STATUS_COLOR[c.status] ?? 'default'} />
        {ticket && <Chip data-testid="conversation-ticket" variant="outlined" color="secondary" label={`Ticket ${ticket}`} />}
        {claimable && (
          <Tooltip describeChild title="Alt+C">
            <Button variant="contained" startIcon={<PanToolOutlinedIcon />} onClick={() => void act('conversation:claim', c.id)}>
              Claim
            </Button>
          </Tooltip>
        )}
        {(mine || (isAdmin && c.status === 'human')) && (
          <Tooltip describeChild title="Alt+H: the AI answers again">
            <Button variant="outlined" startIcon={<SmartToyOutlinedIcon />} onClick={() => void act('conversation:release', c.id)}>
              Hand back to AI
            </Button>
          </Tooltip>
        )}
        {(mine || (isAdmin && (c.status === 'human' || c.status === 'waiting_human'))) && (
          <Tooltip describeChild title="Alt+R: the customer is asked to rate the chat">
            <Button variant="contained" color="success" startIcon={<CheckCircleOutlineIcon />} onClick={() => void act('conversation:resolve', c.id)}>
              Resolve
            </Button>
          </Tooltip>
        )}
        {isAdmin && (c.status === 'waiting_human' || c.status === 'human') && <ReassignMenu data={data} conversationId={c.id} />}
      </Stack>
      <Transcript messages={detail.messages} customerTyping={customerTyping} />
      <Composer key={c.id} data={data} canReply={mine} />
    </Box>
  );
}
