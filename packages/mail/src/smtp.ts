import nodemailer from 'nodemailer';
import type { MailTransport, OutgoingMail } from './transport';

/** Connection and greeting timeouts (ms): a dead server fails the attempt quickly, and BullMQ retries. */
const TIMEOUT_MS = 10_000;

/**
 * SMTP through nodemailer. `url` is SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS);
 * nodemailer upgrades with STARTTLS when the server offers it.
 */
export function createSmtpTransport(url: string): MailTransport {
  const u = new URL(url);
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
    secure: u.protocol === 'smtps:',
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 3 * TIMEOUT_MS,
  });
  return {
    // Never the password: this goes to logs and the start banner.
    description: `${u.protocol}//${u.host}`,
    async send(mail: OutgoingMail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}
