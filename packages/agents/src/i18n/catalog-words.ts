import type { CatalogQuery } from '@em/db/queries/catalog-search';
import { fold } from './concepts';

/**
 * Product words in German, Spanish and French (matched on folded text, see concepts.ts): which
 * category, kind or feature a foreign-language shopping question names. The English path reads
 * these from the catalog's own terms; the catalog is English, so the other languages need a map.
 */
const CATEGORIES: Array<[RegExp, string]> = [
  [/\b(laptops?|notebooks?|portatil(es)?|ordinateurs? portables?|pc portables?)\b/, 'laptops'],
  [/\b(handys?|smartphones?|moviles?|celular(es)?|telephones? portables?|iphones?)\b/, 'phones'],
  [/\b(fernseh\w*|televisor(es)?|televisions?|televiseurs?|teles?|tvs?)\b/, 'tvs'],
  [/\b(kopfhorer\w*|ohrhorer\w*|lautsprecher\w*|auricular(es)?|cascos|altavo(z|ces)|casques?|ecouteurs?|enceintes?|soundbars?|barras? de sonido|barres? de son)\b/, 'audio'],
  [/\b(kameras?|camaras?|cameras?|appareils? photo)\b/, 'cameras'],
  [/\b(smart ?home|hogar inteligente|domotique|maison connectee|thermostat\w*|termostato\w*|bombillas?|gluhbirne\w*|ampoules?|turklingel\w*|timbres?|sonnettes?)\b/, 'smart-home'],
  [/\b(tablets?|tabletas?|tablettes?|e-?readers?|lectores? electronicos?|liseuses?)\b/, 'tablets'],
  [/\b(smartwatch\w*|relojes? inteligentes?|montres? connectees?|fitness-?tracker\w*|pulseras? de actividad)\b/, 'wearables'],
  [/\b(spielkonsole\w*|konsolen?|consolas?|consoles?|manettes?|mandos?)\b/, 'gaming'],
  [/\b(ladegerat\w*|ladekabel\w*|cargador(es)?|chargeurs?|hullen?|fundas?|coques?|tastatur\w*|teclados?|claviers?|maus|raton(es)?|souris)\b/, 'accessories'],
];

const KINDS: Array<[RegExp, string]> = [[/\b(drohnen?|drones?|dron(es)?)\b/, 'drone']];

const FEATURES: Array<[RegExp, keyof NonNullable<CatalogQuery['filters']>]> = [
  [/\b(gerauschunterdruck\w*|noise ?cancel\w*|anc|cancelacion de ruido|reduccion de ruido|reduction de bruit|antibruit)\b/, 'anc'],
  [/\b(wasserdicht\w*|impermeable\w*|etanche\w*)\b/, 'waterproof'],
  [/\b(kabellos\w*|inalambric\w*|sans fil)\b/, 'wireless'],
];

/** The catalog query a German, Spanish or French message implies, or undefined when it names no product kind. */
export function foreignCatalogQuery(text: string): CatalogQuery | undefined {
  const f = fold(text);
  const category = CATEGORIES.find(([re]) => re.test(f))?.[1];
  const kinds = KINDS.filter(([re]) => re.test(f)).map(([, k]) => k);
  if (!category && !kinds.length) return undefined;
  const features = FEATURES.filter(([re]) => re.test(f)).map(([, k]) => [k, true] as const);
  return {
    ...(category ? { category } : {}),
    ...(kinds.length ? { kinds } : {}),
    ...(features.length ? { filters: Object.fromEntries(features) } : {}),
  };
}
