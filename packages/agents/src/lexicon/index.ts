// Public surface of the lexicon module (`@em/agents/lexicon`): vectors, expansion, spelling.
export { loadLexicon, defaultLexiconPath, type Lexicon, type Neighbour, type ExpandOptions } from './lexicon';
export { createSpeller, createShopSpeller, shopVocabulary, type Speller, type SpellerOptions, type ShopSpellerOptions } from './speller';
export { wordTokens, isWord } from './tokens';
export { Flag } from './format';
