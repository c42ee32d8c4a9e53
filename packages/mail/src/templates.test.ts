import { describe, expect, it } from 'vitest';
import { agentRepliesMail, MAIL_LANGUAGES, ticketConfirmationMail, transcriptMail } from './templates';

describe('follow-up mail templates', () => {
  it('name the ticket in every language, and fall back to English', () => {
    for (const lang of [...MAIL_LANGUAGES, 'pt', null]) {
      const m = ticketConfirmationMail(lang, { ticketNumber: 'TK-1234', link: 'http://x.test/widget#resume=t' });
      expect(m.subject).toContain('TK-1234');
      expect(m.text).toContain('TK-1234');
      expect(m.text).toContain('http://x.test/widget#resume=t');
    }
    expect(ticketConfirmationMail('pt', { ticketNumber: 'TK-1' }).subject).toBe(ticketConfirmationMail('en', { ticketNumber: 'TK-1' }).subject);
    expect(ticketConfirmationMail('fr', { ticketNumber: 'TK-1' }).subject).toBe('Votre ticket de support TK-1 — Support ElectroMart');
  });

  it('escape customer and agent text in the HTML part', () => {
    const m = agentRepliesMail('en', { replies: [{ authorName: 'Sam <b>', text: '<script>alert(1)</script>' }] });
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;');
    expect(m.text).toContain('Sam <b>:\n<script>alert(1)</script>');
  });

  it('write a transcript line per message with who said it', () => {
    const m = transcriptMail('de', {
      lines: [
        { role: 'customer', text: 'Hallo', createdAt: '2026-01-02T10:00:00.000Z' },
        { role: 'bot', text: 'Guten Tag', createdAt: '2026-01-02T10:00:01.000Z' },
        { role: 'human', authorName: 'Sam', text: 'Ich bin da', createdAt: '2026-01-02T10:01:00.000Z' },
      ],
    });
    expect(m.text).toContain('[2026-01-02 10:00 UTC] Sie:\nHallo');
    expect(m.text).toContain('Assistent:\nGuten Tag');
    expect(m.text).toContain('Sam:\nIch bin da');
  });
});
