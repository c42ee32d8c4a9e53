import type { KbPassage } from '../kb/kb';

/**
 * Which kind of device a troubleshooting question is about, and which kinds an article covers.
 * Retrieval alone answered "my smartwatch battery drains" with the laptop battery article (the
 * symptom words dominate); an article about another device is never the answer, whatever its score.
 * Nouns only (not "watch" the verb, not "phone number"), so a question names its device or nothing.
 */
const DEVICE_WORDS: Array<[RegExp, string]> = [
  [/\b(smart ?watch(es)?|fitness (tracker|band)s?|wearables?|apple watch|(my|the|this) watch)\b/i, 'wearable'],
  [/\b(laptops?|notebooks?|ultrabooks?|macbooks?|chromebooks?)\b/i, 'laptop'],
  [/\b(tablets?|ipads?|e-?readers?|kindles?)\b/i, 'tablet'],
  [/\b(smart ?(home|bulbs?|plugs?|locks?|thermostats?|devices?|lights?)|doorbells?|security cam(era)?s?|thermostats?|hubs?|bulbs?)\b/i, 'smart-home'],
  [/\b(tvs?|televisions?|telly|oled|qled)\b/i, 'tv'],
  [/\b(headphones?|earbuds?|earphones?|buds|headsets?|speakers?|soundbars?|airpods)\b/i, 'audio'],
  [/(?<!\bby )\b(phones?|smartphones?|iphones?|androids?|mobiles?|cell ?phones?|cells?|handsets?)\b(?!\s*(numbers?|calls?|lines?|support|hours))/i, 'phone'],
  [/\b(cameras?|dslr|mirrorless|lens(es)?|gopros?)\b/i, 'camera'],
  [/\b(drones?)\b/i, 'drone'],
  [/\b(consoles?|playstation|xbox|controllers?|gamepads?)\b/i, 'gaming'],
  [/\b(printers?|monitors?|keyboards?|mouse|mice|routers?)\b/i, 'accessory'],
];

/** Device kinds a text names, in the order they first appear. */
export function devicesIn(text: string): string[] {
  return DEVICE_WORDS.map(([re, kind]) => ({ kind, at: re.exec(text)?.index ?? -1 }))
    .filter((d) => d.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((d) => d.kind);
}

const isTroubleshooting = (p: Pick<KbPassage, 'file'>) => p.file.startsWith('troubleshooting-');

/** The devices a troubleshooting article covers (its title and heading), cached per passage id. */
const covered = new Map<string, Set<string>>();
function devicesOf(p: KbPassage): Set<string> {
  let s = covered.get(p.id);
  if (!s) {
    s = new Set(devicesIn(`${p.title} ${p.heading}`));
    if (covered.size > 1000) covered.clear();
    covered.set(p.id, s);
  }
  return s;
}

/**
 * A filter for retrieval: troubleshooting articles only for the device the question is about (the
 * first one it names: "my watch won't pair with my phone" is about the watch). Other articles, and
 * questions that name no device, pass.
 */
export function sameDevice(question: string): ((p: KbPassage) => boolean) | undefined {
  const device = devicesIn(question)[0];
  if (!device) return undefined;
  return (p) => !isTroubleshooting(p) || devicesOf(p).has(device);
}

export { isTroubleshooting };
