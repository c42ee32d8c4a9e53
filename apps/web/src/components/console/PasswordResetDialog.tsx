'use client';
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { ConsolePassword } from '@em/contracts/rest';
import type { ConsoleUser } from '../../lib/console/types';

/** Sets a new password for a console user (the gateway's rule, checked here first); their sessions end. */
export function PasswordResetDialog({ user, onClose, onReset, error }: { user: ConsoleUser | null; onClose: () => void; error: string | null; onReset: (id: string, password: string) => Promise<boolean> }) {
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const check = ConsolePassword.safeParse(password);
  const problem = check.success ? null : (check.error.issues[0]?.message ?? 'not a valid password');
  const close = () => {
    setPassword('');
    setTouched(false);
    onClose();
  };
  const submit = async () => {
    setTouched(true);
    if (!user || problem) return;
    if (await onReset(user.id, password)) close();
  };
  return (
    <Dialog open={!!user} onClose={close} aria-labelledby="reset-title">
      <DialogTitle id="reset-title">Reset password{user ? ` for ${user.name}` : ''}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <DialogContentText sx={{ mb: 2 }}>They are signed out everywhere and sign in again with the new password. Tell them the new password in person or another safe way.</DialogContentText>
        <TextField
          autoFocus
          fullWidth
          type="password"
          label="New password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          onBlur={() => setTouched(true)}
          error={touched && !!problem}
          helperText={touched && problem ? `Password: ${problem}` : 'At least 10 characters.'}
          onKeyDown={(e) => e.key === 'Enter' && void submit()}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={() => void submit()}>
          Set password
        </Button>
      </DialogActions>
    </Dialog>
  );
}
