import type { AttachmentMime } from '@em/contracts/schemas';

const startsWith = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The file's type from its first bytes (magic numbers), never from its name or the Content-Type the
 * client sent: a script named photo.png is just bytes that are not a PNG. Null: not a type we take.
 */
export function sniffMime(bytes: Buffer): AttachmentMime | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

export const isImage = (mime: AttachmentMime) => mime.startsWith('image/');

const EXT: Record<AttachmentMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/**
 * The name shown and offered on download: no folders, no control or bidi characters, at most 120
 * characters, and ending with the extension of the type the content really is.
 */
export function safeFileName(raw: string | undefined, mime: AttachmentMime): string {
  const base = (raw ?? '')
    // Browsers send a quote in a multipart filename as %22 (HTML's form encoding); quotes are dropped anyway.
    .replace(/%22/g, '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"<>:|?*]/g, '')
    .trim()
    .replace(/^\.+/, '');
  const ext = EXT[mime];
  const stem = base.replace(/\.[^.]{1,8}$/, '').slice(0, 100) || (isImage(mime) ? 'image' : 'document');
  return `${stem}.${ext}`;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
