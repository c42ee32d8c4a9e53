import { randomUUID } from 'node:crypto';
import { AppError } from '@em/contracts/errors';
import type { Attachment } from '@em/contracts/schemas';
import { countUnsent, insertAttachment, toAttachment, type Uploader } from '@em/db/queries/attachments';
import type { Db } from '@em/db/client';
import type { UploadedFile } from './multipart';
import { sanitizeImage } from './sanitize';
import { isImage, safeFileName, sniffMime } from './sniff';
import { storageKey, type BlobStorage } from './storage';

/** Uploads a sender may hold without sending them (abandoned previews); more is rate_limited. */
export const MAX_UNSENT_UPLOADS = 20;

/**
 * One upload, already authenticated and rate-limited by its route: type from the content, images
 * re-encoded without metadata, bytes stored, then the row that says whose it is. A failed insert
 * takes the stored bytes back out.
 */
export async function acceptUpload(
  deps: { db: Db; storage: BlobStorage },
  input: { conversationId: string; uploader: Uploader; file: UploadedFile },
): Promise<Attachment> {
  const mime = sniffMime(input.file.bytes);
  if (!mime) throw new AppError('unsupported_type', 'Send a PNG, JPEG or WebP image, or a PDF.');
  if ((await countUnsent(deps.db, input.conversationId, input.uploader)) >= MAX_UNSENT_UPLOADS) {
    throw new AppError('rate_limited', 'Too many files waiting to be sent: send or remove some first.');
  }
  const bytes = isImage(mime) ? await sanitizeImage(input.file.bytes, mime) : input.file.bytes;
  const id = randomUUID();
  const key = storageKey(input.conversationId, id);
  await deps.storage.put(key, bytes, mime);
  try {
    const row = await insertAttachment(deps.db, {
      id,
      conversationId: input.conversationId,
      uploader: input.uploader,
      name: safeFileName(input.file.name, mime),
      mime,
      size: bytes.length,
      storageKey: key,
    });
    return toAttachment(row);
  } catch (err) {
    await deps.storage.delete(key).catch(() => {});
    throw err;
  }
}
