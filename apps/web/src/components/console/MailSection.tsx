'use client';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { ConversationMailsResponse, MailRetryResponse } from '@em/contracts/mail';
import { api } from '../../lib/console/api';
import { useConsoleI18n } from '../../lib/i18n/console';
import { consoleMailStrings } from '../../lib/i18n/console/mail';

type Mail = z.output<typeof ConversationMailsResponse>['mails'][number];
/** While a mail is being sent or retried, look again this often (ms). */
const POLL_MS = 5_000;

/**
 * The conversation's follow-up mail in the brief (issue 20): what went to the customer, and whether
 * it went out. A failed mail shows its error and keeps its text; "Send again" queues it anew.
 * `version` changes when the transcript does (a new mail may have been written).
 */
export function MailSection({ gatewayUrl, conversationId, version }: { gatewayUrl: string; conversationId: string; version: number }) {
  const { locale, f } = useConsoleI18n();
  const t = consoleMailStrings(locale);
  const [mails, setMails] = useState<Mail[]>([]);
  const [error, setError] = useState<string>();
  const load = useCallback(
    () => api(gatewayUrl, `/api/conversations/${conversationId}/mails`, ConversationMailsResponse).then((r) => setMails(r.mails), () => {}),
    [gatewayUrl, conversationId],
  );
  useEffect(() => {
    setMails([]);
    void load();
  }, [load, version]);
  const pending = mails.some((m) => m.status === 'queued');
  useEffect(() => {
    if (!pending) return;
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [pending, load]);

  const retry = (id: string) =>
    api(gatewayUrl, `/api/conversations/${conversationId}/mails/${id}/retry`, MailRetryResponse, { method: 'POST' }).then(
      () => {
        setError(undefined);
        void load();
      },
      () => setError(t.retryFailed),
    );

  return (
    <Box data-testid="brief-mails">
      <Typography variant="overline" color="text.secondary" sx={{ letterSpacing: 1 }}>
        {t.title(mails.length)}
      </Typography>
      {mails.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t.none}
        </Typography>
      )}
      <Stack spacing={1}>
        {mails.map((m) => (
          <Box key={m.id} sx={{ p: 1.25, border: 1, borderColor: m.status === 'failed' ? 'error.main' : 'divider', borderRadius: 1.5 }} data-testid="brief-mail" data-status={m.status}>
            <Stack direction="row" justifyContent="space-between" alignItems="center" spacing={1}>
              <Typography variant="subtitle2">{t.kind[m.kind] ?? m.kind}</Typography>
              <Chip size="small" label={t.status[m.status] ?? m.status} color={m.status === 'sent' ? 'success' : m.status === 'failed' ? 'error' : 'default'} />
            </Stack>
            <Typography variant="caption" color="text.secondary" component="div">
              {m.to} · {f.dateTime(m.sentAt ?? m.createdAt)} · {t.attempts(m.attempts)}
            </Typography>
            {m.lastError && m.status !== 'sent' && (
              <Typography variant="caption" color="error" component="div" sx={{ wordBreak: 'break-word' }}>
                {m.lastError}
              </Typography>
            )}
            {m.status === 'failed' && (
              <Button size="small" onClick={() => void retry(m.id)} sx={{ mt: 0.5 }} data-testid="mail-retry">
                {t.retry}
              </Button>
            )}
          </Box>
        ))}
      </Stack>
      {error && (
        <Typography variant="caption" color="error">
          {error}
        </Typography>
      )}
    </Box>
  );
}
