import { describe, expect, it } from 'vitest';
import type { ConversationExportRow } from '@em/db/queries/analytics-conversations';
import { conversationsCsv } from './analytics-conversations-csv';
import { csvField } from './analytics-csv';

describe('csvField', () => {
  it('quotes commas, quotes and newlines (RFC 4180); null is empty; numbers are rounded to 4 places', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.123456)).toBe('0.1235');
  });

  it('defuses text a spreadsheet would run as a formula: = + - @ tab CR get a leading apostrophe', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+44 20')).toBe("'+44 20");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('=HYPERLINK("u","c")')).toBe(`"'=HYPERLINK(""u"",""c"")"`);
    // Numbers are numbers, not text: a negative stays negative.
    expect(csvField(-2)).toBe('-2');
    expect(csvField('fine = good')).toBe('fine = good');
  });
});

describe('conversationsCsv', () => {
  const row: ConversationExportRow = {
    id: 'c-1', startedAt: '2026-03-02T10:00:00.000Z', lastActivityAt: '2026-03-02T10:05:00.000Z', status: 'waiting_human',
    owner: null, route: 'support', sentiment: 'negative', handedOff: true, reason: 'negative_sentiment', csat: null, comment: null,
  };

  it('one line per conversation: queue owner, reason in words, yes/no', () => {
    expect(conversationsCsv([row]).split('\r\n')).toEqual([
      'conversation_id,started_utc,last_activity_utc,status,owner,route,sentiment,handed_off,handoff_reason,csat,comment',
      'c-1,2026-03-02T10:00:00.000Z,2026-03-02T10:05:00.000Z,waiting_human,Queue,support,negative,yes,Negative sentiment,,',
      '',
    ]);
  });

  it('an agent name or comment that starts like a formula is defused too', () => {
    const line = conversationsCsv([{ ...row, owner: '=cmd|calc', comment: '@evil', csat: 1, reason: 'made_up' }]).split('\r\n')[1];
    expect(line).toBe("c-1,2026-03-02T10:00:00.000Z,2026-03-02T10:05:00.000Z,waiting_human,'=cmd|calc,support,negative,yes,made_up,1,'@evil");
  });
});
