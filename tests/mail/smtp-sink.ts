// A throwaway SMTP server (the `smtp-server` package) that keeps what it receives, decoded enough to
// assert on: the envelope, headers and the plain-text part. Real SMTP on a real socket; no mocks.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/** Quoted-printable (RFC 2045) as nodemailer writes long lines: soft breaks and =XX bytes. */
function decodeQp(s: string) {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header. */
function decodeHeader(v: string) {
  return v.replace(/\r?\n\s+/g, ' ').replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s?/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
  );
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
  const subject = decodeHeader(/^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '');
  // The text/plain part: its headers, a blank line, then the body up to the next boundary.
  const part = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)(?:\r?\n--[^\r\n]+|$)/i.exec(raw);
  const headerBlock = raw.slice(0, part?.index ?? 0) + (part ? part[0].slice(0, part[0].indexOf(part[1] ?? '')) : '');
  const body = part?.[1] ?? '';
  const qp = /Content-Transfer-Encoding: quoted-printable/i.test(headerBlock.slice(-400));
  const b64 = /Content-Transfer-Encoding: base64/i.test(headerBlock.slice(-400));
  const text = qp ? decodeQp(body) : b64 ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
  return { to, subject, text: text.replace(/\r\n/g, '\n'), raw };
}

export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Resolves with the first mail (received or arriving) that satisfies `pred`. */
    async next(pred: (m: ReceivedMail) => boolean, ms = 15_000) {
      const t0 = Date.now();
      for (;;) {
        const m = received.find(pred);
        if (m) return m;
        if (Date.now() - t0 > ms) throw new Error(`no matching mail within ${ms} ms (got ${received.length}: ${received.map((x) => x.subject).join(' | ')})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
