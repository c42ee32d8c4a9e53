/** Message wording for `seed:history`: short, plausible turns per domain (English, ElectroMart). */
export const CUSTOMER_TEXT: Record<string, string[]> = {
  sales: [
    'Is the UltraBook 14 in stock?',
    'What is the difference between the two noise-cancelling headphones?',
    'Do you have a 55 inch OLED TV under $1200?',
    'Which phone has the best camera?',
    'Can I get the mirrorless camera with a kit lens?',
  ],
  marketing: [
    'Do you have any promo codes right now?',
    'Does WELCOME10 work on a laptop?',
    'When is your next sale?',
    'Is SUMMER25 still valid?',
  ],
  support: [
    'My earbuds will not pair with my phone.',
    'How do I return a TV I bought last week?',
    'My laptop screen flickers, is that covered by warranty?',
    'I want a refund, the speaker arrived broken.',
    'The smart plug keeps disconnecting from wifi.',
  ],
  logistics: [
    'Where is my order EM-10001?',
    'How long does standard shipping take?',
    'Can I change my delivery address?',
    'My parcel says delivered but I did not get it.',
    'Is express shipping available to Chicago?',
  ],
  general: ['Hi, are you a real person?', 'What are your opening hours?', 'Thanks, that is all.'],
};

export const BOT_TEXT: Record<string, string[]> = {
  sales: [
    'Yes, it is in stock with 12 units available at $1,099.',
    'The premium model adds adaptive noise cancelling and 30-hour battery life.',
    'We have two 55" OLED models under $1,200; here are the details.',
  ],
  marketing: ['WELCOME10 gives 10% off a first order.', 'SUMMER25 has expired, but WELCOME10 is active for new customers.'],
  support: [
    'You can return items within 30 days of delivery; here is how to start a return.',
    'Every product has a 12-month standard warranty; screen defects are covered.',
    'Try resetting the pairing: hold the case button for 10 seconds, then pair again.',
  ],
  logistics: [
    'Order EM-10001 has shipped with UPS, tracking 1Z999AA10123456784.',
    'Standard shipping takes 3–5 business days and is free over $50.',
    'Express shipping takes 1–2 business days for $14.99.',
  ],
  general: ["I'm ElectroMart's virtual assistant. How can I help?", 'Glad I could help. Have a great day!'],
};

export const CLARIFYING_TEXT = 'Could you tell me the order number or the product you mean?';
export const FALLBACK_TEXT = "I'm not sure about that one. Could you rephrase, or shall I bring in a colleague?";
export const HANDOFF_TEXT = 'Connecting you with a member of our team. You are in the queue.';
export const HUMAN_TEXT = [
  "Hi, I'm taking over from the assistant. Let me look into this for you.",
  "I've checked your order and issued a prepaid return label.",
  "I've processed the refund; you'll see it in 3–5 business days.",
  'Thanks for your patience. Anything else I can help with?',
];
export const CUSTOMER_FOLLOWUP = ['Thanks!', 'Okay, that works.', 'Great, thank you for your help.', 'Still waiting…'];

/** Extra console agents so the per-agent table has a realistic team (they cannot log in). */
export const HISTORY_AGENTS = [
  { email: 'maya.lopez@electromart.test', name: 'Maya Lopez' },
  { email: 'jonas.weber@electromart.test', name: 'Jonas Weber' },
  { email: 'priya.shah@electromart.test', name: 'Priya Shah' },
  { email: 'tom.okafor@electromart.test', name: 'Tom Okafor' },
];
