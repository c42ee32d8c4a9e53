'use client';
import SendIcon from '@mui/icons-material/Send';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_MESSAGE_CHARS } from '@em/contracts/schemas';
import { VoiceButton } from './VoiceButton';
import { useI18n } from '../../lib/i18n';
import type { Attachment } from '@em/contracts/schemas';
import { attachmentStrings } from '../../lib/i18n/attachments';
import { AttachButton, DraftChips, DropZone } from '../attachments/AttachmentPicker';
import { useAttachmentDraft, type Uploader } from '../attachments/useAttachmentDraft';

/** Show the character counter from this share of the limit on (900 of 1000). */
const COUNTER_FROM = 0.9;

interface Props {
  /** True until the chat has a configuration; sends made after that are buffered by socket.io. */
  disabled: boolean;
  /** Focus the input whenever this becomes true (the chat was opened). */
  focus: boolean;
  locale?: string;
  onSend: (text: string, attachments: Attachment[]) => void;
  onTyping: () => void;
  /** Uploads a picked or dropped file (issue 20); without it the composer has no paperclip. */
  upload?: Uploader;
}

export function Composer({ disabled, focus, locale, onSend, onTyping, upload }: Props) {
  const [text, setText] = useState('');
  const { t, locale: uiLocale } = useI18n();
  const draft = useAttachmentDraft(upload);
  const files = attachmentStrings(uiLocale);
  /** Why voice input just failed (VoiceButton), shown under the field until the next attempt or keystroke. */
  const [voiceProblem, setVoiceProblem] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const length = text.trim().length;
  const tooLong = length > MAX_MESSAGE_CHARS;
  const nearLimit = length >= MAX_MESSAGE_CHARS * COUNTER_FROM;
  // Files alone may go (the text is then an optional caption); never while one is still uploading.
  const canSend = !disabled && (length > 0 || draft.ready.length > 0) && !tooLong && !draft.busy;

  useEffect(() => {
    if (focus && !disabled) input.current?.focus();
  }, [focus, disabled]);

  const send = () => {
    if (!canSend) return;
    onSend(text.trim(), draft.ready);
    setText('');
    draft.clear();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Enter sends; Shift+Enter is a newline; never while an IME is composing a character.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  return (
    <DropZone draft={draft} strings={files}>
    <DraftChips draft={draft} strings={files} />
    <Box
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      sx={{ display: 'flex', alignItems: 'flex-end', gap: 0.5, p: 1.5, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
    >
      <TextField
        inputRef={input}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setVoiceProblem(null);
          onTyping();
        }}
        onKeyDown={onKeyDown}
        placeholder={t.messagePlaceholder}
        multiline
        maxRows={5}
        fullWidth
        size="small"
        // Disabled only until the widget knows who it is talking for (em:init or the guest fallback).
        disabled={disabled}
        error={tooLong}
        helperText={
          nearLimit ? (
            <span data-testid="char-counter">{`${length} / ${MAX_MESSAGE_CHARS}`}</span>
          ) : voiceProblem ? (
            <span data-testid="voice-problem" role="status">
              {voiceProblem}
            </span>
          ) : undefined
        }
        slotProps={{
          htmlInput: { 'aria-label': t.messageLabel, 'data-testid': 'composer' },
          formHelperText: { sx: { textAlign: nearLimit ? 'right' : 'left', mr: 0 } },
        }}
      />
      <AttachButton draft={draft} strings={files} disabled={disabled} />
      <VoiceButton
        disabled={disabled}
        locale={locale}
        onText={(t) => setText((prev) => (prev ? `${prev} ${t}` : t))}
        onProblem={setVoiceProblem}
      />
      <IconButton type="submit" aria-label={t.send} color="primary" disabled={!canSend} sx={{ mb: nearLimit || voiceProblem ? 3 : 0.25 }}>
        <SendIcon />
      </IconButton>
    </Box>
    </DropZone>
  );
}
