'use client';
import { createContext, useContext, type ReactNode } from 'react';
import type { Attachment } from '@em/contracts/schemas';
import type { FileAuth } from '../../lib/attachments/client';
import type { AttachmentStrings } from '../../lib/i18n/attachments';
import { AttachmentThumbs } from './AttachmentThumbs';

interface FileAccess {
  gatewayUrl: string;
  /** Null until the widget has its session token. */
  auth: FileAuth | null;
  strings: AttachmentStrings;
}

const Ctx = createContext<FileAccess | null>(null);

/** Where and how the bubbles below fetch their files (the widget's session token, the console's cookie). */
export function FileAccessProvider({ value, children }: { value: FileAccess; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** A message's files with the surrounding FileAccess; nothing outside one (or without files). */
export function MessageAttachments({ attachments, align }: { attachments?: Attachment[]; align?: 'flex-start' | 'flex-end' }) {
  const access = useContext(Ctx);
  if (!access || !attachments?.length) return null;
  return <AttachmentThumbs attachments={attachments} gatewayUrl={access.gatewayUrl} auth={access.auth} strings={access.strings} align={align} />;
}
