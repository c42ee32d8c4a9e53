'use client';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { useConsoleI18n } from '../../lib/i18n/console';
import type { ConsoleData } from './useConsoleData';
import { MailSection } from './MailSection';
import { BriefAttachments } from './BriefAttachments';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box sx={{ px: 2.5, py: 2 }}>
      <Typography variant="overline" color="text.secondary" sx={{ letterSpacing: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}


/** Right column: why it escalated and a summary, the customer and their orders, private notes. */
export function BriefPanel({ data }: { data: ConsoleData }) {
  const d = data.detail!;
  const b = d.brief;
  const { t, f, reason } = useConsoleI18n();
  // What to do about a guest's orders; true to the transcript (the AI may already have checked one).
  const guestAdvice = (shared: string[]) => (shared.length ? t.guestAdviceShared(shared) : t.guestAdvice);
  return (
    <Box data-testid="handoff-brief">
      <Section title={t.handoffBrief}>
        {b.reasonLabel ? (
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <ReportProblemOutlinedIcon color="warning" fontSize="small" />
            <Typography variant="subtitle2" data-testid="brief-reason">
              {b.reason ? reason(b.reason, 'brief') : b.reasonLabel}
            </Typography>
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary">{t.notEscalated}</Typography>
        )}
        {b.detail && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t.flagged(b.detail)}
          </Typography>
        )}
        <Typography variant="body2">{b.summary}</Typography>
        {b.lastCustomerMessage && (
          <Box sx={{ mt: 1.5, p: 1.25, bgcolor: '#fff3e0', borderRadius: 1.5, borderLeft: 3, borderColor: 'warning.main' }}>
            <Typography variant="caption" color="text.secondary">{t.lastCustomerMessage}</Typography>
            <Typography variant="body2">{b.lastCustomerMessage}</Typography>
          </Box>
        )}
        <BriefAttachments data={data} />
      </Section>
      <Divider />
      <Section title={t.customerSection}>
        {d.customer ? (
          <>
            <Typography variant="subtitle2">{d.customer.name}</Typography>
            <Typography variant="body2" color="text.secondary">{d.customer.email} · {t.verified}</Typography>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary" data-testid="brief-guest">
            {guestAdvice(b.sharedOrders)}
          </Typography>
        )}
        <Stack spacing={1} sx={{ mt: 1.5 }}>
          {d.orders.map((o) => (
            <Box key={o.orderNumber} sx={{ p: 1.25, border: 1, borderColor: 'divider', borderRadius: 1.5 }} data-testid="brief-order">
              <Stack direction="row" justifyContent="space-between" alignItems="center">
                <Typography variant="subtitle2">{o.orderNumber}</Typography>
                <Chip size="small" label={t.orderStatus[o.status] ?? o.status} color={o.status === 'delivered' ? 'success' : o.status === 'shipped' ? 'info' : 'default'} />
              </Stack>
              <Typography variant="caption" color="text.secondary" component="div">
                {f.cents(o.totalCents)}
                {o.carrier && o.trackingNumber ? ` · ${o.carrier} ${o.trackingNumber}` : ''}
                {o.expectedDelivery && o.status !== 'delivered' ? ` · ${t.expected(f.date(o.expectedDelivery))}` : ''}
              </Typography>
            </Box>
          ))}
        </Stack>
      </Section>
      <Divider />
      <Box sx={{ px: 2.5, py: 2 }}>
        {/* Follow-up mail to the customer and whether it went out (issue 20). */}
        <MailSection gatewayUrl={data.gatewayUrl} conversationId={d.conversation.id} version={d.messages.length} />
      </Box>
      {d.conversation.csatScore != null && (
        <>
          <Divider />
          <Section title={t.customerRating}>
            <Typography variant="subtitle2" data-testid="brief-rating">
              {d.conversation.csatScore}/5
            </Typography>
            {d.conversation.csatComment && <Typography variant="body2">“{d.conversation.csatComment}”</Typography>}
          </Section>
        </>
      )}
      <Divider />
      <Section title={t.privateNotes(d.notes.length)}>
        {d.notes.length === 0 && <Typography variant="body2" color="text.secondary">{t.noNotes}</Typography>}
        <Stack spacing={1}>
          {d.notes.map((n) => (
            <Box key={n.id} sx={{ p: 1.25, bgcolor: '#fff8e1', borderRadius: 1.5 }} data-testid="note">
              <Typography variant="body2">{n.text}</Typography>
              <Typography variant="caption" color="text.secondary">
                {n.authorName} · {f.dateTime(n.createdAt)}
              </Typography>
            </Box>
          ))}
        </Stack>
      </Section>
    </Box>
  );
}
