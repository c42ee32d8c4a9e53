import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailTransport, OutgoingMail } from './transport';

/**
 * Development's mailbox (DESIGN §10: no SMTP_URL → `.data/mail`): each mail is one RFC 822 `.eml`
 * file, which any mail client opens. Written to a temporary name and renamed, so a reader never
 * sees half a mail.
 */
export function createMailboxDirTransport(dir: string): MailTransport {
  return {
    description: `mailbox ${dir}`,
    async send(mail: OutgoingMail) {
      await mkdir(dir, { recursive: true });
      const messageId = `<${randomUUID()}@mailbox.local>`;
      const raw = await new MailComposer({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        headers: mail.headers ?? {},
        messageId,
        date: new Date(),
      })
        .compile()
        .build();
      // Sortable by time, unique, and safe as a file name.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
      const tmp = path.join(dir, `.${name}.tmp`);
      await writeFile(tmp, raw);
      await rename(tmp, path.join(dir, name));
      return { messageId };
    },
    close() {},
  };
}
