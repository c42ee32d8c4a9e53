'use client';
import { useEffect, useState } from 'react';
import BrokenImageOutlinedIcon from '@mui/icons-material/BrokenImageOutlined';
import CloseIcon from '@mui/icons-material/Close';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import type { Attachment } from '@em/contracts/schemas';
import { objectUrlFor, saveFile, type FileAuth } from '../../lib/attachments/client';
import type { AttachmentStrings } from '../../lib/i18n/attachments';

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function useObjectUrl(gatewayUrl: string, a: Attachment, auth: FileAuth) {
  const [state, setState] = useState<{ url?: string; failed?: boolean }>({});
  const key = 'bearer' in auth ? auth.bearer : 'cookie';
  useEffect(() => {
    let live = true;
    objectUrlFor(gatewayUrl, a, auth).then(
      (url) => live && setState({ url }),
      () => live && setState({ failed: true }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refetch only for another file or credential
  }, [gatewayUrl, a.id, key]);
  return state;
}

function ImageThumb({ a, gatewayUrl, auth, strings, onOpen }: { a: Attachment; gatewayUrl: string; auth: FileAuth; strings: AttachmentStrings; onOpen: (url: string) => void }) {
  const { url, failed } = useObjectUrl(gatewayUrl, a, auth);
  if (failed) {
    return (
      <Box title={strings.loadFailed} sx={{ width: 96, height: 72, display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'action.hover', borderRadius: 1.5 }}>
        <BrokenImageOutlinedIcon color="disabled" aria-label={strings.loadFailed} />
      </Box>
    );
  }
  if (!url) return <Skeleton variant="rounded" width={96} height={72} />;
  return (
    <ButtonBase onClick={() => onOpen(url)} aria-label={strings.open(a.name)} data-testid="attachment-thumb" data-name={a.name} sx={{ borderRadius: 1.5, overflow: 'hidden', border: 1, borderColor: 'divider' }}>
      <Box component="img" src={url} alt={a.name} sx={{ display: 'block', maxWidth: 160, maxHeight: 120, minWidth: 48, objectFit: 'cover' }} />
    </ButtonBase>
  );
}

/**
 * A message's files: photos as thumbnails that open in a viewer, PDFs as a chip that downloads the
 * file under its name. Shared by the widget (session token) and the console (its cookie).
 */
export function AttachmentThumbs({ attachments, gatewayUrl, auth, strings, align = 'flex-start' }: { attachments: Attachment[]; gatewayUrl: string; auth: FileAuth | null; strings: AttachmentStrings; align?: 'flex-start' | 'flex-end' }) {
  const [viewing, setViewing] = useState<{ a: Attachment; url: string } | null>(null);
  if (!attachments.length || !auth) return null;
  return (
    <Box data-testid="attachments" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, justifyContent: align, maxWidth: '85%' }}>
      {attachments.map((a) =>
        a.mime.startsWith('image/') ? (
          <ImageThumb key={a.id} a={a} gatewayUrl={gatewayUrl} auth={auth} strings={strings} onOpen={(url) => setViewing({ a, url })} />
        ) : (
          <Chip
            key={a.id}
            data-testid="attachment-file"
            data-name={a.name}
            icon={<PictureAsPdfOutlinedIcon />}
            label={`${a.name} · ${sizeText(a.size)}`}
            onClick={() => void saveFile(gatewayUrl, a, auth).catch(() => {})}
            aria-label={strings.download(a.name)}
            variant="outlined"
            sx={{ maxWidth: 260, bgcolor: 'background.paper' }}
          />
        ),
      )}
      <Dialog open={!!viewing} onClose={() => setViewing(null)} maxWidth="lg" aria-labelledby="attachment-viewer-title" data-testid="attachment-viewer">
        <DialogTitle id="attachment-viewer-title" sx={{ pr: 6, fontSize: 16, overflowWrap: 'anywhere' }}>
          {viewing?.a.name}
          <IconButton aria-label={strings.close} onClick={() => setViewing(null)} sx={{ position: 'absolute', right: 8, top: 8 }}>
            <CloseIcon />
          </IconButton>
        </DialogTitle>
        <DialogContent>
          {viewing && <Box component="img" src={viewing.url} alt={viewing.a.name} sx={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', mx: 'auto' }} />}
        </DialogContent>
      </Dialog>
    </Box>
  );
}
