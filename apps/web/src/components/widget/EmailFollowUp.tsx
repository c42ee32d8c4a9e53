'use client';
import MailOutlineIcon from '@mui/icons-material/MailOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import { EmailAddress } from '@em/contracts/mail';
import { useI18n } from '../../lib/i18n';
import type { EmailActions } from './useEmailActions';

interface Props {
  /** The chat asked for an email to follow up on a ticket (session:ready / conversation:email-requested). */
  requested: boolean;
  /** Offer "Email me this conversation" (there is a conversation to send). */
  canTranscript: boolean;
  actions: EmailActions;
}

type Mode = 'hidden' | 'ticket' | 'transcript';

/**
 * Email follow-up in the widget (issue 20): the inline form the chat's request for an address points
 * to ("use the form below"), and "Email me this conversation", which asks for an address when none
 * is known. The address is checked here (the contract's zod schema) and again by the gateway.
 */
export function EmailFollowUp({ requested, canTranscript, actions }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('hidden');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setMode((m) => (requested ? (m === 'hidden' ? 'ticket' : m) : m === 'ticket' ? 'hidden' : m));
  }, [requested]);

  const sendTranscript = async (to?: string) => {
    setBusy(true);
    const res = await actions.requestTranscript(to);
    setBusy(false);
    if (!res.ok) return setError(t.emailFailed);
    if (res.data.status === 'email_needed') return setMode('transcript');
    setMode('hidden');
    setDone(t.transcriptSent(res.data.email));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = EmailAddress.safeParse(email);
    if (!parsed.success) return setError(t.emailInvalid);
    setError(undefined);
    if (mode === 'transcript') return sendTranscript(parsed.data);
    setBusy(true);
    const res = await actions.provideEmail(parsed.data);
    setBusy(false);
    if (!res.ok) return setError(res.error.code === 'invalid_payload' ? t.emailInvalid : t.emailFailed);
    setMode('hidden');
    setDone(t.emailSaved(res.data.email));
  };

  return (
    <Box sx={{ px: 1.5, pb: 0.5 }} data-testid="email-follow-up">
      {mode !== 'hidden' ? (
        <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 0.75, p: 1, borderRadius: 2, border: 1, borderColor: 'divider' }}>
          <Typography variant="body2">{mode === 'transcript' ? t.transcriptEmailPrompt : t.emailPrompt}</Typography>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
            <TextField
              size="small"
              type="email"
              autoComplete="email"
              label={t.emailLabel}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={!!error}
              helperText={error}
              fullWidth
              slotProps={{ htmlInput: { 'data-testid': 'email-input', maxLength: 254 } }}
            />
            <Button type="submit" variant="contained" disabled={busy} data-testid="email-submit" sx={{ flexShrink: 0 }}>
              {mode === 'transcript' ? t.transcriptSend : t.emailSave}
            </Button>
          </Box>
          {mode === 'transcript' && (
            <Button size="small" onClick={() => setMode(requested ? 'ticket' : 'hidden')} sx={{ alignSelf: 'flex-start' }}>
              {t.emailCancel}
            </Button>
          )}
        </Box>
      ) : (
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 1, minHeight: 28 }}>
          {done && (
            <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }} role="status" data-testid="email-done">
              {done}
            </Typography>
          )}
          {canTranscript && (
            <Button size="small" startIcon={<MailOutlineIcon aria-hidden />} disabled={busy} onClick={() => void sendTranscript()} data-testid="email-transcript">
              {t.transcriptMenu}
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
}
