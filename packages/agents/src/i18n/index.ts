// What other packages (the eval harness, the platform) use of the language support.
export { detectLanguage, nextLanguage, type Detection, type LanguageMemory, type LanguageStep } from './detect';
export { formatDate, formatMoney, SHOP_CURRENCY } from './format';
export { renderFact } from './kb-facts';
export { LANGUAGES, LANGUAGE_NAME, LOCALE, isLang, type Lang } from './languages';
