'use client';
import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { MeResponse } from '@em/contracts/rest';
import { api, ApiError } from '../../lib/console/api';
import { useConsoleI18n } from '../../lib/i18n/console';
import { AdminApp } from './AdminApp';

type Gate = { kind: 'loading' } | { kind: 'admin' } | { kind: 'not-admin'; name: string } | { kind: 'unreachable' };

/**
 * /console/admin asks who is signed in before drawing anything: an agent gets a plain "admins only"
 * page, not the admin forms with a 403 on top (issue 19); a stranger goes to sign in. The gateway
 * still refuses every admin call from a non-admin: this page is courtesy, not the check.
 */
export function AdminGate({ gatewayUrl }: { gatewayUrl: string }) {
  const [gate, setGate] = useState<Gate>({ kind: 'loading' });
  const { t } = useConsoleI18n();
  useEffect(() => {
    api(gatewayUrl, '/api/auth/me', MeResponse).then(
      (r) => setGate(r.user?.role === 'admin' ? { kind: 'admin' } : { kind: 'not-admin', name: r.user?.name ?? '' }),
      (err: unknown) => (err instanceof ApiError && err.status === 401 ? window.location.assign('/login?next=/console/admin') : setGate({ kind: 'unreachable' })),
    );
  }, [gatewayUrl]);

  if (gate.kind === 'admin') return <AdminApp gatewayUrl={gatewayUrl} />;
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 3 }}>
      {gate.kind === 'loading' ? (
        <CircularProgress aria-label={t.checkingAccess} />
      ) : (
        <Box sx={{ textAlign: 'center', maxWidth: 420 }} data-testid="admins-only">
          <LockOutlinedIcon sx={{ fontSize: 48, color: 'text.secondary' }} />
          <Typography variant="h5" component="h1" gutterBottom>
            {gate.kind === 'not-admin' ? t.adminsOnly : t.notReachable}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {gate.kind === 'not-admin' ? t.adminsOnlyBody(gate.name) : t.tryAgain}
          </Typography>
          <Button variant="contained" href="/console">
            {t.backToConsole}
          </Button>
        </Box>
      )}
    </Box>
  );
}
