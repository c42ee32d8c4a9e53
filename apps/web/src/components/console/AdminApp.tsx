'use client';
import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Container from '@mui/material/Container';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import type { z } from 'zod';
import { CannedListResponse, CannedResponse, ConsoleUser as ConsoleUserBody, ConsoleUserListResponse } from '@em/contracts/rest';
import { api, ApiError, NoContent } from '../../lib/console/api';
import type { Canned, ConsoleUser } from '../../lib/console/types';
import { useConsoleI18n } from '../../lib/i18n/console';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { CannedEditDialog } from './CannedEditDialog';
import { SiteSettingsCard } from './SiteSettingsCard';
import { PasswordResetDialog } from './PasswordResetDialog';

/** /console/admin for admins (AdminGate shows others a plain page): console users and canned responses. */
export function AdminApp({ gatewayUrl }: { gatewayUrl: string }) {
  const [users, setUsers] = useState<ConsoleUser[]>([]);
  const [canned, setCanned] = useState<Canned[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [nu, setNu] = useState({ name: '', email: '', role: 'agent', password: '' });
  const [nc, setNc] = useState({ shortcut: '', title: '', text: '' });
  const [resetting, setResetting] = useState<ConsoleUser | null>(null);
  const [editing, setEditing] = useState<Canned | null>(null);
  const { t, error: errorText } = useConsoleI18n();

  const call = useCallback(
    async <S extends z.ZodType>(path: string, schema: S, init?: RequestInit): Promise<z.output<S> | null> => {
      try {
        setError(null);
        return await api(gatewayUrl, path, schema, init);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) window.location.assign('/login?next=/console/admin');
        setError(err instanceof ApiError ? (err.status === 403 ? 'admins_only' : err.body.code) : 'unreachable');
        return null;
      }
    },
    [gatewayUrl],
  );
  const reload = useCallback(async () => {
    const [u, c] = await Promise.all([call('/api/users', ConsoleUserListResponse), call('/api/canned-responses', CannedListResponse)]);
    if (u) setUsers(u.items);
    if (c) setCanned(c.items);
  }, [call]);
  useEffect(() => void reload(), [reload]);

  /** A write; `schema` is what the endpoint answers (the user or canned response, or nothing on DELETE). */
  const send = async (path: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown) => {
    const schema = method === 'DELETE' ? NoContent : path.startsWith('/api/users') ? ConsoleUserBody : CannedResponse;
    const r = await call(path, schema, { method, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (r !== null || method === 'DELETE') await reload();
    return r !== null;
  };

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="static" elevation={0} sx={{ bgcolor: '#1a237e' }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" sx={{ fontSize: 17, flex: 1 }}>
            ElectroMart {t.adminTitle}
          </Typography>
          <LanguageMenu label={t.language} />
          <Button color="inherit" href="/dashboard">{t.dashboard}</Button>
          <Button color="inherit" href="/console">{t.backToConsole}</Button>
        </Toolbar>
      </AppBar>
      <Container maxWidth="lg" sx={{ py: 3 }}>
        <Stack spacing={3}>
          {error && <Alert severity="error">{errorText(error)}</Alert>}
          <Card>
            <CardContent>
              <Typography variant="h6" gutterBottom>{t.consoleUsers}</Typography>
              <Table size="small" aria-label={t.consoleUsers}>
                <TableHead><TableRow><TableCell>{t.name}</TableCell><TableCell>{t.email}</TableCell><TableCell>{t.role}</TableCell><TableCell>{t.active}</TableCell><TableCell /></TableRow></TableHead>
                <TableBody>
                  {users.map((u) => (
                    <TableRow key={u.id}>
                      <TableCell>{u.name}</TableCell>
                      <TableCell>{u.email}</TableCell>
                      <TableCell>
                        <TextField select size="small" variant="standard" value={u.role} onChange={(e) => void send(`/api/users/${u.id}`, 'PATCH', { role: e.target.value })}>
                          <MenuItem value="agent">{t.roles.agent}</MenuItem>
                          <MenuItem value="admin">{t.roles.admin}</MenuItem>
                        </TextField>
                      </TableCell>
                      <TableCell><Switch checked={u.active} onChange={(e) => void send(`/api/users/${u.id}`, 'PATCH', { active: e.target.checked })} slotProps={{ input: { 'aria-label': t.userActive(u.name) } }} /></TableCell>
                      <TableCell align="right"><Button size="small" startIcon={<KeyOutlinedIcon />} onClick={() => { setError(null); setResetting(u); }} aria-label={t.resetPasswordOf(u.name)}>{t.resetPassword}</Button></TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ mt: 2 }}>
                <TextField size="small" label={t.name} value={nu.name} onChange={(e) => setNu({ ...nu, name: e.target.value })} />
                <TextField size="small" label={t.email} value={nu.email} onChange={(e) => setNu({ ...nu, email: e.target.value })} />
                <TextField size="small" select label={t.role} value={nu.role} onChange={(e) => setNu({ ...nu, role: e.target.value })} sx={{ minWidth: 110 }}>
                  <MenuItem value="agent">{t.roles.agent}</MenuItem>
                  <MenuItem value="admin">{t.roles.admin}</MenuItem>
                </TextField>
                <TextField size="small" type="password" label={t.passwordMin} value={nu.password} onChange={(e) => setNu({ ...nu, password: e.target.value })} />
                <Button variant="contained" onClick={() => void send('/api/users', 'POST', nu).then((ok) => ok && setNu({ name: '', email: '', role: 'agent', password: '' }))}>{t.addUser}</Button>
              </Stack>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="h6" gutterBottom>{t.cannedResponses}</Typography>
              <Table size="small" aria-label={t.cannedResponses}>
                <TableHead><TableRow><TableCell>{t.shortcut}</TableCell><TableCell>{t.title}</TableCell><TableCell>{t.text}</TableCell><TableCell /></TableRow></TableHead>
                <TableBody>
                  {canned.map((c) => (
                    <TableRow key={c.id}>
                      <TableCell><code>/{c.shortcut}</code></TableCell>
                      <TableCell>{c.title}</TableCell>
                      <TableCell sx={{ maxWidth: 480 }}>{c.text}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}><IconButton aria-label={t.editCanned(c.shortcut)} onClick={() => { setError(null); setEditing(c); }}><EditOutlinedIcon /></IconButton><IconButton aria-label={t.deleteCanned(c.shortcut)} onClick={() => void send(`/api/canned-responses/${c.id}`, 'DELETE')}><DeleteOutlineIcon /></IconButton></TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {/* A named group: the page has other "Add" buttons (the Sites section), this one adds a canned response. */}
              <Stack role="group" aria-label={t.cannedResponses} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ mt: 2 }}>
                <TextField size="small" label={t.shortcut} value={nc.shortcut} onChange={(e) => setNc({ ...nc, shortcut: e.target.value })} />
                <TextField size="small" label={t.title} value={nc.title} onChange={(e) => setNc({ ...nc, title: e.target.value })} />
                <TextField size="small" label={t.text} value={nc.text} onChange={(e) => setNc({ ...nc, text: e.target.value })} sx={{ flex: 1 }} />
                <Button variant="contained" onClick={() => void send('/api/canned-responses', 'POST', nc).then((ok) => ok && setNc({ shortcut: '', title: '', text: '' }))}>{t.add}</Button>
              </Stack>
            </CardContent>
          </Card>
          <SiteSettingsCard gatewayUrl={gatewayUrl} />
        </Stack>
      </Container>
      <PasswordResetDialog user={resetting} error={error} onClose={() => setResetting(null)} onReset={(id, password) => send(`/api/users/${id}/password`, 'POST', { password })} />
      <CannedEditDialog canned={editing} error={error} onClose={() => setEditing(null)} onSave={(id, patch) => send(`/api/canned-responses/${id}`, 'PATCH', patch)} />
    </Box>
  );
}
