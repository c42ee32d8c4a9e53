import { describe, expect, it } from 'vitest';
import { ProductAttrs } from '../catalog-attrs';
import { PRODUCTS } from './products-data';
import { batteryHours, resolutionOfPixels, specAttrs } from './spec-attrs';

const attrsOf = (name: string) => {
  const p = PRODUCTS.find((x) => x.name === name);
  if (!p) throw new Error(`no seeded ${name}`);
  return specAttrs(p);
};
const make = (specs: Record<string, string>, name = 'X Thing', description = 'A thing.') => specAttrs({ name, description, specs });

describe('specAttrs on the seeded catalog', () => {
  it.each([
    ['Voltra UltraBook 14', { ramGb: 16, storageGb: 1000, screenIn: 14, resolution: '1440p', refreshHz: 90, panel: 'oled', batteryH: 15, weightKg: 1.25, cpuCores: 10 }],
    ['Nimbus CloudBook 13', { ramGb: 4, storageGb: 64, screenIn: 13.3, resolution: '1080p', panel: 'ips' }],
    ['Kestrel Strike 16', { ramGb: 32, refreshHz: 240, dedicatedGpu: true, weightKg: 2.4 }],
    ['Kestrel K9 Pro', { ramGb: 12, refreshHz: 120, cameraMp: 50, rearCameraMp: 110, batteryMah: 5000, fiveG: true, nfc: true, wirelessCharging: true }],
    // The selfie camera is not a rear one.
    ['Nimbus X5', { cameraMp: 50, rearCameraMp: 62 }],
    ['Nimbus Lite 4', { resolution: '720p', storageGb: 128, panel: 'lcd' }],
    ['Orbix Rugged R2', { waterRating: 'IP69', waterproof: true, weightKg: 0.29 }],
    ['Lumio Horizon 65 OLED', { screenIn: 65, resolution: '4k', refreshHz: 120, panel: 'oled', hdr: true }],
    ['Halden CinemaMax 85', { screenIn: 85, panel: 'mini-led', weightKg: 42 }],
    ['Halden Compact 32', { screenIn: 32, resolution: '1080p', panel: 'led' }],
    ['Aurelia SoundHalo ANC', { anc: true, wireless: true, batteryH: 30, weightKg: 0.25 }],
    ['Aurelia Petal Buds', { anc: true, waterRating: 'IPX4', waterResistant: true }],
    ['Sable Pebble Go', { waterproof: true, waterRating: 'IP67', powerW: 10 }],
    ['Kestrel Vantage Z8', { cameraMp: 45, resolution: '8k', weightKg: 0.738 }],
    ['Orbix Trek Action Cam', { resolution: '4k', cameraMp: 27, waterproof: true }],
    ['Kestrel SkyLark Drone', { cameraMp: 48, resolution: '4k', weightKg: 0.249 }],
    ['Lumio ClearView 27 4K Monitor', { screenIn: 27, resolution: '4k', refreshHz: 60, panel: 'ips' }],
    ['Aurelia ReadPad E-Reader', { screenIn: 7, panel: 'e-ink', storageGb: 16, batteryH: 8 * 168, waterproof: true }],
    ['Lumio KidsTab 8', { resolution: '720p', ramGb: 3, storageGb: 32 }],
    ['Nimbus Watch S', { panel: 'oled', batteryH: 48, waterRating: 'IP68', waterproof: true }],
    ['Veyra Smart Ring', { batteryH: 168, waterproof: true }],
    ['Tidewell Voyager 20000 Power Bank', { batteryMah: 20000, powerW: 65 }],
    ['Orbix Pocket 7', { ramGb: 16, storageGb: 512, batteryH: 6 }],
  ] as const)('%s', (name, want) => {
    expect(attrsOf(name)).toMatchObject(want);
  });

  it('leaves out what the specs do not say, and never marks wired gear wireless', () => {
    const earphones = attrsOf('Sable Basics Earphones');
    expect(earphones.wireless).toBeUndefined();
    expect(earphones.anc).toBeUndefined();
    expect(attrsOf('Sable Raid Gaming Headset').anc).toBeUndefined(); // a noise-reducing mic is not ANC
    expect(attrsOf('Lumio Sentry Indoor Camera').storageGb).toBeUndefined(); // a microSD slot is not storage
    expect(attrsOf('Aurelia Petal Buds').waterproof).toBeUndefined(); // IPX4 is splash resistance
  });

  it('produces valid attrs for every seeded product', () => {
    for (const p of PRODUCTS) expect(ProductAttrs.safeParse(specAttrs(p)).success).toBe(true);
    const laptops = PRODUCTS.filter((p) => p.category === 'laptops').map(specAttrs);
    for (const a of laptops) expect(a).toMatchObject({ ramGb: expect.any(Number), storageGb: expect.any(Number), screenIn: expect.any(Number) });
  });
});

describe('spec phrases', () => {
  it.each([
    [1920, 1080, '1080p'],
    [2400, 1080, '1080p'],
    [3840, 2160, '4k'],
    [7680, 4320, '8k'],
    [2560, 1440, '1440p'],
    [1280, 800, '720p'],
    [640, 480, 'sd'],
  ] as const)('%i x %i → %s', (w, h, r) => expect(resolutionOfPixels(w, h)).toBe(r));

  it.each([
    ['Up to 15 hours (70 Wh)', 15],
    ['2-6 hours of play', 6],
    ['Up to 180 minutes', 3],
    ['Up to 2 days', 48],
    ['40 hours (ANC on), 5 min charge = 4 hours', 40],
    ['About 400 shots', undefined],
  ])('battery %j → %s h', (s, h) => expect(batteryHours(s)).toBe(h));

  it('reads words as well as pixels', () => {
    expect(make({ screen: '55" 4K QLED, 120 Hz' })).toMatchObject({ resolution: '4k', panel: 'qled', screenIn: 55, refreshHz: 120 });
    expect(make({ screen: '32" Full HD LED' }).resolution).toBe('1080p');
    expect(make({ video: '5.3K 60 fps' }).resolution).toBe('4k');
    expect(make({ storage: '2 TB SSD', ram: '64 GB' })).toMatchObject({ storageGb: 2000, ramGb: 64 });
    expect(make({ water: '10 ATM' })).toMatchObject({ waterRating: '10 ATM', waterproof: true });
    expect(make({}, 'X Wireless Mouse').wireless).toBe(true);
  });
});
