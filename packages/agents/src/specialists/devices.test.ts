import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/kb';
import { answerFromKb } from '../kb/answer';
import { devicesIn, sameDevice } from './devices';

const kbDir = path.resolve(import.meta.dirname, '../../../../knowledge-base');
const kb = loadKnowledgeBase(kbDir, { phrasingsFile: path.resolve(import.meta.dirname, '../../generated/kb-phrasings.json') });

describe('the device a troubleshooting question is about', () => {
  it.each([
    ['my smartwatch battery drains in 5 hours', ['wearable']],
    ["my watch won't pair with my phone", ['wearable', 'phone']],
    ['the headphones I bought will not pair with my phone', ['audio', 'phone']],
    ['I watch TV every night and it has no sound', ['tv']],
    ["what's your phone number?", []],
    ['cell stuck at 2% even on the charger', ['phone']],
  ])('%j names %j', (text, devices) => {
    expect(devicesIn(text)).toEqual(devices);
  });

  it('lets every non-troubleshooting article and every device-free question through', () => {
    expect(sameDevice('how long is the warranty?')).toBeUndefined();
    const accept = sameDevice('my smartwatch screen is cracked')!;
    const warranty = kb.passages.find((p) => p.file === 'warranty.md')!;
    const laptop = kb.passages.find((p) => p.file === 'troubleshooting-laptops.md')!;
    expect(accept(warranty)).toBe(true);
    expect(accept(laptop)).toBe(false);
  });
});

describe('retrieval never answers with another device’s steps', () => {
  const answer = (q: string) => answerFromKb(kb, q, 1.5, undefined, sameDevice(q));

  it('answers a device it has an article for from that article', () => {
    expect(answer('my phone battery dies really fast')?.sources[0]).toBe('troubleshooting-phones.md#phone-battery-drains-fast');
    expect(answer('my laptop battery drains quickly')?.sources[0]).toBe('troubleshooting-laptops.md#laptop-battery-drains-quickly');
  });

  it('finds nothing (rather than the laptop or phone article, or the leftovers) for a device without one', () => {
    const q = 'my smartwatch battery drains in 5 hours';
    expect(answerFromKb(kb, q)?.sources[0]).toMatch(/^troubleshooting-(laptops|phones)/); // what it did before
    expect(answer(q)).toBeNull();
  });

  it('moves to the right device’s article when the words fit another device better', () => {
    const s = answer('the console box showed up crushed and the console does not work')?.sources[0] ?? '';
    expect(s).not.toMatch(/^troubleshooting-(phones|laptops|tv|smart)/);
  });
});
