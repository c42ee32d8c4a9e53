// Micro benchmark: `node --expose-gc --import tsx packages/agents/src/lexicon/bench.ts`
// (under `flock /tmp/em-heavy.lock` on the shared machine). Prints the RSS cost of loading the
// lexicon and building the shop speller, and p50/p99 µs per correct(), expand(), similarity().
import { loadLexicon } from './lexicon';
import { createShopSpeller } from './speller';
import { Flag } from './format';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const rssMB = () => (gc(), process.memoryUsage().rss / 1e6);
/** What stays reachable: JS heap + typed-array/Buffer memory (RSS also keeps freed pages a while). */
const liveMB = () => (gc(), (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers) / 1e6);
const ms = (t: number) => (performance.now() - t).toFixed(0);

function timeEach<T>(label: string, inputs: T[], fn: (x: T) => unknown, rounds = 200) {
  for (const x of inputs) fn(x); // warm-up: JIT, and expand()'s per-set caches as in a long-lived worker
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const x of inputs) {
      const t = process.hrtime.bigint();
      fn(x);
      samples.push(Number(process.hrtime.bigint() - t) / 1000);
    }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.floor(p * (samples.length - 1))]!.toFixed(1);
  console.log(`${label}: p50 ${q(0.5)} µs, p99 ${q(0.99)} µs (n=${samples.length})`);
}

const [rss0, live0] = [rssMB(), liveMB()];
let t = performance.now();
const lex = loadLexicon();
const [rss1, live1] = [rssMB(), liveMB()];
console.log(`loadLexicon: ${ms(t)} ms, RSS +${(rss1 - rss0).toFixed(1)} MB, live +${(live1 - live0).toFixed(1)} MB (${lex.size} words, ${lex.dimensions}d int8)`);
t = performance.now();
const speller = createShopSpeller(lex);
const [rss2, live2] = [rssMB(), liveMB()];
console.log(`createShopSpeller: ${ms(t)} ms, RSS +${(rss2 - rss1).toFixed(1)} MB, live +${(live2 - live1).toFixed(1)} MB (${speller.size} targets)`);

const typos = 'retrun polcy shiping hedphones warrenty laptp recieve adress cancelation sondhalo trackng delivry'.split(' ');
const plain = 'refund where is my order EM-10001 WELCOME10 headphones delivery tracking soundhalo Voltra quadcopter'.split(' ');
timeEach('correct() typo', typos, (w) => speller.correct(w));
timeEach('correct() known word / code / short', plain, (w) => speller.correct(w));
timeEach('correctText() a customer message (16 words, 3 typos)', [[...plain.slice(0, 13), ...typos.slice(0, 3)].join(' ')], (m) => speller.correctText(m));
const shop = new Set([...lex.entries()].filter(([w]) => lex.flags(w) & Flag.SHOP).map(([w]) => w));
timeEach('expand() shop/utterance word (precomputed)', ['refund', 'laptop', 'deliver', 'headphones', 'warranty', 'cancel'], (w) => lex.expand(w, { among: shop, min: 0.5, k: 5 }));
timeEach('expand() other word (cached after first)', ['furious', 'busted', 'telly', 'cellphone', 'parcel', 'coupon'], (w) => lex.expand(w, { among: shop, min: 0.5, k: 5 }));
const fresh = ['angry', 'smashed', 'broadband', 'courier', 'voucher', 'reimburse', 'faulty', 'dispatch'];
t = performance.now();
for (const w of fresh) lex.expand(w, { among: shop, min: 0.5, k: 5 });
console.log(`expand() first call, brute force over ${shop.size} shop words: ${((performance.now() - t) * 1000 / fresh.length).toFixed(0)} µs per word`);
timeEach('similarity()', [['tv', 'television'], ['furious', 'angry'], ['laptop', 'notebook']] as const, ([a, b]) => lex.similarity(a, b));
console.log(`total RSS ${rssMB().toFixed(0)} MB (node + tsx baseline ${rss0.toFixed(0)} MB)`);
