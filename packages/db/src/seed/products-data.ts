// The ElectroMart demo catalog. Brands and models are fictional; prices are in cents (USD).
// Three products are deliberately out of stock (stock 0) so the sales agent has to handle
// "sold out" answers: Voltra WorkPro 16, Kestrel Vantage Z8 and Orbix Nova Console.
// A few pairs exist on purpose for comparison questions: Voltra UltraBook 14 vs Aurelia AirBook 14,
// Nimbus X5 vs Kestrel K9 Pro, Aurelia SoundHalo ANC vs Sable Hush Pro.

export interface ProductSeed {
  sku: string;
  name: string;
  brand: string;
  category:
    | 'laptops'
    | 'phones'
    | 'tvs'
    | 'audio'
    | 'cameras'
    | 'smart-home'
    | 'accessories'
    | 'tablets'
    | 'wearables'
    | 'gaming';
  priceCents: number;
  stock: number;
  description: string;
  specs: Record<string, string>;
  rating: number /* 1.0-5.0 one decimal */;
}

export const PRODUCTS: ProductSeed[] = [
  // ───────────── laptops ─────────────
  {
    sku: 'EM-LAP-001',
    name: 'Voltra UltraBook 14',
    brand: 'Voltra',
    category: 'laptops',
    priceCents: 109900,
    stock: 34,
    description:
      'A thin aluminum 14-inch ultrabook with a vivid OLED display and all-day battery life. It is built for people who work on the go and want a light machine that still handles heavy multitasking.',
    specs: {
      screen: '14" OLED, 2880x1800, 90 Hz',
      cpu: '10-core, up to 4.9 GHz',
      ram: '16 GB LPDDR5X',
      storage: '1 TB NVMe SSD',
      battery: 'Up to 15 hours (70 Wh)',
      weight: '1.25 kg',
      ports: '2x USB-C 40 Gbps, 1x USB-A, headphone jack',
    },
    rating: 4.6,
  },
  {
    sku: 'EM-LAP-002',
    name: 'Aurelia AirBook 14',
    brand: 'Aurelia',
    category: 'laptops',
    priceCents: 104900,
    stock: 27,
    description:
      'The Aurelia AirBook 14 is a fanless, silent laptop with a bright 120 Hz screen and exceptional battery life. It trades the OLED panel and some storage of pricier rivals for longer runtime and a lighter chassis.',
    specs: {
      screen: '14" IPS, 2560x1600, 120 Hz, 500 nits',
      cpu: '12-core, up to 4.7 GHz (fanless)',
      ram: '16 GB LPDDR5',
      storage: '512 GB NVMe SSD',
      battery: 'Up to 18 hours (66 Wh)',
      weight: '1.19 kg',
    },
    rating: 4.5,
  },
  {
    sku: 'EM-LAP-003',
    name: 'Kestrel Strike 16',
    brand: 'Kestrel',
    category: 'laptops',
    priceCents: 179900,
    stock: 12,
    description:
      'A 16-inch gaming laptop with a 240 Hz QHD+ display and a dedicated graphics card that runs modern games at high settings. The vapor-chamber cooling keeps it stable under long sessions, and the per-key RGB keyboard is fully customizable.',
    specs: {
      screen: '16" IPS, 2560x1600, 240 Hz',
      cpu: '14-core, up to 5.2 GHz',
      gpu: 'Dedicated 8 GB GDDR6',
      ram: '32 GB DDR5',
      storage: '1 TB NVMe SSD',
      battery: 'Up to 6 hours (90 Wh)',
      weight: '2.4 kg',
    },
    rating: 4.4,
  },
  {
    sku: 'EM-LAP-004',
    name: 'Lumio StudyMate 15',
    brand: 'Lumio',
    category: 'laptops',
    priceCents: 54900,
    stock: 88,
    description:
      'An affordable 15.6-inch laptop for students, with a full-size keyboard, number pad and a webcam privacy shutter. It handles documents, video calls and streaming comfortably and costs well under $600.',
    specs: {
      screen: '15.6" IPS, 1920x1080, 60 Hz',
      cpu: '6-core, up to 4.3 GHz',
      ram: '8 GB DDR4',
      storage: '256 GB NVMe SSD',
      battery: 'Up to 10 hours',
      weight: '1.7 kg',
    },
    rating: 4.1,
  },
  {
    sku: 'EM-LAP-005',
    name: 'Voltra WorkPro 16',
    brand: 'Voltra',
    category: 'laptops',
    priceCents: 149900,
    stock: 0,
    description:
      'A 16-inch creator laptop with a color-accurate mini-LED display, 32 GB of memory and 2 TB of storage for photo and video editing. It is currently out of stock; the Voltra UltraBook 14 is the closest alternative in the range.',
    specs: {
      screen: '16" mini-LED, 3200x2000, 120 Hz, 100% DCI-P3',
      cpu: '16-core, up to 5.0 GHz',
      gpu: 'Dedicated 6 GB GDDR6',
      ram: '32 GB LPDDR5X',
      storage: '2 TB NVMe SSD',
      battery: 'Up to 12 hours (84 Wh)',
      weight: '2.0 kg',
    },
    rating: 4.7,
  },
  {
    sku: 'EM-LAP-006',
    name: 'Nimbus CloudBook 13',
    brand: 'Nimbus',
    category: 'laptops',
    priceCents: 32900,
    stock: 45,
    description:
      'A compact 13.3-inch cloud laptop that boots in seconds and is ideal for web browsing, homework and email. It is the lightest and least expensive laptop ElectroMart sells.',
    specs: {
      screen: '13.3" IPS, 1920x1080',
      cpu: '4-core, up to 3.4 GHz',
      ram: '4 GB LPDDR4X',
      storage: '64 GB eMMC',
      battery: 'Up to 12 hours',
      weight: '1.1 kg',
    },
    rating: 3.9,
  },

  // ───────────── phones ─────────────
  {
    sku: 'EM-PHN-001',
    name: 'Nimbus X5',
    brand: 'Nimbus',
    category: 'phones',
    priceCents: 79900,
    stock: 64,
    description:
      'The Nimbus X5 is a flagship smartphone with a 120 Hz OLED screen, a dependable 50 MP camera and five years of software updates. It is compact enough for one-handed use and charges to 50% in 25 minutes.',
    specs: {
      screen: '6.3" OLED, 2400x1080, 120 Hz',
      cpu: '8-core flagship chip',
      ram: '8 GB',
      storage: '256 GB',
      battery: '4,700 mAh, 45 W wired, 15 W wireless',
      camera: '50 MP main + 12 MP ultrawide, 12 MP selfie',
      connectivity: '5G, Wi-Fi 7, Bluetooth 5.4, NFC',
    },
    rating: 4.5,
  },
  {
    sku: 'EM-PHN-002',
    name: 'Kestrel K9 Pro',
    brand: 'Kestrel',
    category: 'phones',
    priceCents: 84900,
    stock: 41,
    description:
      'A camera-first flagship with three rear lenses including a 3x telephoto, a large 6.5-inch display and very fast 65 W charging. It costs a little more than the Nimbus X5 but adds zoom, more memory and a bigger battery.',
    specs: {
      screen: '6.5" LTPO OLED, 2780x1260, 1-120 Hz',
      cpu: '8-core flagship chip',
      ram: '12 GB',
      storage: '256 GB',
      battery: '5,000 mAh, 65 W wired, 30 W wireless',
      camera: '50 MP main + 48 MP ultrawide + 12 MP 3x telephoto',
      connectivity: '5G, Wi-Fi 7, Bluetooth 5.4, NFC',
    },
    rating: 4.6,
  },
  {
    sku: 'EM-PHN-003',
    name: 'Nimbus Lite 4',
    brand: 'Nimbus',
    category: 'phones',
    priceCents: 34900,
    stock: 110,
    description:
      'A budget-friendly phone with a big 6.5-inch screen and a two-day battery. It covers the essentials well: messaging, social media, maps and casual photos.',
    specs: {
      screen: '6.5" LCD, 1600x720, 90 Hz',
      ram: '6 GB',
      storage: '128 GB + microSD slot',
      battery: '5,000 mAh, 18 W',
      camera: '48 MP main + 2 MP macro',
      connectivity: '5G, Wi-Fi 5, Bluetooth 5.1',
    },
    rating: 4.2,
  },
  {
    sku: 'EM-PHN-004',
    name: 'Aurelia Flexa',
    brand: 'Aurelia',
    category: 'phones',
    priceCents: 159900,
    stock: 9,
    description:
      'A book-style foldable phone that opens into a 7.6-inch tablet-sized screen for reading, multitasking and video. The hinge is rated for 400,000 folds and the cover screen works like a normal phone when closed.',
    specs: {
      screen: '7.6" inner OLED + 6.2" cover OLED, 120 Hz',
      ram: '12 GB',
      storage: '512 GB',
      battery: '4,400 mAh, 25 W',
      camera: '50 MP main + 12 MP ultrawide + 10 MP 3x telephoto',
      weight: '239 g',
    },
    rating: 4.0,
  },
  {
    sku: 'EM-PHN-005',
    name: 'Orbix Rugged R2',
    brand: 'Orbix',
    category: 'phones',
    priceCents: 42900,
    stock: 23,
    description:
      'A rugged phone built to survive drops, dust and water, with a huge 6,500 mAh battery that lasts up to three days. It is popular with builders, hikers and anyone who is hard on their devices.',
    specs: {
      screen: '6.1" LCD, 2340x1080, toughened glass',
      ram: '8 GB',
      storage: '128 GB + microSD slot',
      battery: '6,500 mAh, 33 W',
      durability: 'IP68 / IP69, 1.8 m drop tested',
      weight: '290 g',
    },
    rating: 4.3,
  },

  // ───────────── tvs ─────────────
  {
    sku: 'EM-TV-001',
    name: 'Lumio Horizon 55',
    brand: 'Lumio',
    category: 'tvs',
    priceCents: 64900,
    stock: 38,
    description:
      'A 55-inch 4K smart TV with HDR support and built-in streaming apps at a friendly price. It is a great first 4K TV for a living room or bedroom.',
    specs: {
      screen: '55" 4K LED (3840x2160), 60 Hz',
      hdr: 'HDR10, HLG',
      audio: '2x 10 W speakers',
      ports: '3x HDMI 2.0 (1 eARC), 2x USB',
      connectivity: 'Wi-Fi 5, Bluetooth 5.0',
    },
    rating: 4.3,
  },
  {
    sku: 'EM-TV-002',
    name: 'Lumio Horizon 65 OLED',
    brand: 'Lumio',
    category: 'tvs',
    priceCents: 189900,
    stock: 14,
    description:
      'A 65-inch OLED TV with perfect blacks, wide viewing angles and a 120 Hz panel for films, sport and gaming. Four HDMI 2.1 ports support 4K at 120 fps from modern consoles.',
    specs: {
      screen: '65" 4K OLED (3840x2160), 120 Hz',
      hdr: 'HDR10+, HLG',
      audio: '2.1 channel, 40 W',
      ports: '4x HDMI 2.1 (1 eARC), 2x USB',
      connectivity: 'Wi-Fi 6, Bluetooth 5.2',
      gaming: 'VRR, ALLM, 0.1 ms response',
    },
    rating: 4.8,
  },
  {
    sku: 'EM-TV-003',
    name: 'Halden CinemaMax 85',
    brand: 'Halden',
    category: 'tvs',
    priceCents: 249900,
    stock: 6,
    description:
      'An 85-inch mini-LED TV for a true home-cinema experience, with 2,000 local dimming zones and very high brightness for bright rooms. It is the largest TV in the ElectroMart range.',
    specs: {
      screen: '85" 4K mini-LED (3840x2160), 120 Hz',
      hdr: 'HDR10+, HLG, up to 2,000 nits',
      audio: '2.1 channel, 60 W',
      ports: '4x HDMI 2.1 (1 eARC), 2x USB',
      connectivity: 'Wi-Fi 6, Bluetooth 5.2',
      weight: '42 kg without stand',
    },
    rating: 4.7,
  },
  {
    sku: 'EM-TV-004',
    name: 'Halden Compact 32',
    brand: 'Halden',
    category: 'tvs',
    priceCents: 19900,
    stock: 72,
    description:
      'A 32-inch Full HD smart TV sized for kitchens, dorm rooms and guest bedrooms. It includes the main streaming apps and can be wall-mounted with a standard 100x100 bracket.',
    specs: {
      screen: '32" Full HD LED (1920x1080), 60 Hz',
      audio: '2x 8 W speakers',
      ports: '2x HDMI, 1x USB',
      connectivity: 'Wi-Fi 5',
      mount: 'VESA 100x100',
    },
    rating: 4.0,
  },
  {
    sku: 'EM-TV-005',
    name: 'Halden Arena 50',
    brand: 'Halden',
    category: 'tvs',
    priceCents: 59900,
    stock: 11,
    description:
      'A 50-inch 4K TV tuned for gaming, with a 144 Hz panel, very low input lag and a game bar for quick settings. It also makes a capable everyday smart TV.',
    specs: {
      screen: '50" 4K LED (3840x2160), 144 Hz',
      hdr: 'HDR10, HLG',
      ports: '2x HDMI 2.1, 1x HDMI 2.0 (eARC), 2x USB',
      gaming: 'VRR, ALLM, 5.8 ms input lag',
      connectivity: 'Wi-Fi 6, Bluetooth 5.1',
    },
    rating: 4.4,
  },

  // ───────────── audio ─────────────
  {
    sku: 'EM-AUD-001',
    name: 'Aurelia SoundHalo ANC',
    brand: 'Aurelia',
    category: 'audio',
    priceCents: 27900,
    stock: 52,
    description:
      'Over-ear wireless headphones with adaptive active noise cancelling and a warm, detailed sound. They fold flat, connect to two devices at once and last 30 hours with noise cancelling on.',
    specs: {
      type: 'Over-ear, closed back',
      noiseCancelling: 'Adaptive ANC + transparency mode',
      battery: '30 hours (ANC on)',
      connectivity: 'Bluetooth 5.3, multipoint, 3.5 mm cable',
      weight: '250 g',
    },
    rating: 4.6,
  },
  {
    sku: 'EM-AUD-002',
    name: 'Sable Hush Pro',
    brand: 'Sable',
    category: 'audio',
    priceCents: 29900,
    stock: 33,
    description:
      'Premium noise-cancelling headphones with a hi-res wireless codec and an exceptionally long 40-hour battery. They cost a little more than the Aurelia SoundHalo ANC and are slightly heavier, but last longer per charge.',
    specs: {
      type: 'Over-ear, closed back',
      noiseCancelling: 'Hybrid ANC with 8 microphones',
      battery: '40 hours (ANC on), 5 min charge = 4 hours',
      connectivity: 'Bluetooth 5.3, hi-res codec, USB-C audio',
      weight: '265 g',
    },
    rating: 4.5,
  },
  {
    sku: 'EM-AUD-003',
    name: 'Aurelia Petal Buds',
    brand: 'Aurelia',
    category: 'audio',
    priceCents: 14900,
    stock: 95,
    description:
      'True wireless earbuds with noise cancelling, a small pebble-shaped charging case and three sizes of ear tips. They are sweat resistant, so they work for the gym as well as the commute.',
    specs: {
      type: 'True wireless in-ear',
      noiseCancelling: 'ANC + transparency mode',
      battery: '8 hours + 24 hours in the case',
      water: 'IPX4',
      connectivity: 'Bluetooth 5.3',
    },
    rating: 4.3,
  },
  {
    sku: 'EM-AUD-004',
    name: 'Halden ThunderBar 5.1',
    brand: 'Halden',
    category: 'audio',
    priceCents: 44900,
    stock: 19,
    description:
      'A 5.1-channel soundbar with a wireless subwoofer and two rear speakers for surround sound from any TV. It connects with a single HDMI eARC cable and includes a night mode and dialogue boost.',
    specs: {
      channels: '5.1',
      power: '400 W total',
      ports: 'HDMI eARC, optical, USB',
      connectivity: 'Bluetooth 5.0, Wi-Fi',
      subwoofer: 'Wireless, 6.5" driver',
    },
    rating: 4.4,
  },
  {
    sku: 'EM-AUD-005',
    name: 'Sable Pebble Go',
    brand: 'Sable',
    category: 'audio',
    priceCents: 7999,
    stock: 120,
    description:
      'A pocket-sized Bluetooth speaker that is waterproof, dustproof and floats. It delivers surprisingly full sound for its size and lasts 12 hours on a charge.',
    specs: {
      power: '10 W',
      battery: '12 hours',
      water: 'IP67, floats',
      connectivity: 'Bluetooth 5.3, stereo pairing',
      weight: '310 g',
    },
    rating: 4.2,
  },
  {
    sku: 'EM-AUD-006',
    name: 'Halden Studio Monitor 5',
    brand: 'Halden',
    category: 'audio',
    priceCents: 34900,
    stock: 15,
    description:
      'A pair of powered bookshelf speakers with 5-inch woofers for music production, turntables and desktop listening. They accept analog, optical and Bluetooth sources, so no separate amplifier is needed.',
    specs: {
      type: 'Powered bookshelf pair',
      drivers: '5" woofer + 1" silk tweeter per speaker',
      power: '2x 50 W',
      inputs: 'RCA, 3.5 mm, optical, Bluetooth 5.0',
      frequencyResponse: '48 Hz - 22 kHz',
    },
    rating: 4.5,
  },
  {
    sku: 'EM-AUD-007',
    name: 'Sable Basics Earphones',
    brand: 'Sable',
    category: 'audio',
    priceCents: 1999,
    stock: 105,
    description:
      'Simple wired in-ear earphones with an inline microphone and volume buttons. Available with a USB-C plug, they are a cheap spare pair for phones and laptops.',
    specs: {
      type: 'Wired in-ear',
      connector: 'USB-C',
      cable: '1.2 m, tangle-resistant',
      microphone: 'Inline with 3 buttons',
    },
    rating: 4.0,
  },

  // ───────────── cameras ─────────────
  {
    sku: 'EM-CAM-001',
    name: 'Kestrel Vantage Z8',
    brand: 'Kestrel',
    category: 'cameras',
    priceCents: 219900,
    stock: 0,
    description:
      'A professional full-frame mirrorless camera body with a 45 MP sensor, 8K video and in-body stabilization. It is currently out of stock; the Kestrel Vantage Z5 is available as a lighter, more affordable option.',
    specs: {
      sensor: '45 MP full-frame',
      video: '8K 30 fps, 4K 120 fps',
      stabilization: '5-axis IBIS, up to 8 stops',
      autofocus: 'Subject detection (people, animals, vehicles)',
      weight: '738 g (body)',
      battery: 'About 400 shots',
    },
    rating: 4.9,
  },
  {
    sku: 'EM-CAM-002',
    name: 'Kestrel Vantage Z5',
    brand: 'Kestrel',
    category: 'cameras',
    priceCents: 89900,
    stock: 21,
    description:
      'An APS-C mirrorless camera sold with an 18-55 mm kit lens, ideal for a first step up from a phone camera. It has a flip-out screen for vlogging and shoots 4K video at 60 fps.',
    specs: {
      sensor: '26 MP APS-C',
      lens: '18-55 mm kit lens included',
      video: '4K 60 fps',
      screen: '3" flip-out touchscreen',
      weight: '480 g (body)',
    },
    rating: 4.5,
  },
  {
    sku: 'EM-CAM-003',
    name: 'Orbix Trek Action Cam',
    brand: 'Orbix',
    category: 'cameras',
    priceCents: 24900,
    stock: 47,
    description:
      'A tough action camera that is waterproof to 10 meters without a case and has strong electronic stabilization. It comes with two batteries and a helmet mount.',
    specs: {
      video: '5.3K 60 fps, 4K 120 fps',
      photo: '27 MP',
      water: 'Waterproof to 10 m',
      stabilization: 'Electronic, horizon levelling',
      battery: '2x 1,700 mAh included',
    },
    rating: 4.3,
  },
  {
    sku: 'EM-CAM-004',
    name: 'Lumio Retro Instant Camera',
    brand: 'Lumio',
    category: 'cameras',
    priceCents: 8999,
    stock: 60,
    description:
      'A fun instant camera that prints credit-card-sized photos in seconds. It has a selfie mirror and automatic exposure, which makes it a popular gift.',
    specs: {
      print: '54 x 86 mm instant film',
      lens: '60 mm, f/12.7',
      flash: 'Automatic',
      power: '2x AA batteries',
    },
    rating: 4.1,
  },
  {
    sku: 'EM-CAM-005',
    name: 'Kestrel SkyLark Drone',
    brand: 'Kestrel',
    category: 'cameras',
    priceCents: 49900,
    stock: 17,
    description:
      'A lightweight camera drone under 250 g that records stabilised 4K video from a 3-axis gimbal. Obstacle sensors and automatic return-to-home make it a good first drone.',
    specs: {
      camera: '48 MP, 4K 60 fps, 3-axis gimbal',
      flightTime: 'Up to 34 minutes',
      range: 'Up to 10 km video transmission',
      weight: '249 g',
      safety: 'Forward/backward obstacle sensing, return-to-home',
    },
    rating: 4.4,
  },

  // ───────────── smart-home ─────────────
  {
    sku: 'EM-SMH-001',
    name: 'Havena Glow Smart Bulb 4-Pack',
    brand: 'Havena',
    category: 'smart-home',
    priceCents: 3999,
    stock: 115,
    description:
      'Four color smart bulbs with 16 million colors and tunable white light, controlled from the Havena app or by voice. They connect directly over Wi-Fi or Bluetooth, so no hub is required.',
    specs: {
      brightness: '800 lumens (60 W equivalent)',
      fitting: 'E26 / E27',
      colors: '16 million + 2,200-6,500 K white',
      connectivity: 'Wi-Fi 2.4 GHz, Bluetooth, Matter-compatible',
      lifetime: '25,000 hours',
    },
    rating: 4.2,
  },
  {
    sku: 'EM-SMH-002',
    name: 'Havena Home Speaker',
    brand: 'Havena',
    category: 'smart-home',
    priceCents: 9900,
    stock: 56,
    description:
      'A smart speaker with a built-in voice assistant and a Zigbee hub that controls lights, plugs and sensors. It also plays music in every room when grouped with other Havena speakers.',
    specs: {
      audio: '3" woofer + 2 tweeters',
      hub: 'Built-in Zigbee and Matter controller',
      microphones: '4 far-field mics with mute switch',
      connectivity: 'Wi-Fi 6, Bluetooth 5.2',
    },
    rating: 4.1,
  },
  {
    sku: 'EM-SMH-003',
    name: 'Havena DoorView Doorbell',
    brand: 'Havena',
    category: 'smart-home',
    priceCents: 17900,
    stock: 29,
    description:
      'A video doorbell with 2K head-to-toe video, two-way talk and package detection. It can run on its rechargeable battery or be wired to an existing doorbell.',
    specs: {
      video: '2K, 1536x1536, 150° field of view',
      power: 'Battery (up to 6 months) or wired 16-24 V AC',
      features: 'Package and person detection, night vision',
      connectivity: 'Wi-Fi 2.4 / 5 GHz',
      storage: 'Local microSD or optional cloud plan',
    },
    rating: 4.3,
  },
  {
    sku: 'EM-SMH-004',
    name: 'Havena ClimaSense Thermostat',
    brand: 'Havena',
    category: 'smart-home',
    priceCents: 19900,
    stock: 24,
    description:
      'A learning smart thermostat that builds a heating and cooling schedule from your habits and shows your energy use in the app. Most homes can install it themselves in about 30 minutes.',
    specs: {
      display: '2.4" color touchscreen',
      compatibility: 'Most 24 V heating and cooling systems, C-wire adapter included',
      sensors: 'Temperature, humidity, occupancy',
      connectivity: 'Wi-Fi 2.4 GHz, Matter-compatible',
    },
    rating: 4.4,
  },
  {
    sku: 'EM-SMH-005',
    name: 'Lumio Sentry Indoor Camera',
    brand: 'Lumio',
    category: 'smart-home',
    priceCents: 5999,
    stock: 68,
    description:
      'A pan-and-tilt indoor security camera with 2K video and a privacy mode that physically hides the lens. It sends motion alerts to your phone and records to a microSD card.',
    specs: {
      video: '2K, 360° pan / 110° tilt',
      nightVision: 'Infrared, up to 10 m',
      audio: 'Two-way talk',
      storage: 'microSD up to 256 GB',
      connectivity: 'Wi-Fi 2.4 GHz',
    },
    rating: 4.0,
  },
  {
    sku: 'EM-SMH-006',
    name: 'Havena Smart Plug 2-Pack',
    brand: 'Havena',
    category: 'smart-home',
    priceCents: 2999,
    stock: 100,
    description:
      'Two compact smart plugs that let you schedule lamps and appliances and switch them from anywhere. Each plug also measures energy use so you can find power-hungry devices.',
    specs: {
      maxLoad: '15 A / 1,800 W',
      features: 'Schedules, timers, away mode, energy monitoring',
      connectivity: 'Wi-Fi 2.4 GHz, Matter-compatible',
      size: '52 x 38 x 36 mm',
    },
    rating: 4.3,
  },
  {
    sku: 'EM-SMH-007',
    name: 'Havena Sweep Robot Vacuum',
    brand: 'Havena',
    category: 'smart-home',
    priceCents: 34900,
    stock: 18,
    description:
      'A robot vacuum with laser navigation that maps every room and cleans in neat rows. Strong 3,000 Pa suction handles carpets and pet hair, and it returns to its dock to recharge.',
    specs: {
      suction: '3,000 Pa',
      navigation: 'Lidar room mapping, no-go zones',
      battery: 'Up to 180 minutes',
      dustbin: '450 ml',
      connectivity: 'Wi-Fi 2.4 GHz, app and voice control',
    },
    rating: 4.2,
  },

  // ───────────── accessories ─────────────
  {
    sku: 'EM-ACC-001',
    name: 'Tidewell Voyager 20000 Power Bank',
    brand: 'Tidewell',
    category: 'accessories',
    priceCents: 4999,
    stock: 90,
    description:
      'A 20,000 mAh power bank that can charge a phone four times or top up a USB-C laptop. It has two USB-C ports and one USB-A port and is allowed in airline carry-on luggage.',
    specs: {
      capacity: '20,000 mAh (74 Wh)',
      output: 'Up to 65 W USB-C Power Delivery',
      ports: '2x USB-C, 1x USB-A',
      recharge: 'About 2.5 hours with a 65 W charger',
      weight: '380 g',
    },
    rating: 4.6,
  },
  {
    sku: 'EM-ACC-002',
    name: 'Voltra 7-in-1 USB-C Hub',
    brand: 'Voltra',
    category: 'accessories',
    priceCents: 3999,
    stock: 75,
    description:
      'A slim aluminum USB-C hub that adds HDMI, card readers and extra USB ports to thin laptops. It passes through up to 100 W of charging power.',
    specs: {
      ports: 'HDMI 4K60, 2x USB-A, USB-C data, SD, microSD, USB-C PD in',
      charging: '100 W pass-through',
      cable: '15 cm integrated',
      weight: '65 g',
    },
    rating: 4.4,
  },
  {
    sku: 'EM-ACC-003',
    name: 'Tidewell 100W GaN Charger',
    brand: 'Tidewell',
    category: 'accessories',
    priceCents: 5999,
    stock: 62,
    description:
      'A compact three-port wall charger that can power a laptop, phone and earbuds at the same time. Its gallium nitride design makes it about half the size of a typical laptop brick.',
    specs: {
      output: '100 W max (single port)',
      ports: '2x USB-C, 1x USB-A',
      plug: 'Foldable US plug',
      size: '66 x 66 x 32 mm',
    },
    rating: 4.5,
  },
  {
    sku: 'EM-ACC-004',
    name: 'Voltra Silent Wireless Mouse',
    brand: 'Voltra',
    category: 'accessories',
    priceCents: 2499,
    stock: 110,
    description:
      'A quiet wireless mouse with near-silent clicks and a comfortable contoured shape. It pairs over Bluetooth or its USB receiver and runs for up to 18 months on one AA battery.',
    specs: {
      connectivity: 'Bluetooth + 2.4 GHz USB receiver',
      dpi: '1,000-4,000 DPI',
      battery: '1x AA, up to 18 months',
      buttons: '5',
    },
    rating: 4.3,
  },
  {
    sku: 'EM-ACC-005',
    name: 'Voltra SlimKeys Keyboard',
    brand: 'Voltra',
    category: 'accessories',
    priceCents: 6999,
    stock: 44,
    description:
      'A low-profile wireless keyboard with backlit keys that can switch between three paired devices at the touch of a button. It charges over USB-C and lasts about a month with the backlight on.',
    specs: {
      layout: 'Full size with number pad, US English',
      connectivity: 'Bluetooth, up to 3 devices',
      backlight: 'White, adjustable',
      battery: 'Rechargeable, about 1 month with backlight',
    },
    rating: 4.4,
  },
  {
    sku: 'EM-ACC-006',
    name: 'Tidewell Braided USB-C Cable 2-Pack',
    brand: 'Tidewell',
    category: 'accessories',
    priceCents: 1999,
    stock: 120,
    description:
      'Two 2-meter braided USB-C to USB-C cables rated for 100 W charging and fast data transfer. The nylon braid and reinforced ends survive more than 20,000 bends.',
    specs: {
      length: '2 m (x2)',
      power: 'Up to 100 W',
      data: 'USB 2.0, 480 Mbps',
      durability: '20,000+ bend tested',
    },
    rating: 4.7,
  },
  {
    sku: 'EM-ACC-007',
    name: 'Lumio ClearView 27 4K Monitor',
    brand: 'Lumio',
    category: 'accessories',
    priceCents: 37900,
    stock: 26,
    description:
      'A 27-inch 4K monitor with accurate colors and a single USB-C cable that carries video, data and 65 W of laptop charging. The stand adjusts for height, tilt and rotation.',
    specs: {
      screen: '27" IPS, 3840x2160, 60 Hz',
      color: '99% sRGB, factory calibrated',
      ports: 'USB-C 65 W, 2x HDMI, DisplayPort, 3x USB-A',
      stand: 'Height, tilt, swivel, pivot',
    },
    rating: 4.5,
  },

  // ───────────── tablets ─────────────
  {
    sku: 'EM-TAB-001',
    name: 'Nimbus Tab 11',
    brand: 'Nimbus',
    category: 'tablets',
    priceCents: 44900,
    stock: 50,
    description:
      'An 11-inch tablet with a smooth 120 Hz display and quad speakers, great for streaming, note-taking and light work. It supports the optional Nimbus stylus and keyboard cover.',
    specs: {
      screen: '11" LCD, 2560x1600, 120 Hz',
      ram: '8 GB',
      storage: '128 GB + microSD',
      battery: '8,000 mAh, up to 13 hours video',
      weight: '480 g',
    },
    rating: 4.4,
  },
  {
    sku: 'EM-TAB-002',
    name: 'Nimbus Tab 13 Pro',
    brand: 'Nimbus',
    category: 'tablets',
    priceCents: 89900,
    stock: 22,
    description:
      'A 13-inch OLED tablet powerful enough to replace a laptop when paired with its keyboard cover. The stylus is included in the box and the display is great for drawing and photo editing.',
    specs: {
      screen: '13" OLED, 2880x1920, 120 Hz',
      ram: '12 GB',
      storage: '256 GB',
      battery: '10,200 mAh, up to 14 hours video',
      accessories: 'Stylus included, keyboard cover sold separately',
      weight: '590 g',
    },
    rating: 4.6,
  },
  {
    sku: 'EM-TAB-003',
    name: 'Aurelia ReadPad E-Reader',
    brand: 'Aurelia',
    category: 'tablets',
    priceCents: 13900,
    stock: 70,
    description:
      'A glare-free 7-inch e-ink reader with a warm front light for reading at night. It is waterproof, holds thousands of books and the battery lasts for weeks.',
    specs: {
      screen: '7" e-ink, 300 ppi, warm light',
      storage: '16 GB',
      water: 'IPX8',
      battery: 'Up to 8 weeks',
      weight: '185 g',
    },
    rating: 4.5,
  },
  {
    sku: 'EM-TAB-004',
    name: 'Lumio KidsTab 8',
    brand: 'Lumio',
    category: 'tablets',
    priceCents: 12900,
    stock: 58,
    description:
      'An 8-inch tablet for children with a shock-absorbing case and parental controls for screen time and apps. It comes with a built-in kickstand and a carry handle.',
    specs: {
      screen: '8" HD IPS, 1280x800',
      ram: '3 GB',
      storage: '32 GB + microSD',
      battery: 'Up to 12 hours',
      case: 'Kid-proof foam case with handle',
    },
    rating: 4.0,
  },

  // ───────────── wearables ─────────────
  {
    sku: 'EM-WRB-001',
    name: 'Sable Pulse Watch 3',
    brand: 'Sable',
    category: 'wearables',
    priceCents: 24900,
    stock: 40,
    description:
      'A sporty smartwatch with built-in GPS, heart-rate and blood-oxygen tracking and more than 100 workout modes. The battery lasts about a week with normal use.',
    specs: {
      screen: '1.4" AMOLED, always-on option',
      sensors: 'Heart rate, SpO2, accelerometer, barometer',
      gps: 'Dual-band GPS',
      battery: 'Up to 7 days',
      water: '5 ATM',
    },
    rating: 4.4,
  },
  {
    sku: 'EM-WRB-002',
    name: 'Veyra Active Band 2',
    brand: 'Veyra',
    category: 'wearables',
    priceCents: 5999,
    stock: 85,
    description:
      'A slim fitness band that tracks steps, sleep and heart rate for two weeks on a charge. It shows phone notifications and is swim-proof.',
    specs: {
      screen: '1.1" AMOLED',
      sensors: 'Heart rate, SpO2, sleep tracking',
      battery: 'Up to 14 days',
      water: '5 ATM',
    },
    rating: 4.1,
  },
  {
    sku: 'EM-WRB-003',
    name: 'Nimbus Watch S',
    brand: 'Nimbus',
    category: 'wearables',
    priceCents: 32900,
    stock: 31,
    description:
      'A premium smartwatch with LTE, so you can take calls and stream music without your phone nearby. It has fall detection, an ECG sensor and works best with Nimbus phones.',
    specs: {
      screen: '1.5" LTPO AMOLED',
      connectivity: 'LTE, Wi-Fi, Bluetooth 5.3, NFC payments',
      sensors: 'Heart rate, ECG, SpO2, skin temperature',
      battery: 'Up to 2 days',
      water: '5 ATM, IP68',
    },
    rating: 4.3,
  },
  {
    sku: 'EM-WRB-004',
    name: 'Veyra Smart Ring',
    brand: 'Veyra',
    category: 'wearables',
    priceCents: 29900,
    stock: 13,
    description:
      'A titanium smart ring that tracks sleep, readiness and heart rate without a screen. A free sizing kit is sent first so you can choose the right fit before the ring ships.',
    specs: {
      material: 'Titanium',
      sensors: 'Heart rate, skin temperature, sleep',
      battery: 'Up to 7 days',
      water: 'Water resistant to 100 m',
      sizes: 'US 6-13',
    },
    rating: 3.8,
  },

  // ───────────── gaming ─────────────
  {
    sku: 'EM-GAM-001',
    name: 'Orbix Nova Console',
    brand: 'Orbix',
    category: 'gaming',
    priceCents: 49900,
    stock: 0,
    description:
      'A next-generation home console that plays games in 4K at up to 120 fps with ray tracing and near-instant loading. It is currently out of stock because of high demand; new units are expected soon.',
    specs: {
      resolution: 'Up to 4K 120 fps, 8K output',
      storage: '1 TB SSD, expandable',
      media: '4K UHD disc drive',
      connectivity: 'Wi-Fi 6, Bluetooth 5.1, Ethernet',
      included: '1 wireless controller',
    },
    rating: 4.8,
  },
  {
    sku: 'EM-GAM-002',
    name: 'Orbix Wireless Controller',
    brand: 'Orbix',
    category: 'gaming',
    priceCents: 6499,
    stock: 80,
    description:
      'The official wireless controller for the Orbix Nova Console, with adaptive triggers and haptic feedback. It also works with PCs over Bluetooth or USB-C.',
    specs: {
      connectivity: 'Bluetooth, USB-C',
      battery: 'Rechargeable, about 12 hours',
      features: 'Adaptive triggers, haptics, built-in mic',
      compatibility: 'Orbix Nova Console, PC',
    },
    rating: 4.5,
  },
  {
    sku: 'EM-GAM-003',
    name: 'Orbix Pocket 7',
    brand: 'Orbix',
    category: 'gaming',
    priceCents: 59900,
    stock: 16,
    description:
      'A handheld gaming PC with a 7-inch 120 Hz screen that plays most PC games on the go. It can be docked to a TV or monitor for bigger-screen play.',
    specs: {
      screen: '7" IPS, 1920x1080, 120 Hz',
      cpu: '8-core with integrated graphics',
      ram: '16 GB LPDDR5',
      storage: '512 GB SSD + microSD',
      battery: '40 Wh, 2-6 hours of play',
      weight: '608 g',
    },
    rating: 4.3,
  },
  {
    sku: 'EM-GAM-004',
    name: 'Sable Raid Gaming Headset',
    brand: 'Sable',
    category: 'gaming',
    priceCents: 11900,
    stock: 48,
    description:
      'A wireless gaming headset with a low-latency 2.4 GHz dongle, virtual 7.1 surround and a detachable noise-reducing microphone. Memory-foam ear cushions stay comfortable for long sessions.',
    specs: {
      connectivity: '2.4 GHz dongle, Bluetooth, 3.5 mm',
      audio: '50 mm drivers, virtual 7.1 surround',
      battery: 'Up to 30 hours',
      microphone: 'Detachable, noise-reducing',
      compatibility: 'PC, Orbix Nova Console, phones',
    },
    rating: 4.2,
  },
  {
    sku: 'EM-GAM-005',
    name: 'Kestrel VisionX VR Headset',
    brand: 'Kestrel',
    category: 'gaming',
    priceCents: 39900,
    stock: 20,
    description:
      'A standalone virtual reality headset that needs no PC or console, with inside-out tracking and two motion controllers. It can also stream PC VR games over Wi-Fi.',
    specs: {
      display: '2064x2208 per eye, 120 Hz',
      storage: '128 GB',
      tracking: 'Inside-out, 6 degrees of freedom, hand tracking',
      battery: '2-3 hours',
      weight: '515 g',
    },
    rating: 4.1,
  },
  {
    sku: 'EM-GAM-006',
    name: 'Voltra Clash Mechanical Keyboard',
    brand: 'Voltra',
    category: 'gaming',
    priceCents: 12900,
    stock: 36,
    description:
      'A hot-swappable mechanical gaming keyboard with per-key RGB lighting and a volume knob. It ships with tactile switches and a detachable USB-C cable.',
    specs: {
      layout: 'Tenkeyless (87 keys), US English',
      switches: 'Hot-swappable tactile',
      lighting: 'Per-key RGB',
      connectivity: 'USB-C wired, 1,000 Hz polling',
    },
    rating: 4.5,
  },
];
