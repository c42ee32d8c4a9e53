import { describe, expect, it } from 'vitest';
import { inflections } from './catalog-terms-data';
import { buildTerms, detectKind, kindKeywords, normalizeTerm } from './catalog-terms';
import { PRODUCTS } from './products-data';

const kindOf = (name: string) => {
  const p = PRODUCTS.find((x) => x.name === name);
  if (!p) throw new Error(`no seeded ${name}`);
  return detectKind(p);
};

describe('product kinds', () => {
  it.each([
    ['Kestrel SkyLark Drone', 'drone'],
    ['Aurelia ReadPad E-Reader', 'e-reader'],
    ['Havena Sweep Robot Vacuum', 'robot-vacuum'],
    ['Tidewell Voyager 20000 Power Bank', 'power-bank'],
    ['Lumio ClearView 27 4K Monitor', 'monitor'],
    ['Halden Studio Monitor 5', 'studio-monitor'], // a speaker, not a monitor
    ['Halden ThunderBar 5.1', 'soundbar'], // from the description
    ['Sable Hush Pro', 'headphones'],
    ['Aurelia Petal Buds', 'earbuds'],
    ['Kestrel VisionX VR Headset', 'vr-headset'],
    ['Sable Raid Gaming Headset', 'headset'],
    ['Lumio Sentry Indoor Camera', 'security-camera'],
    ['Kestrel Vantage Z8', 'camera'], // category default
    ['Kestrel K9 Pro', 'phone'], // "a camera-first flagship" is still a phone
    ['Lumio Horizon 65 OLED', 'tv'],
    ['Nimbus Tab 11', 'tablet'],
    ['Orbix Pocket 7', 'handheld-console'],
    ['Voltra 7-in-1 USB-C Hub', 'hub'],
  ])('%s is a %s', (name, kind) => expect(kindOf(name)).toBe(kind));

  it('finds a kind for every seeded product', () => {
    expect(PRODUCTS.filter((p) => !detectKind(p)).map((p) => p.name)).toEqual([]);
  });
});

describe('terms', () => {
  const terms = buildTerms(PRODUCTS.map((p) => ({ category: p.category, kind: detectKind(p) })));
  const of = (term: string) => terms.filter((t) => t.term === term).map((t) => `${t.category}/${t.kind ?? '*'}`).sort();

  it('maps type nouns to the category of the products that carry them', () => {
    expect(of('drone')).toEqual(['cameras/drone']);
    expect(of('e reader')).toEqual(['tablets/e-reader']);
    expect(of('ereaders')).toEqual(['tablets/e-reader']);
    expect(of('tv')).toEqual(['tvs/tv']);
    expect(of('televisions')).toEqual(['tvs/*', 'tvs/tv']);
    expect(of('keyboard')).toEqual(['accessories/keyboard', 'gaming/keyboard']);
    expect(of('camera')).toEqual(['cameras/action-camera', 'cameras/camera', 'smart-home/security-camera']);
    expect(of('headphones')).toEqual(['audio/earbuds', 'audio/headphones', 'gaming/headset']);
    expect(of('smart home')).toEqual(['smart-home/*']);
  });

  it('has no kind the catalog does not sell', () => {
    expect(of('quadcopter')).toEqual(['cameras/drone']);
    expect(of('dslr')).toEqual(['cameras/camera']);
    const sold = new Set(PRODUCTS.map((p) => detectKind(p)));
    for (const t of terms) if (t.kind) expect(sold.has(t.kind)).toBe(true);
  });

  it('normalises and inflects', () => {
    expect(normalizeTerm('  E-Reader ')).toBe('e reader');
    expect(normalizeTerm('USB-C/Hub')).toBe('usb c hub');
    expect(inflections('battery')).toEqual(['battery', 'batteries']);
    expect(inflections('mouse')).toEqual(['mouse', 'mice']);
    expect(inflections('headphones')).toEqual(['headphones']);
    expect(inflections('watch')).toEqual(['watch', 'watches']);
    expect(inflections('power bank')).toEqual(['power bank', 'power banks']);
    expect(kindKeywords('drone')).toBe('drone drones quadcopter quadcopters');
  });
});
