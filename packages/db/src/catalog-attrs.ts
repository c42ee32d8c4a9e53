// Normalised, typed product attributes (products.attrs jsonb), derived from the free-text specs by
// seed/spec-attrs.ts. Keys are camelCase and carry their unit in the name; a key is absent when the
// specs do not say (a missing value never satisfies a filter on it). Booleans are stored only when true.
import { z } from 'zod';

/** Ordered low → high; a "4K" request accepts 4k and 8k. */
export const RESOLUTIONS = ['sd', '720p', '1080p', '1440p', '4k', '8k'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const PANELS = ['oled', 'mini-led', 'qled', 'ips', 'lcd', 'led', 'e-ink'] as const;
export type Panel = (typeof PANELS)[number];

const num = z.number().nonnegative();

export const ProductAttrs = z
  .object({
    ramGb: num,
    /** Built-in storage; 1 TB = 1000 GB (marketing units, the same factor the query parser uses). */
    storageGb: num,
    /** Largest screen diagonal in inches. */
    screenIn: num,
    resolution: z.enum(RESOLUTIONS),
    refreshHz: num,
    panel: z.enum(PANELS),
    /** Best-case runtime ("up to") in hours; days/weeks/months converted. */
    batteryH: num,
    batteryMah: num,
    weightKg: num,
    /** Highest sensor resolution in megapixels. */
    cameraMp: num,
    /** Megapixels of all rear cameras together (main, ultrawide, telephoto; not the selfie one). */
    rearCameraMp: num,
    cpuCores: num,
    /** Highest wattage among output/power/charging specs (chargers, speakers, power banks). */
    powerW: num,
    anc: z.literal(true),
    wireless: z.literal(true),
    wirelessCharging: z.literal(true),
    dedicatedGpu: z.literal(true),
    fiveG: z.literal(true),
    nfc: z.literal(true),
    hdr: z.literal(true),
    touchscreen: z.literal(true),
    /** Best ingress rating as printed: "IP68", "IPX4", "5 ATM". */
    waterRating: z.string(),
    /** Survives immersion: IPx7 and up, 5 ATM and up, or stated waterproof / water resistant to a depth. */
    waterproof: z.literal(true),
    /** Any water rating at all (IPX4 splash resistance included). */
    waterResistant: z.literal(true),
  })
  .partial();
export type ProductAttrs = z.infer<typeof ProductAttrs>;

/** The numeric attributes a catalog query can range-filter on. */
export const NUMERIC_ATTRS = [
  'ramGb',
  'storageGb',
  'screenIn',
  'refreshHz',
  'batteryH',
  'batteryMah',
  'weightKg',
  'cameraMp',
  'cpuCores',
  'powerW',
] as const satisfies ReadonlyArray<keyof ProductAttrs>;
export type NumericAttr = (typeof NUMERIC_ATTRS)[number];

export const BOOLEAN_ATTRS = [
  'anc',
  'wireless',
  'wirelessCharging',
  'dedicatedGpu',
  'fiveG',
  'nfc',
  'hdr',
  'touchscreen',
  'waterproof',
  'waterResistant',
] as const satisfies ReadonlyArray<keyof ProductAttrs>;
export type BooleanAttr = (typeof BOOLEAN_ATTRS)[number];

/** Resolutions at least as sharp as `min`. */
export const resolutionsAtLeast = (min: Resolution): Resolution[] => RESOLUTIONS.slice(RESOLUTIONS.indexOf(min));
