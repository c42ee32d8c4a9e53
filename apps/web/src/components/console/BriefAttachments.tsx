'use client';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Attachment } from '@em/contracts/schemas';
import { attachmentStrings } from '../../lib/i18n/attachments';
import { useConsoleI18n } from '../../lib/i18n/console';
import { AttachmentThumbs } from '../attachments/AttachmentThumbs';
import type { ConsoleData } from './useConsoleData';

/**
 * The customer's files in the hand-off brief (issue 20): a damaged item's photo travels with the
 * hand-off. Read from the transcript, so a photo sent after the brief was built shows up too.
 */
export function BriefAttachments({ data }: { data: ConsoleData }) {
  const { locale } = useConsoleI18n();
  const files: Attachment[] = (data.detail?.messages ?? []).filter((m) => m.role === 'customer').flatMap((m) => m.attachments ?? []);
  if (!files.length) return null;
  const strings = attachmentStrings(locale);
  return (
    <Box data-testid="brief-attachments" sx={{ mt: 1.5 }}>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
        {strings.briefFiles(files.length)}
      </Typography>
      <AttachmentThumbs attachments={files} gatewayUrl={data.gatewayUrl} auth={{ cookie: true }} strings={strings} />
    </Box>
  );
}
