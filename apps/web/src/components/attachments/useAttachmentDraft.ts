'use client';
import { useCallback, useRef, useState } from 'react';
import { MAX_ATTACHMENTS_PER_MESSAGE, type Attachment } from '@em/contracts/schemas';
import { FileError } from '../../lib/attachments/client';

export interface DraftFile {
  key: string;
  name: string;
  /** A local preview of an image (object URL of the picked file). */
  preview?: string;
  progress: number;
  uploaded?: Attachment;
  /** The gateway's documented code (file_too_large, unsupported_type, …) or `network`. */
  error?: string;
}

export type Uploader = (file: File, onProgress: (fraction: number) => void) => Promise<Attachment>;

/**
 * Files picked or dropped for the next message: each uploads at once (so sending is instant), shows
 * its progress or the refusal, and can be removed before sending. At most five, as the gateway takes.
 */
export function useAttachmentDraft(upload: Uploader | undefined) {
  const [files, setFiles] = useState<DraftFile[]>([]);
  const [tooMany, setTooMany] = useState(false);
  const seq = useRef(0);
  const patch = (key: string, p: Partial<DraftFile>) => setFiles((fs) => fs.map((f) => (f.key === key ? { ...f, ...p } : f)));

  const current = useRef(files);
  current.current = files;
  const add = useCallback(
    (picked: File[]) => {
      if (!upload) return;
      // Side effects (uploads) outside the state updater: React may run an updater twice.
      const room = MAX_ATTACHMENTS_PER_MESSAGE - current.current.filter((f) => !f.error).length;
      setTooMany(picked.length > room);
      const taken = picked.slice(0, Math.max(0, room)).map((file): DraftFile => {
        const key = `f${++seq.current}`;
        upload(file, (fraction) => patch(key, { progress: Math.round(fraction * 100) })).then(
          (uploaded) => patch(key, { uploaded, progress: 100 }),
          (err: unknown) => patch(key, { error: err instanceof FileError ? err.code : 'network' }),
        );
        const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined;
        return { key, name: file.name, progress: 0, ...(preview ? { preview } : {}) };
      });
      current.current = [...current.current, ...taken];
      setFiles((fs) => [...fs, ...taken]);
    },
    [upload],
  );
  const remove = useCallback((key: string) => {
    setTooMany(false);
    setFiles((fs) => fs.filter((f) => f.key !== key));
  }, []);
  const clear = useCallback(() => {
    setTooMany(false);
    setFiles([]);
  }, []);

  const ready = files.filter((f) => f.uploaded).map((f) => f.uploaded!);
  return {
    enabled: !!upload,
    files,
    tooMany,
    add,
    remove,
    clear,
    /** Uploaded and ready to send. */
    ready,
    /** Still uploading: sending waits. */
    busy: files.some((f) => !f.uploaded && !f.error),
  };
}
export type AttachmentDraft = ReturnType<typeof useAttachmentDraft>;
