/** One mail as the platform sends it: plain text always, HTML optional. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Extra headers (e.g. X-EM-Outbox-Id, so a mail can be traced back to its outbox row). */
  headers?: Record<string, string>;
}

/**
 * Where mail leaves the platform: SMTP (smtp.ts) in production, a mailbox directory of .eml files
 * (mailbox-dir.ts) in development. The processor only knows this port.
 */
export interface MailTransport {
  /** For logs and `pnpm start`'s banner: "smtp://host:port" or "mailbox .data/mail". */
  readonly description: string;
  /** Resolves once the mail is accepted (by the SMTP server, or written); rejects to be retried. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}
