// fast-check arbitraries for hostile input: random JSON of every shape, wrong types, deep nesting,
// huge strings, odd Unicode, and prototype-pollution keys as own properties (as JSON.parse makes them).
import fc from 'fast-check';

export const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('\u0000', '\u202e evil', '\ud800', '𝕳𝖊𝖑𝖑𝖔', 'e\u0301\u0301\u0301', '<script>alert(1)</script>', "'; DROP TABLE messages; --", ' '.repeat(2000), '\u200b'.repeat(1200)),
);

const nested = fc.integer({ min: 20, max: 3000 }).map((depth) => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
});

const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":true},"text":"hi","clientMessageId":"00000000-0000-4000-8000-000000000000"}',
  '{"constructor":{"prototype":{"polluted":true}},"afterSeq":0}',
  '{"__proto__":{"isAdmin":true},"score":5}',
  '{"prototype":{"polluted":true},"isTyping":true}',
).map((s) => JSON.parse(s) as unknown);

/** Payload-shaped objects whose fields have the wrong type or range. */
const wrongTypes = fc.record(
  {
    clientMessageId: fc.oneof(fc.uuid(), fc.integer(), fc.constant(null), oddText),
    text: fc.oneof(oddText, fc.integer(), fc.array(fc.string()), fc.constant(null), fc.string({ minLength: 1001, maxLength: 1500 })),
    afterSeq: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(-1)),
    score: fc.oneof(fc.integer({ min: -10, max: 10 }), fc.double(), fc.string()),
    comment: fc.oneof(oddText, fc.integer()),
    isTyping: fc.oneof(fc.boolean(), fc.string(), fc.integer()),
    reason: fc.oneof(oddText, fc.object()),
  },
  { requiredKeys: [] },
);

export const hostilePayload: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.jsonValue(),
  wrongTypes,
  nested,
  pollution,
  oddText,
);

/** Raw request bodies: broken JSON, random bytes, and valid JSON of the wrong shape. */
export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  fc.json(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  hostilePayload.map((v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return '{';
    }
  }),
  fc.constantFrom('{"email":', '[]', 'null', '{"email":"a@b.co","password":{"$gt":""}}', `{"email":"' OR 1=1 --@x.co","password":"x"}`),
);

/** Query-string values: odd text, JSON, numbers out of range, broken dates, SQL metacharacters. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  oddText,
  fc.json(),
  fc.integer().map(String),
  fc.constantFrom('2026-13-45', '-1', 'NaN', 'Infinity', '1e309', "' OR 1=1 --", '1; SELECT pg_sleep(5)', '../../etc/passwd', 'hour', 'day', 'week', 'volume'),
);
