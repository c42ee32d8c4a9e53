// Free-text specs → typed ProductAttrs. The specs are short, hand-written strings ("14\" OLED,
// 2880x1800, 90 Hz"), so a few anchored regexes per spec key are enough; no general unit library
// covers marketing phrases like "5.3K 60 fps" or "Up to 8 weeks", which is why this is hand-written.
import { ProductAttrs, RESOLUTIONS, type Panel, type Resolution } from '../catalog-attrs';

export interface SpecSource {
  name: string;
  description: string;
  specs: Record<string, string>;
}

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const toNum = (s: string) => Number(s.replace(/,/g, ''));
const all = (re: RegExp, s: string | undefined) => (s ? [...s.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))] : []);
const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : undefined);

const rank = (r: Resolution) => RESOLUTIONS.indexOf(r);
const best = (rs: Resolution[]) => rs.sort((a, b) => rank(b) - rank(a))[0];

/** Pixel size → class, by the short side (and the long side for ultra-wide 4K/8K panels). */
export function resolutionOfPixels(w: number, h: number): Resolution {
  const short = Math.min(w, h);
  const long = Math.max(w, h);
  if (long >= 7680 || short >= 4320) return '8k';
  if (long >= 3840 || short >= 2160) return '4k';
  if (short >= 1440) return '1440p';
  if (short >= 1080) return '1080p';
  if (short >= 720) return '720p';
  return 'sd';
}

/** Resolution named in words: "8K", "5.3K", "4K", "2K", "QHD", "Full HD", "1080p", "HD". */
function resolutionOfWords(s: string): Resolution[] {
  const out: Resolution[] = [];
  for (const m of all(/\b(\d+(?:\.\d+)?)K\b/, s)) {
    const k = Number(m[1]);
    out.push(k >= 8 ? '8k' : k >= 4 ? '4k' : k >= 2 ? '1440p' : '1080p');
  }
  if (/\b(uhd|2160p)\b/i.test(s)) out.push('4k');
  if (/\b(qhd\+?|1440p|wqhd)/i.test(s)) out.push('1440p');
  if (/\b(full hd|fhd|1080p)\b/i.test(s)) out.push('1080p');
  else if (/\b(hd|720p)\b/i.test(s)) out.push('720p');
  return out;
}

function resolutionOf(texts: string[]): Resolution | undefined {
  const found: Resolution[] = [];
  for (const t of texts) {
    for (const m of all(/\b(\d{3,5})\s*x\s*(\d{3,5})\b/, t)) found.push(resolutionOfPixels(Number(m[1]), Number(m[2])));
    found.push(...resolutionOfWords(t));
  }
  return best(found);
}

function panelOf(screen: string): Panel | undefined {
  if (/mini-?led/i.test(screen)) return 'mini-led';
  if (/\b(amoled|oled)\b/i.test(screen)) return 'oled';
  if (/\bqled\b/i.test(screen)) return 'qled';
  if (/\be-?ink\b/i.test(screen)) return 'e-ink';
  if (/\bips\b/i.test(screen)) return 'ips';
  if (/\blcd\b/i.test(screen)) return 'lcd';
  if (/\bled\b/i.test(screen)) return 'led';
  return undefined;
}

const HOURS_PER: Record<string, number> = { min: 1 / 60, minute: 1 / 60, h: 1, hour: 1, day: 24, week: 168, month: 730 };

/** First runtime figure ("Up to 15 hours", "2-6 hours", "Up to 8 weeks") in hours; the upper bound of a range. */
export function batteryHours(s: string | undefined): number | undefined {
  const m = /(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*(minutes?|min|hours?|h|days?|weeks?|months?)\b/i.exec(s ?? '');
  if (!m) return undefined;
  const unit = m[3]!.toLowerCase().replace(/s$/, '');
  return Math.round(Number(m[2] ?? m[1]) * HOURS_PER[unit]! * 100) / 100;
}

function weightKg(s: string | undefined): number | undefined {
  const m = new RegExp(String.raw`${NUM}\s*(kg|g)\b`, 'i').exec(s ?? '');
  if (!m) return undefined;
  return m[2]!.toLowerCase() === 'kg' ? toNum(m[1]!) : Math.round(toNum(m[1]!)) / 1000;
}

/** Built-in capacity only: "1 TB NVMe SSD", "128 GB + microSD"; "microSD up to 256 GB" is a slot, not storage. */
function storageGb(s: string | undefined): number | undefined {
  const m = new RegExp(String.raw`^${NUM}\s*(TB|GB)\b`, 'i').exec(s?.trim() ?? '');
  if (!m) return undefined;
  return toNum(m[1]!) * (m[2]!.toUpperCase() === 'TB' ? 1000 : 1);
}

interface Water {
  rating?: string;
  waterproof: boolean;
}

function waterOf(texts: string[], description: string): Water {
  const text = texts.join(' ');
  const ip = all(/\bIP([X\d])(\d)\b/i, text).map((m) => ({ rating: `IP${m[1]!.toUpperCase()}${m[2]}`, water: Number(m[2]) }));
  const atm = all(/(\d+)\s*ATM\b/i, text).map((m) => ({ rating: `${m[1]} ATM`, water: Number(m[1]) >= 5 ? 7 : 4 }));
  const depth = /\b(waterproof|water resistant) to \d+\s*m\b/i.exec(text);
  const ratings = [...ip, ...atm].sort((a, b) => b.water - a.water);
  const rating = ratings[0]?.rating ?? (depth ? depth[0] : undefined);
  const waterproof = (ratings[0]?.water ?? 0) >= 7 || !!depth || /\bwaterproof\b/i.test(text) || /\bwaterproof\b/i.test(description);
  return { rating, waterproof };
}

/** "50 MP main + 48 MP ultrawide + 12 MP 3x telephoto, 12 MP selfie" → 110: the parts that are not the front camera. */
function rearCameraMp(camera: string | undefined): number | undefined {
  if (!camera) return undefined;
  const rear = camera.split(',').filter((part) => !/\b(selfie|front)\b/i.test(part));
  const mp = rear.flatMap((part) => all(/(\d+(?:\.\d+)?)\s*MP\b/, part).map((m) => Number(m[1])));
  return mp.length ? mp.reduce((a, b) => a + b, 0) : undefined;
}

const has = (re: RegExp, ...xs: Array<string | undefined>) => xs.some((x) => x !== undefined && re.test(x));

export function specAttrs(p: SpecSource): ProductAttrs {
  const s = p.specs;
  const screen = [s.screen, s.display].filter((x): x is string => !!x);
  const cams = [s.camera, s.sensor, s.photo].filter((x): x is string => !!x);
  const firstSentence = p.description.split(/(?<=\.)\s/)[0] ?? '';
  const wiredOnly = has(/^wired|\busb-c wired\b/i, s.type, s.connectivity);
  const water = waterOf([s.water, s.durability].filter((x): x is string => !!x), firstSentence);
  const a: ProductAttrs = {
    ramGb: s.ram ? toNum(/(\d+)\s*GB/i.exec(s.ram)?.[1] ?? 'NaN') : undefined,
    storageGb: storageGb(s.storage),
    screenIn: maxOf(screen.flatMap((x) => all(/(\d+(?:\.\d+)?)\s*"/, x).map((m) => Number(m[1])))),
    resolution: resolutionOf([...screen, s.video, s.resolution, s.camera].filter((x): x is string => !!x)),
    refreshHz: maxOf(screen.flatMap((x) => all(/(\d+)\s*Hz\b/, x).map((m) => Number(m[1])))),
    panel: screen.length ? panelOf(screen.join(' ')) : undefined,
    batteryH: batteryHours(s.battery),
    batteryMah: maxOf([s.battery, s.capacity].flatMap((x) => all(new RegExp(String.raw`${NUM}\s*mAh`, 'i'), x).map((m) => toNum(m[1]!)))),
    weightKg: weightKg(s.weight),
    cameraMp: maxOf(cams.flatMap((x) => all(/(\d+)\s*MP\b/, x).map((m) => Number(m[1])))),
    rearCameraMp: rearCameraMp(s.camera),
    cpuCores: s.cpu ? toNum(/(\d+)-core/i.exec(s.cpu)?.[1] ?? 'NaN') : undefined,
    powerW: maxOf([s.output, s.power, s.charging].flatMap((x) => all(/(\d[\d,]*)\s*W\b/, x).map((m) => toNum(m[1]!)))),
    anc: has(/\b(anc|active noise|noise cancell?ing)\b/i, s.noiseCancelling) || undefined,
    wireless: (!wiredOnly && (has(/\bwireless\b/i, p.name, s.type, firstSentence) || has(/bluetooth|2\.4 ghz/i, s.connectivity, s.inputs))) || undefined,
    wirelessCharging: has(/\bW wireless\b/i, s.battery) || undefined,
    dedicatedGpu: has(/\bdedicated\b/i, s.gpu) || undefined,
    fiveG: has(/\b5G\b/, s.connectivity) || undefined,
    nfc: has(/\bNFC\b/, s.connectivity) || undefined,
    hdr: has(/\bHDR/, s.hdr) || undefined,
    touchscreen: has(/touch ?screen/i, ...screen) || undefined,
    waterRating: water.rating,
    waterproof: water.waterproof || undefined,
    waterResistant: (water.rating !== undefined || water.waterproof) || undefined,
  };
  // Drop the absent and the unparseable (NaN) so the jsonb only holds facts.
  const clean = Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && !(typeof v === 'number' && Number.isNaN(v))));
  return ProductAttrs.parse(clean);
}
