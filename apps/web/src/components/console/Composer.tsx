'use client';
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AutoAwesomeOutlinedIcon from '@mui/icons-material/AutoAwesomeOutlined';
import SendIcon from '@mui/icons-material/Send';
import { useConsoleI18n } from '../../lib/i18n/console';
import type { ConsoleData } from './useConsoleData';
import { uploadFile } from '../../lib/attachments/client';
import { attachmentStrings } from '../../lib/i18n/attachments';
import { AttachButton, DraftChips, DropZone } from '../attachments/AttachmentPicker';
import { useAttachmentDraft } from '../attachments/useAttachmentDraft';

/** Typing: tell the customer at most this often, and "stopped" after this much idle time (ms). */
const TYPING_THROTTLE_MS = 3000;

/** Reply (owner only) or private note; `/shortcut` inserts a canned response; Enter sends, Shift+Enter breaks a line. */
export function Composer({ data, canReply }: { data: ConsoleData; canReply: boolean }) {
  const { socket, detail, canned, setError } = data;
  const [mode, setMode] = useState<'reply' | 'note' | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const { t, locale } = useConsoleI18n();
  const typing = useRef({ at: 0, timer: 0 });
  const conversationId = detail?.conversation.id ?? '';
  const effective = canReply ? (mode ?? 'reply') : 'note';
  // Files go with replies only (issue 20), uploaded through the console's own route with its cookie.
  const upload = useCallback(
    (file: File, onProgress: (fraction: number) => void) => uploadFile(data.gatewayUrl, `/api/conversations/${conversationId}/attachments`, { cookie: true }, file, onProgress),
    [data.gatewayUrl, conversationId],
  );
  const draft = useAttachmentDraft(canReply && effective === 'reply' ? upload : undefined);
  const files = attachmentStrings(locale);
  const slash = effective === 'reply' && /^\/[\w-]*$/.test(text) ? text.slice(1).toLowerCase() : null;
  const matches = slash === null ? [] : canned.filter((c) => c.shortcut.startsWith(slash)).slice(0, 6);

  const stopTyping = () => {
    window.clearTimeout(typing.current.timer);
    if (typing.current.at) socket?.emit('typing', { conversationId, isTyping: false });
    typing.current.at = 0;
  };
  const onChange = (v: string) => {
    setText(v);
    if (effective !== 'reply' || !socket) return;
    if (Date.now() - typing.current.at > TYPING_THROTTLE_MS) {
      socket.emit('typing', { conversationId, isTyping: true });
      typing.current.at = Date.now();
    }
    window.clearTimeout(typing.current.timer);
    typing.current.timer = window.setTimeout(stopTyping, TYPING_THROTTLE_MS);
  };

  async function send() {
    const body = text.trim();
    const attachments = effective === 'reply' ? draft.ready.map((a) => a.id) : [];
    if ((!body && !attachments.length) || !socket || busy || draft.busy) return;
    setBusy(true);
    stopTyping();
    const res =
      effective === 'reply'
        ? await socket.timeout(10_000).emitWithAck('message:send', { conversationId, clientMessageId: crypto.randomUUID(), text: body, ...(attachments.length ? { attachments } : {}) }).catch(() => null)
        : await socket.timeout(10_000).emitWithAck('note:add', { conversationId, text: body }).catch(() => null);
    setBusy(false);
    if (res?.ok) {
      setText('');
      if (effective === 'reply') draft.clear();
    }
    else setError(res && !res.ok ? res.error.code : 'no_answer_kept');
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (matches.length && (e.key === 'Enter' || e.key === 'Tab')) {
      e.preventDefault();
      setText(matches[0]!.text);
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void send();
    }
  };

  return (
    <DropZone draft={draft} strings={files}>
    <Box sx={{ borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper', px: 2, pb: 1.5, position: 'relative' }}>
      <Stack direction="row" alignItems="center">
        <Tabs value={effective} onChange={(_e, v: 'reply' | 'note') => setMode(v)} sx={{ minHeight: 40, '& .MuiTab-root': { minHeight: 40 } }}>
          <Tab value="reply" label={t.reply} disabled={!canReply} />
          <Tab value="note" label={t.privateNote} />
        </Tabs>
        <Box sx={{ flex: 1 }} />
        {canReply && effective === 'reply' && detail && (
          <Button size="small" startIcon={<AutoAwesomeOutlinedIcon />} onClick={() => onChange(detail.suggestedReply)} data-testid="use-draft">
            {t.useSuggested}
          </Button>
        )}
      </Stack>
      {!canReply && detail?.conversation.status !== 'resolved' && (
        <Alert severity="info" sx={{ mb: 1, py: 0 }}>
          {detail?.conversation.status === 'waiting_human' || data.queue.some((i) => i.conversationId === detail?.conversation.id) ? t.claimToReply : t.ownerOnly}
        </Alert>
      )}
      {matches.length > 0 && (
        <Paper elevation={6} sx={{ position: 'absolute', bottom: '100%', left: 16, right: 16, mb: 0.5, zIndex: 2 }} data-testid="canned-menu">
          <List dense>
            {matches.map((c) => (
              <ListItemButton key={c.id} onClick={() => setText(c.text)}>
                <ListItemText primary={`/${c.shortcut} · ${c.title}`} secondary={c.text} slotProps={{ secondary: { noWrap: true } }} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
      {effective === 'reply' && <DraftChips draft={draft} strings={files} />}
      <Stack direction="row" spacing={1} alignItems="flex-end">
        {effective === 'reply' && <AttachButton draft={draft} strings={files} disabled={busy} />}
        <TextField
          multiline
          maxRows={6}
          fullWidth
          size="small"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={effective === 'reply' ? t.replyPlaceholder : t.notePlaceholder}
          slotProps={{ htmlInput: { 'aria-label': effective === 'reply' ? t.reply : t.note, maxLength: 1000 } }}
          sx={effective === 'note' ? { '& .MuiInputBase-root': { bgcolor: '#fff8e1' } } : undefined}
        />
        <Button variant="contained" onClick={() => void send()} disabled={(!text.trim() && !(effective === 'reply' && draft.ready.length)) || busy || (effective === 'reply' && draft.busy)} endIcon={<SendIcon />} sx={{ flexShrink: 0 }}>
          {effective === 'reply' ? t.send : t.addNote}
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {t.composerKeys}
      </Typography>
    </Box>
    </DropZone>
  );
}
