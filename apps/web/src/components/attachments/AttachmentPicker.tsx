'use client';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CancelIcon from '@mui/icons-material/Cancel';
import InsertDriveFileOutlinedIcon from '@mui/icons-material/InsertDriveFileOutlined';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { ATTACHMENT_MIMES, MAX_ATTACHMENTS_PER_MESSAGE } from '@em/contracts/schemas';
import { attachmentError, type AttachmentStrings } from '../../lib/i18n/attachments';
import type { AttachmentDraft } from './useAttachmentDraft';

/** The paperclip: opens the file chooser (photos and PDFs; the gateway still decides by content). */
export function AttachButton({ draft, strings, disabled, size = 'medium' }: { draft: AttachmentDraft; strings: AttachmentStrings; disabled?: boolean; size?: 'small' | 'medium' }) {
  const input = useRef<HTMLInputElement>(null);
  if (!draft.enabled) return null;
  return (
    <>
      <IconButton aria-label={strings.attach} title={strings.attach} size={size} disabled={disabled} onClick={() => input.current?.click()} data-testid="attach-button" sx={{ mb: 0.25 }}>
        <AttachFileIcon />
      </IconButton>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept={ATTACHMENT_MIMES.join(',')}
        data-testid="attach-input"
        onChange={(e) => {
          draft.add(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </>
  );
}

/** Files waiting to go with the next message: a preview, progress or the refusal in words, and remove. */
export function DraftChips({ draft, strings }: { draft: AttachmentDraft; strings: AttachmentStrings }) {
  if (!draft.files.length && !draft.tooMany) return null;
  return (
    <Box data-testid="attach-drafts" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, px: 1.5, pt: 1 }}>
      {draft.files.map((f) => (
        <Box key={f.key} data-testid="attach-draft" data-state={f.error ? 'error' : f.uploaded ? 'ready' : 'uploading'} sx={{ maxWidth: '100%' }}>
          <Chip
            size="small"
            variant="outlined"
            color={f.error ? 'error' : 'default'}
            label={f.name}
            onDelete={() => draft.remove(f.key)}
            deleteIcon={<CancelIcon aria-label={strings.remove(f.name)} role="button" data-testid="attach-remove" />}
            avatar={
              f.preview && !f.error ? (
                <Box component="img" src={f.preview} alt="" sx={{ width: 24, height: 24, borderRadius: '50%', objectFit: 'cover' }} />
              ) : f.error ? (
                <InsertDriveFileOutlinedIcon />
              ) : (
                <PictureAsPdfOutlinedIcon />
              )
            }
            sx={{ maxWidth: 220 }}
          />
          {!f.uploaded && !f.error && <LinearProgress variant="determinate" value={f.progress} aria-label={strings.uploading(f.progress)} sx={{ mt: 0.25, height: 3, borderRadius: 2 }} />}
          {f.error && (
            <Typography variant="caption" color="error" role="alert" data-testid="attach-error" data-code={f.error} sx={{ display: 'block', maxWidth: 260 }}>
              {attachmentError(strings, f.error)}
            </Typography>
          )}
        </Box>
      ))}
      {draft.tooMany && (
        <Typography variant="caption" color="error" role="alert" sx={{ width: '100%' }}>
          {strings.tooMany(MAX_ATTACHMENTS_PER_MESSAGE)}
        </Typography>
      )}
    </Box>
  );
}

/** Drag-and-drop target around a composer: files dropped on it join the draft. */
export function DropZone({ draft, strings, children }: { draft: AttachmentDraft; strings: AttachmentStrings; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  if (!draft.enabled) return <>{children}</>;
  return (
    <Box
      data-testid="attach-dropzone"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        draft.add(Array.from(e.dataTransfer.files));
      }}
      sx={{ position: 'relative' }}
    >
      {children}
      {over && (
        <Box sx={{ position: 'absolute', inset: 4, border: 2, borderStyle: 'dashed', borderColor: 'primary.main', borderRadius: 2, bgcolor: 'background.paper', opacity: 0.92, display: 'flex', alignItems: 'center', justifyContent: 'center', pointerEvents: 'none', zIndex: 3 }}>
          <Typography variant="body2" color="primary">
            {strings.dropHere}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
