'use client';
import { Attachment, ATTACHMENT_MAX_BYTES } from '@em/contracts/schemas';

/**
 * How a browser proves who it is to the gateway's file routes: the widget's session token (Bearer),
 * or the console's httpOnly cookie (credentialed CORS from the platform's origin).
 */
export type FileAuth = { bearer: string } | { cookie: true };

/** A refused or failed upload/download, by the gateway's documented code (or `network`). */
export class FileError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const base = (gatewayUrl: string) => gatewayUrl.replace(/\/$/, '');

/**
 * Uploads one file as multipart field `file` with progress (XMLHttpRequest: fetch has no upload
 * progress). A file over the limit is refused here with the gateway's own code, before sending it.
 */
export function uploadFile(gatewayUrl: string, path: string, auth: FileAuth, file: File, onProgress: (fraction: number) => void): Promise<Attachment> {
  if (file.size > ATTACHMENT_MAX_BYTES) return Promise.reject(new FileError('file_too_large'));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base(gatewayUrl)}${path}`);
    if ('bearer' in auth) xhr.setRequestHeader('Authorization', `Bearer ${auth.bearer}`);
    else xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new FileError('network'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        return reject(new FileError(xhr.status === 413 ? 'file_too_large' : 'network'));
      }
      const b = body as { ok?: boolean; data?: unknown; error?: { code?: string } };
      const parsed = Attachment.safeParse(b.data);
      if (xhr.status < 300 && b.ok && parsed.success) return resolve(parsed.data);
      reject(new FileError(b.error?.code ?? 'network'));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

const cache = new Map<string, Promise<string>>();

/**
 * An object URL for a stored file, fetched once per page with the caller's credentials: an <img>
 * cannot send a Bearer header, and the file routes never take the token in the URL (it would end up
 * in logs and the history). The bytes are immutable, so one fetch serves every render.
 */
export function objectUrlFor(gatewayUrl: string, a: Pick<Attachment, 'id' | 'url'>, auth: FileAuth): Promise<string> {
  const hit = cache.get(a.id);
  if (hit) return hit;
  const p = fetch(`${base(gatewayUrl)}${a.url}`, {
    headers: 'bearer' in auth ? { authorization: `Bearer ${auth.bearer}` } : {},
    credentials: 'bearer' in auth ? 'omit' : 'include',
  }).then(async (res) => {
    if (!res.ok) throw new FileError(((await res.json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code ?? 'network');
    return URL.createObjectURL(await res.blob());
  });
  cache.set(a.id, p);
  p.catch(() => cache.delete(a.id));
  return p;
}

/** Saves a stored file under its name (a PDF is never rendered on our origin: it is downloaded). */
export async function saveFile(gatewayUrl: string, a: Pick<Attachment, 'id' | 'url' | 'name'>, auth: FileAuth): Promise<void> {
  const href = await objectUrlFor(gatewayUrl, a, auth);
  const link = document.createElement('a');
  link.href = href;
  link.download = a.name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
