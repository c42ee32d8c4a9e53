/** Languages the assistant serves. English is the shop's own; the others are its main markets. */
export const LANGUAGES = ['en', 'de', 'es', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const isLang = (s: unknown): s is Lang => typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);

/** BCP 47 locale used for numbers, prices and dates in each language. */
export const LOCALE: Record<Lang, string> = { en: 'en-US', de: 'de-DE', es: 'es-ES', fr: 'fr-FR' };

/** English names, for the (fixed) system prompt of a network model. */
export const LANGUAGE_NAME: Record<Lang, string> = { en: 'English', de: 'German', es: 'Spanish', fr: 'French' };
