'use client';
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Canned } from '../../lib/console/types';
import { useConsoleI18n } from '../../lib/i18n/console';

/** Edits a canned response in place (PATCH: only the fields that changed are sent). */
export function CannedEditDialog({ canned, onClose, onSave, error }: { canned: Canned | null; onClose: () => void; error: string | null; onSave: (id: string, patch: Partial<Omit<Canned, 'id'>>) => Promise<boolean> }) {
  const [form, setForm] = useState({ shortcut: '', title: '', text: '' });
  const { t, error: errorText } = useConsoleI18n();
  useEffect(() => {
    if (canned) setForm({ shortcut: canned.shortcut, title: canned.title, text: canned.text });
  }, [canned]);
  const save = async () => {
    if (!canned) return;
    const patch = Object.fromEntries(Object.entries(form).filter(([k, v]) => v !== canned[k as keyof typeof form]));
    if (!Object.keys(patch).length) return onClose();
    if (await onSave(canned.id, patch)) onClose();
  };
  return (
    <Dialog open={!!canned} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="canned-edit-title">
      <DialogTitle id="canned-edit-title">{t.editCannedTitle}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {errorText(error)}
          </Alert>
        )}
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField label={t.shortcut} value={form.shortcut} onChange={(e) => setForm({ ...form, shortcut: e.target.value })} helperText={t.shortcutHelp} />
          <TextField label={t.title} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
          <TextField label={t.text} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} multiline minRows={3} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t.cancel}</Button>
        <Button variant="contained" onClick={() => void save()}>
          {t.save}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
