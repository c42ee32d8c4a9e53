// The @langchain/core patch (patches/README.md, issue 18) swaps how uuids get their SHA-1 and random
// bytes; ids must stay what the RFC and LangGraph's callers expect.
import { describe, expect, it } from 'vitest';
import { v4, v5, v6, v7 } from '@langchain/core/utils/uuid';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuid helpers under the core patch', () => {
  it('v5 (name-based SHA-1) gives the published vectors, for short and multi-block names', () => {
    expect(v5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(v5('python.org', DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    // Longer than one 64-byte SHA-1 block, non-ASCII included (bytes are UTF-8).
    const long = `${'ünïcødé task name '.repeat(8)}`;
    expect(v5(long, DNS)).toBe(v5(long, DNS));
    expect(v5(long, DNS)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(v5(`${long}x`, DNS)).not.toBe(v5(long, DNS));
  });

  it('random ids (from the pooled bytes) are well-formed and distinct across many pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(v4());
    for (let i = 0; i < 2000; i++) seen.add(v7());
    for (let i = 0; i < 2000; i++) seen.add(v6());
    expect(seen.size).toBe(6000);
    for (const id of [v4(), v6(), v7()]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[467][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
