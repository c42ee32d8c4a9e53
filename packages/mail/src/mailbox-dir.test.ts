import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailboxDirTransport } from './mailbox-dir';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('mailbox directory (development without SMTP_URL)', () => {
  it('writes each mail as one .eml file a mail client can open, creating the directory', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'em-mail-'));
    dirs.push(root);
    const dir = path.join(root, '.data', 'mail');
    const t = createMailboxDirTransport(dir);
    expect(t.description).toBe(`mailbox ${dir}`);
    const a = await t.send({ from: 'ElectroMart Support <support@electromart.test>', to: 'guest@example.com', subject: 'Your support ticket TK-1001', text: 'Hello,\n\nticket TK-1001.', html: '<p>Hello</p>' });
    await t.send({ from: 'support@electromart.test', to: 'other@example.com', subject: 'Ihr Support-Ticket TK-1002', text: 'Grüße' });
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
    const raw = await readFile(path.join(dir, files[0]!), 'utf8');
    expect(raw).toMatch(/^From: ElectroMart Support <support@electromart\.test>$/m);
    expect(raw).toMatch(/^To: guest@example\.com$/m);
    expect(raw).toMatch(/^Subject: Your support ticket TK-1001$/m);
    expect(raw).toContain(`Message-ID: ${a.messageId}`);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    // No temporary files are left behind.
    expect((await readdir(dir, { withFileTypes: true })).filter((f) => f.name.startsWith('.'))).toEqual([]);
  });
});
