import type { Request } from 'express';
import busboy from 'busboy';
import { AppError } from '@em/contracts/errors';
import { ATTACHMENT_MAX_BYTES } from '@em/contracts/schemas';

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

const tooLarge = () => new AppError('file_too_large', `Files can be at most ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB.`);

/**
 * Reads the multipart field `file` into memory, stopping at ATTACHMENT_MAX_BYTES + 1 byte: a larger
 * file is refused as file_too_large without buffering the rest (busboy drains it, so the client
 * reads the answer instead of a reset). A declared Content-Length of more than twice the limit is
 * refused before reading anything.
 */
export function readUpload(req: Request, maxBytes = ATTACHMENT_MAX_BYTES): Promise<UploadedFile> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > 2 * maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes + 1, fields: 10, parts: 12, fieldSize: 1024 } });
    } catch {
      return reject(new AppError('invalid_payload', 'Send the file as multipart/form-data in the field `file`.'));
    }
    let found: Promise<UploadedFile> | undefined;
    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || found) return void stream.resume();
      found = new Promise((res, rej) => {
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= maxBytes) chunks.push(c);
        });
        stream.on('error', rej);
        // busboy stops at maxBytes + 1 (and drains the rest): one byte over is enough to know.
        stream.on('end', () => (size > maxBytes ? rej(tooLarge()) : res({ name: info.filename ?? '', bytes: Buffer.concat(chunks) })));
      });
      found.catch(() => {}); // settled below; never an unhandled rejection
    });
    bb.on('error', () => reject(new AppError('invalid_payload', 'The upload was not understood.')));
    bb.on('close', () => {
      if (!found) return reject(new AppError('invalid_payload', 'Send the file in the multipart field `file`.'));
      found.then(resolve, reject);
    });
    req.pipe(bb);
  });
}
