import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './sentiment';

describe('sentiment and urgency', () => {
  it('labels angry messages very negative and spots urgency', () => {
    const s = analyzeSentiment('This is terrible, awful service. I hate it and I need it fixed immediately!');
    expect(s.label).toBe('very_negative');
    expect(s.urgent).toBe(true);
  });
  it('labels polite questions neutral or positive', () => {
    expect(['neutral', 'positive']).toContain(analyzeSentiment('Hi, what time do you open?').label);
    expect(analyzeSentiment('Thanks, that is great!').label).toBe('positive');
  });
});
