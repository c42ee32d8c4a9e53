'use client';
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import HeadsetMicIcon from '@mui/icons-material/HeadsetMic';
import { LoginResponse, type LoginRequest } from '@em/contracts/rest';
import { api, ApiError } from '../../lib/console/api';
import { useConsoleI18n } from '../../lib/i18n/console';
import { LanguageMenu } from '../i18n/LanguageMenu';

export function LoginForm({ gatewayUrl, next }: { gatewayUrl: string; next: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t, error: errorText } = useConsoleI18n();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The gateway sets the httpOnly em_console cookie; the token in the body is not kept in the page.
      await api(gatewayUrl, '/api/auth/login', LoginResponse, { method: 'POST', body: JSON.stringify({ email, password } satisfies LoginRequest) });
      window.location.assign(next);
    } catch (err) {
      // A 401 here is a wrong email or password, not an ended session.
      setError(err instanceof ApiError ? (err.status === 401 ? 'wrong_login' : err.body.code) : 'unreachable');
      setBusy(false);
    }
  }

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(135deg, #283593 0%, #3949ab 45%, #00897b 100%)' }}>
      <Box sx={{ position: 'fixed', top: 8, right: 12, color: 'white' }}>
        <LanguageMenu label={t.language} />
      </Box>
      <Card sx={{ width: 400, maxWidth: '92vw', boxShadow: 8 }} variant="elevation">
        <CardContent sx={{ p: 4 }}>
          <Stack spacing={1} alignItems="center" sx={{ mb: 3 }}>
            <Box sx={{ bgcolor: 'primary.main', color: 'white', borderRadius: '50%', p: 1.5, display: 'flex' }}>
              <HeadsetMicIcon />
            </Box>
            <Typography variant="h5" component="h1" fontWeight={700}>
              {t.signInTitle}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t.signInSubtitle}
            </Typography>
          </Stack>
          <form onSubmit={submit}>
            <Stack spacing={2}>
              {error && <Alert severity="error">{errorText(error)}</Alert>}
              <TextField label={t.email} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus fullWidth />
              <TextField label={t.password} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required fullWidth />
              <Button type="submit" variant="contained" size="large" disabled={busy}>
                {busy ? t.signingIn : t.signIn}
              </Button>
            </Stack>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
}
