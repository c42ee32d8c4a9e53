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
import { useConsoleI18n } from '../../lib/i18n/console';

/** Sets a new password for a console user (the gateway's rule, checked here first); their sessions end. */
export function PasswordResetDialog({ user, onClose, onReset, error }: { user: ConsoleUser | null; onClose: () => void; error: string | null; onReset: (id: string, password: string) => Promise<boolean> }) {
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const { t, error: errorText } = useConsoleI18n();
  const check = ConsolePassword.safeParse(password);
  // The rule is @em/contracts ConsolePassword (10 to 200 characters), worded in the user's language.
  const problem = check.success ? null : password.length < 10 ? t.passwordTooShort : t.passwordTooLong;
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
      <DialogTitle id="reset-title">{t.resetTitle(user?.name)}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {errorText(error)}
          </Alert>
        )}
        <DialogContentText sx={{ mb: 2 }}>{t.resetBody}</DialogContentText>
        <TextField
          autoFocus
          fullWidth
          type="password"
          label={t.newPassword}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          onBlur={() => setTouched(true)}
          error={touched && !!problem}
          helperText={touched && problem ? t.passwordProblem(problem) : t.passwordHelp}
          onKeyDown={(e) => e.key === 'Enter' && void submit()}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t.cancel}</Button>
        <Button variant="contained" onClick={() => void submit()}>
          {t.setPassword}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
