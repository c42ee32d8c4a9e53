// Features of the multilingual intent model: accent-folded words, 5-letter prefixes (German and
// Romance word forms: "zurückgeben/zurückgegeben", "devolver/devolución"), and concept tokens from
// a term map shared by the languages, so "Rücksendung", "devolución" and "retour" meet on one
// feature and what the model learns in one language helps the others.

/** Lower case, accents folded ("Rückgabe" → "ruckgabe", "envío" → "envio"), identifiers as class tokens. */
export function fold(text: string): string {
  return text
    .replace(/\b[\w.+-]+@[\w-]+\.[\w.]+\b/g, ' xemail ')
    .replace(/\bEM-?\d{4,}\b/gi, ' xorder ')
    .replace(/\{product\}/g, ' xproduct ')
    .replace(/\b[A-Z]{3,}\d{1,3}\b/g, ' xcode ')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\$\s?\d[\d.,]*|\d[\d.,]*\s?(?:\$|€|us\$|\$us|euros?|dollars?)/g, ' xprice ');
}

/** Concept → stems in German, Spanish, French (and English, which customers mix in). Matched on folded text. */
const CONCEPTS: Array<[string, RegExp]> = [
  ['return', /\b(zuruck\w*|rucksend\w*|ruckgab\w*|retour\w*|umtausch\w*|devolv\w*|devuelv\w*|devolucion\w*|retourn\w*|renvoy\w*|renvoi\w*|return\w*|send \w+ back)\b/],
  ['refund', /\b(\w*erstatt\w*|geld zuruck|reembols\w*|rembours\w*|refund\w*|mi dinero|mon argent|mein geld)\b/],
  ['warranty', /\b(garanti\w*|gewahrleist\w*|warrant\w*)\b/],
  ['ship', /\b(versand\w*|\w*versand|versend\w*|\w*liefer\w*|zustell\w*|porto|envio\w*|\w*envia\w*|entreg\w*|llega\w*|livr\w*|expedi\w*|port|ship\w*|deliver\w*)\b/],
  ['express', /\b(express\w*|\w*express|expres|schnell\w*|rapid\w*|urgent\w*|eilig\w*)\b/],
  ['standard', /\b(standard\w*|normal\w*|estandar|ordinaire|classique)\b/],
  ['free', /\b(kostenlos\w*|gratis|umsonst|gratuit\w*|free)\b/],
  ['duration', /\b(wie lange|dauer\w*|wann|lange|cuanto tarda|tarda\w*|cuantos dias|cuanto tiempo|plazo|combien de temps|delai\w*|quand|how long|dias|tage\w*|jours)\b/],
  ['cost', /\b(kost\w*|preis\w*|teuer|wie viel|was kostet|cuesta\w*|cuanto|precio\w*|vale|cout\w*|combien|prix|tarif\w*|frais|cobr\w*|how much|price)\b/],
  ['cheaper', /\b(gunstiger|billiger|preisgarantie|preisanpassung|mas barato\w*|igual\w*|moins cher\w*|align\w*|price ?match\w*)\b/],
  ['pay', /\b(bezahl\w*|zahl\w*|paypal|kreditkart\w*|\w*karte|pag\w*|tarjeta\w*|pay\w*|paie\w*|carte\w*|klarna|apple pay)\b/],
  ['contact', /\b(kontakt\w*|telefon\w*|anruf\w*|anrufen|erreich\w*|e-?mail|contact\w*|llam\w*|correo|telephon\w*|appel\w*|joindre|numero|nummer|phone)\b/],
  ['hours', /\b(offnungszeit\w*|geoffnet|uhrzeit\w*|horario\w*|abiert\w*|horaire\w*|ouvert\w*|heures?|hours|uhr|wochenende|fin de semana|week-?end|samstag\w*|sabado\w*|samedi)\b/],
  ['order', /\b(bestell\w*|paket\w*|sendung\w*|pedido\w*|paquete\w*|commande\w*|colis|order\w*|xorder)\b/],
  ['track', /\b(verfolg\w*|sendungsnummer\w*|tracking\w*|wo ist|wo bleibt|status|seguimiento|rastre\w*|donde esta|estado|suivi\w*|ou est|ou en est|suivre|statut|etat)\b/],
  ['promo', /\b(gutschein\w*|rabatt\w*|\w*code|aktion\w*|cupon\w*|codigo\w*|descuento\w*|promo\w*|reduc\w*|bon|coupon\w*|xcode)\b/],
  ['valid', /\b(gultig\w*|gilt|funktion\w*|valid\w*|sirve|vigente|valable\w*|marche|fonctionne\w*|abgelaufen|caduc\w*|expir\w*|usar|utiliser|einlosen|nutzen)\b/],
  ['stock', /\b(lager\w*|verfugbar\w*|vorratig|lieferbar|stock|disponib\w*|existencia\w*|quedan|hay|auf lager|en stock|reste|available)\b/],
  ['person', /\b(mensch\w*|person\w*|mitarbeit\w*|berater\w*|kundenberater\w*|humano\w*|agente\w*|humain\w*|personne\w*|conseill\w*|agent\w*|operador\w*|operat\w*|human|someone|alguien|jemand\w*|quelqu'?un)\b/],
  ['talk', /\b(sprech\w*|rede\w*|verbind\w*|hablar|habl\w*|comunic\w*|pasar\w*|parler|passer|talk|speak)\b/],
  ['greet', /^\s*(hallo|guten (tag|morgen|abend)|servus|moin|hola|buen[oa]s( dias| tardes| noches)?|bonjour|salut|bonsoir|coucou)\b/],
  ['thanks', /\b(danke\w*|vielen dank|gracias|merci|muchas gracias)\b/],
  ['product', /\bxproduct\b/],
];

export function concepts(folded: string): string[] {
  return CONCEPTS.filter(([, re]) => re.test(folded)).map(([c]) => `c:${c}`);
}

/** Features of one message (product names already replaced by `{product}`). */
export function intentFeatures(text: string): string[] {
  const f = fold(text);
  const words = f.match(/[a-z0-9']+/g) ?? [];
  const grams = words.slice(1).map((w, i) => `b:${words[i]}_${w}`);
  const prefixes = words.filter((w) => w.length > 5).map((w) => `p:${w.slice(0, 5)}`);
  return [...new Set([...words.map((w) => `w:${w}`), ...grams, ...prefixes, ...concepts(f)])];
}
