import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveReply, TYPING_AFTER_MS } from './live-reply';

function recorder() {
  const sent: string[] = [];
  return {
    sent,
    announce: {
      botTyping: (conv: string, on: boolean) => void sent.push(`typing ${conv} ${on}`),
      delta: (conv: string, id: string, d: string) => void sent.push(`delta ${conv} ${id} ${d}`),
    },
  };
}

describe('createLiveReply', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a reply made in one piece within the threshold sends nothing at all', () => {
    const r = recorder();
    const live = createLiveReply(r.announce, 'c1', 'r1');
    vi.advanceTimersByTime(TYPING_AFTER_MS - 1);
    live.flush();
    live.end();
    vi.advanceTimersByTime(10 * TYPING_AFTER_MS);
    expect(r.sent).toEqual([]);
  });

  it('a slow turn shows typing once, and turns it off once at the end', () => {
    const r = recorder();
    const live = createLiveReply(r.announce, 'c1', 'r1');
    vi.advanceTimersByTime(TYPING_AFTER_MS);
    expect(r.sent).toEqual(['typing c1 true']);
    live.end();
    expect(r.sent).toEqual(['typing c1 true', 'typing c1 false']);
  });

  it('streamed text turns typing on with the first delta only, however many batches follow', () => {
    const r = recorder();
    const live = createLiveReply(r.announce, 'c1', 'r1');
    live.push('Hel');
    live.flush();
    live.push('lo');
    live.flush();
    vi.advanceTimersByTime(TYPING_AFTER_MS); // the slow-turn timer must not send it a second time
    live.push('!');
    live.flush();
    live.end();
    expect(r.sent).toEqual(['typing c1 true', 'delta c1 r1 Hel', 'delta c1 r1 lo', 'delta c1 r1 !', 'typing c1 false']);
  });
});
