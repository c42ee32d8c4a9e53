// Curated vocabulary for catalog search. Two kinds of words:
//  - KINDS: product-type nouns ("drone", "e-reader", "monitor"). Which category a kind belongs to is NOT
//    written here: catalog-terms.ts finds each product's kind in its own name/description and takes the
//    category from the product, so "drone" maps to cameras because the drone the shop sells sits there.
//  - CATEGORY_WORDS: words that name a whole category ("audio", "smart home", "wearables").
// Terms are lower case; hyphens and spaces are equivalent (both are normalised to a space).

export interface KindDef {
  kind: string;
  /** Nouns that identify a product of this kind in its name or description; the first is the canonical one. */
  nouns: string[];
  /** Broader words a customer uses that should also find this kind ("camera" finds action cameras). */
  broader?: string[];
}

// Order matters only for detection inside one text: longer, more specific nouns are tried first
// ("studio monitor" before "monitor", "vr headset" before "headset", "smart speaker" before "speaker").
export const KINDS: KindDef[] = [
  { kind: 'laptop', nouns: ['laptop', 'notebook', 'ultrabook', 'chromebook', 'macbook', 'notebook computer'] },
  { kind: 'phone', nouns: ['phone', 'smartphone', 'cellphone', 'cell phone', 'mobile phone', 'mobile', 'foldable'] },
  { kind: 'tv', nouns: ['tv', 'television', 'telly', 'smart tv'] },
  { kind: 'e-reader', nouns: ['e-reader', 'ereader', 'e-book reader', 'ebook reader', 'e-ink reader', 'kindle'] },
  { kind: 'tablet', nouns: ['tablet', 'ipad'] },
  { kind: 'headphones', nouns: ['headphones', 'headphone', 'over-ear headphones', 'cans'] },
  { kind: 'earbuds', nouns: ['earbuds', 'earbud', 'buds', 'earphones', 'earphone', 'in-ear', 'airpods', 'airpod', 'air pods'], broader: ['headphones', 'headphone'] },
  { kind: 'vr-headset', nouns: ['vr headset', 'virtual reality headset', 'vr'], broader: ['headset'] },
  { kind: 'headset', nouns: ['gaming headset', 'headset'], broader: ['headphones', 'headphone'] },
  { kind: 'soundbar', nouns: ['soundbar', 'sound bar'], broader: ['speaker'] },
  { kind: 'studio-monitor', nouns: ['studio monitor', 'bookshelf speakers', 'bookshelf speaker'], broader: ['speaker'] },
  { kind: 'smart-speaker', nouns: ['smart speaker', 'home speaker', 'voice assistant'], broader: ['speaker'] },
  { kind: 'speaker', nouns: ['bluetooth speaker', 'portable speaker', 'wireless speaker', 'speaker'] },
  { kind: 'drone', nouns: ['drone', 'quadcopter'] },
  { kind: 'action-camera', nouns: ['action cam', 'action camera', 'gopro'], broader: ['camera'] },
  { kind: 'security-camera', nouns: ['indoor camera', 'security camera', 'ip camera'], broader: ['camera'] },
  { kind: 'doorbell', nouns: ['video doorbell', 'doorbell'] },
  { kind: 'camera', nouns: ['camera', 'mirrorless', 'dslr', 'instant camera'] },
  { kind: 'smart-bulb', nouns: ['smart bulb', 'bulb', 'light bulb', 'smart light'] },
  { kind: 'thermostat', nouns: ['thermostat'] },
  { kind: 'smart-plug', nouns: ['smart plug', 'plug', 'smart socket'] },
  { kind: 'robot-vacuum', nouns: ['robot vacuum', 'robovac', 'robot cleaner', 'roomba', 'vacuum'] },
  { kind: 'power-bank', nouns: ['power bank', 'powerbank', 'portable charger', 'battery pack'] },
  { kind: 'hub', nouns: ['usb-c hub', 'usb hub', 'hub', 'dock', 'docking station'] },
  { kind: 'charger', nouns: ['charger', 'wall charger', 'charging brick', 'power adapter'] },
  { kind: 'mouse', nouns: ['mouse', 'mice'] },
  { kind: 'keyboard', nouns: ['keyboard'] },
  { kind: 'cable', nouns: ['cable', 'cord'] },
  { kind: 'monitor', nouns: ['monitor', 'computer monitor', 'external display'] },
  { kind: 'smartwatch', nouns: ['smartwatch', 'smart watch', 'apple watch', 'watch'] },
  { kind: 'fitness-tracker', nouns: ['fitness band', 'fitness tracker', 'activity tracker', 'fitbit', 'band'] },
  { kind: 'smart-ring', nouns: ['smart ring', 'ring'] },
  { kind: 'handheld-console', nouns: ['handheld gaming pc', 'handheld console', 'handheld'], broader: ['console'] },
  { kind: 'console', nouns: ['console', 'game console', 'games console'] },
  { kind: 'controller', nouns: ['controller', 'gamepad', 'joystick'] },
];

/** Category → words naming the whole category; also the category's own name. */
export const CATEGORY_WORDS: Record<string, string[]> = {
  laptops: ['laptops', 'computer', 'computers', 'pc'],
  phones: ['phones', 'mobiles'],
  tvs: ['tvs', 'televisions'],
  audio: ['audio', 'sound', 'music'],
  cameras: ['cameras', 'photography'],
  'smart-home': ['smart home', 'smart-home', 'home automation', 'smart devices'],
  accessories: ['accessories', 'accessory'],
  tablets: ['tablets'],
  wearables: ['wearables', 'wearable', 'fitness'],
  gaming: ['gaming', 'games', 'video games'],
};

/** Plural (and singular) forms so "drones", "e-readers", "robot vacuums" match without stemming. */
export function inflections(noun: string): string[] {
  const irregular: Record<string, string> = { mouse: 'mice', mice: 'mouse' };
  if (irregular[noun]) return [noun, irregular[noun]!];
  const last = noun.split(' ').pop()!;
  const head = noun.slice(0, noun.length - last.length);
  if (/(s|x|ch|sh)$/.test(last)) return last.endsWith('ss') || !last.endsWith('s') ? [noun, `${head}${last}es`] : [noun];
  if (/[^aeiou]y$/.test(last)) return [noun, `${head}${last.slice(0, -1)}ies`];
  if (['vr', 'in-ear', 'mirrorless', 'handheld', 'mobile'].includes(noun)) return [noun];
  return [noun, `${noun}s`];
}
