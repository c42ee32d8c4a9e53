// Reply templates of the German, Spanish and French offline path. Facts never live here: prices,
// dates, codes and policy figures come from the database rows and the translated KB facts.
import type { Escalation } from '../graph/types';
import type { Lang } from './languages';

export type Foreign = Exclude<Lang, 'en'>;
type OrderStatus = 'processing' | 'shipped' | 'delivered' | 'cancelled';

export interface Texts {
  handoff: Record<Escalation['reason'], string>;
  greeting: string;
  thanks: string;
  /** What the assistant cannot do in this language, said honestly, with the offer of a person. */
  cannot: string;
  askProduct: string;
  status: Record<OrderStatus, string>;
  order(o: { number: string; status: string; items: string; total: string }): string;
  tracking(carrier: string, number: string): string;
  expected(date: string): string;
  deliveredOn(date: string): string;
  notShippedYet: string;
  orderList(lines: string[]): string;
  noOrders: string;
  askOrderAndEmail: string;
  askOrderNumber: string;
  askEmail(number: string): string;
  noMatch(number: string): string;
  tooManyProofs: string;
  notFound(number: string): string;
  promoValid(code: string, percent: number): string;
  promoFirstOrder(code: string): string;
  promoExpired(code: string): string;
  promoUnknown(code: string): string;
  promoList(lines: string[]): string;
  noPromos: string;
  price(name: string, price: string): string;
  inStock(name: string, count: number): string;
  outOfStock(name: string): string;
  /** A few products of the kind asked for (best rated first), one line each. */
  productList(lines: string[]): string;
  /** Nothing of that kind (with those features) in the catalog. */
  noProducts: string;
}

export const TEXTS: Record<Foreign, Texts> = {
  de: {
    handoff: {
      customer_request: 'Gern — ich verbinde Sie mit einer Person aus unserem Support-Team.',
      negative_sentiment: 'Das tut mir sehr leid. Ich verbinde Sie mit einer Person aus unserem Support-Team, die sich darum kümmert.',
      ai_failed: 'Entschuldigung, das konnte ich nicht richtig beantworten. Ich verbinde Sie mit einer Person aus unserem Support-Team.',
      policy: 'Das muss eine Person aus unserem Support-Team klären — ich verbinde Sie jetzt.',
    },
    greeting: 'Hallo! Wie kann ich Ihnen helfen? Ich beantworte Fragen zu Rückgabe, Erstattung, Garantie, Versand, Bestellungen, Gutscheinen und Produkten.',
    thanks: 'Gern geschehen! Kann ich sonst noch etwas für Sie tun?',
    cannot: 'Das kann ich auf Deutsch leider noch nicht beantworten. Ich helfe Ihnen gern bei Rückgabe, Erstattung, Garantie, Versand und Lieferzeiten, Preisgarantie, Zahlungsarten, Kontakt und Servicezeiten, Ihrer Bestellung, Gutscheinen sowie Preis und Verfügbarkeit von Produkten. Oder soll ich Sie mit einer Person aus unserem Team verbinden?',
    askProduct: 'Welches Produkt meinen Sie? Nennen Sie mir bitte den Produktnamen.',
    status: { processing: 'in Bearbeitung (noch nicht versandt)', shipped: 'versandt und unterwegs', delivered: 'zugestellt', cancelled: 'storniert' },
    order: (o) => `Die Bestellung ${o.number} (${o.items}, Summe ${o.total}) ist ${o.status}.`,
    tracking: (c, n) => `Sie ist mit ${c} unterwegs, Sendungsnummer ${n}.`,
    expected: (d) => `Voraussichtliche Lieferung: ${d}.`,
    deliveredOn: (d) => `Sie wurde am ${d} zugestellt.`,
    notShippedYet: 'Sie ist noch nicht versandt und kann noch kostenlos geändert oder storniert werden.',
    orderList: (l) => `Hier sind Ihre Bestellungen:\n${l.join('\n')}`,
    noOrders: 'Ich sehe noch keine Bestellungen in Ihrem Konto.',
    askOrderAndEmail: 'Das prüfe ich gern. Wie lautet die Bestellnummer (sie sieht aus wie EM-12345) und die E-Mail-Adresse, mit der Sie bestellt haben?',
    askOrderNumber: 'Das prüfe ich gern — wie lautet die Bestellnummer (sie sieht aus wie EM-12345)?',
    askEmail: (n) => `Zum Schutz Ihrer Daten: Mit welcher E-Mail-Adresse wurde die Bestellung ${n} aufgegeben?`,
    noMatch: (n) => `Ich konnte die Bestellung ${n} nicht mit dieser E-Mail-Adresse zuordnen. Bitte prüfen Sie die Bestellnummer und die E-Mail-Adresse und senden Sie sie noch einmal.`,
    tooManyProofs: 'Ich kann in diesem Chat keine weiteren Kombinationen aus Bestellnummer und E-Mail prüfen. Bitte melden Sie sich in Ihrem Konto an, oder ich verbinde Sie mit einer Person aus unserem Team.',
    notFound: (n) => `Ich konnte die Bestellung ${n} in Ihrem Konto nicht finden. Bitte prüfen Sie die Nummer.`,
    promoValid: (c, p) => `Der Code ${c} ist gültig: ${p} % Rabatt.`,
    promoFirstOrder: (c) => `Der Code ${c} gilt nur für die erste Bestellung, und Ihr Konto hat bereits Bestellungen.`,
    promoExpired: (c) => `Der Code ${c} ist leider abgelaufen und kann nicht mehr verwendet werden.`,
    promoUnknown: (c) => `Den Code ${c} kenne ich leider nicht. Bitte prüfen Sie die Schreibweise.`,
    promoList: (l) => `Aktuelle Aktionen:\n${l.join('\n')}`,
    noPromos: 'Im Moment laufen keine Aktionen.',
    price: (n, p) => `Der Preis für ${n} beträgt ${p}.`,
    inStock: (n, c) => `${n} ist auf Lager (${c} Stück verfügbar).`,
    outOfStock: (n) => `${n} ist derzeit nicht auf Lager.`,
    productList: (lines) => `Aus unserem Sortiment, am besten bewertet zuerst:\n${lines.join('\n')}`,
    noProducts: 'Dazu habe ich in unserem Sortiment leider nichts gefunden. Sagen Sie mir gern, wofür Sie es brauchen, oder nennen Sie einen Produktnamen.',
  },
  es: {
    handoff: {
      customer_request: 'Por supuesto — le paso con una persona de nuestro equipo de atención.',
      negative_sentiment: 'Lo siento mucho. Le paso con una persona de nuestro equipo de atención para que lo resuelva con usted.',
      ai_failed: 'Lo siento, no he podido responder bien a eso. Le paso con una persona de nuestro equipo de atención.',
      policy: 'Esto lo tiene que ver una persona de nuestro equipo de atención; le paso con ella ahora.',
    },
    greeting: '¡Hola! ¿En qué puedo ayudarle? Respondo preguntas sobre devoluciones, reembolsos, garantía, envíos, pedidos, cupones y productos.',
    thanks: '¡De nada! ¿Puedo ayudarle en algo más?',
    cannot: 'Lo siento, eso todavía no puedo responderlo en español. Puedo ayudarle con devoluciones, reembolsos, garantía, envíos y plazos de entrega, igualación de precios, formas de pago, contacto y horarios, su pedido, cupones y el precio y la disponibilidad de los productos. ¿O prefiere que le pase con una persona de nuestro equipo?',
    askProduct: '¿A qué producto se refiere? Dígame su nombre, por favor.',
    status: { processing: 'en preparación (todavía no se ha enviado)', shipped: 'enviado y en camino', delivered: 'entregado', cancelled: 'cancelado' },
    order: (o) => `El pedido ${o.number} (${o.items}, total ${o.total}) está ${o.status}.`,
    tracking: (c, n) => `Va con ${c}, número de seguimiento ${n}.`,
    expected: (d) => `Entrega prevista: ${d}.`,
    deliveredOn: (d) => `Se entregó el ${d}.`,
    notShippedYet: 'Todavía no se ha enviado, así que aún puede modificarse o cancelarse sin coste.',
    orderList: (l) => `Estos son sus pedidos:\n${l.join('\n')}`,
    noOrders: 'Todavía no veo pedidos en su cuenta.',
    askOrderAndEmail: 'Lo compruebo con gusto. ¿Cuál es el número de pedido (tiene la forma EM-12345) y el correo electrónico con el que hizo el pedido?',
    askOrderNumber: 'Lo compruebo con gusto: ¿cuál es el número de pedido (tiene la forma EM-12345)?',
    askEmail: (n) => `Para proteger sus datos, ¿me indica el correo electrónico con el que se hizo el pedido ${n}?`,
    noMatch: (n) => `No he podido asociar el pedido ${n} con ese correo electrónico. ¿Puede revisar el número de pedido y el correo y enviármelos de nuevo?`,
    tooManyProofs: 'No puedo comprobar más combinaciones de pedido y correo en este chat. Inicie sesión en su cuenta o, si lo prefiere, le paso con una persona de nuestro equipo.',
    notFound: (n) => `No encuentro el pedido ${n} en su cuenta. Por favor, revise el número.`,
    promoValid: (c, p) => `El código ${c} es válido: ${p} % de descuento.`,
    promoFirstOrder: (c) => `El código ${c} solo vale para el primer pedido, y su cuenta ya tiene pedidos.`,
    promoExpired: (c) => `Lo siento, el código ${c} ha caducado y ya no se puede usar.`,
    promoUnknown: (c) => `No conozco el código ${c}. Por favor, revise cómo está escrito.`,
    promoList: (l) => `Promociones actuales:\n${l.join('\n')}`,
    noPromos: 'Ahora mismo no hay promociones activas.',
    price: (n, p) => `El precio de ${n} es ${p}.`,
    inStock: (n, c) => `${n} está en stock (${c} unidades disponibles).`,
    outOfStock: (n) => `${n} está agotado en este momento (no está en stock).`,
    productList: (lines) => `De nuestro catálogo, los mejor valorados primero:\n${lines.join('\n')}`,
    noProducts: 'Lo siento, no he encontrado nada así en nuestro catálogo. Dígame para qué lo necesita o el nombre de un producto.',
  },
  fr: {
    handoff: {
      customer_request: 'Bien sûr — je vous mets en relation avec une personne de notre équipe d’assistance.',
      negative_sentiment: 'Je suis vraiment désolé. Je vous mets en relation avec une personne de notre équipe d’assistance pour régler cela avec vous.',
      ai_failed: 'Désolé, je n’ai pas pu répondre correctement. Je vous mets en relation avec une personne de notre équipe d’assistance.',
      policy: 'Cela doit être traité par une personne de notre équipe d’assistance ; je vous mets en relation maintenant.',
    },
    greeting: 'Bonjour ! Comment puis-je vous aider ? Je réponds aux questions sur les retours, les remboursements, la garantie, la livraison, les commandes, les codes promo et les produits.',
    thanks: 'Avec plaisir ! Puis-je faire autre chose pour vous ?',
    cannot: 'Désolé, je ne peux pas encore répondre à cela en français. Je peux vous aider pour les retours, les remboursements, la garantie, la livraison et ses délais, l’alignement de prix, les moyens de paiement, le contact et les horaires, votre commande, les codes promo ainsi que le prix et la disponibilité des produits. Ou voulez-vous que je vous mette en relation avec une personne de notre équipe ?',
    askProduct: 'De quel produit parlez-vous ? Donnez-moi son nom, s’il vous plaît.',
    status: { processing: 'en préparation (pas encore expédiée)', shipped: 'expédiée et en route', delivered: 'livrée', cancelled: 'annulée' },
    order: (o) => `La commande ${o.number} (${o.items}, total ${o.total}) est ${o.status}.`,
    tracking: (c, n) => `Elle voyage avec ${c}, numéro de suivi ${n}.`,
    expected: (d) => `Livraison prévue : ${d}.`,
    deliveredOn: (d) => `Elle a été livrée le ${d}.`,
    notShippedYet: 'Elle n’est pas encore expédiée : elle peut encore être modifiée ou annulée sans frais.',
    orderList: (l) => `Voici vos commandes :\n${l.join('\n')}`,
    noOrders: 'Je ne vois encore aucune commande sur votre compte.',
    askOrderAndEmail: 'Je vérifie volontiers. Quel est le numéro de commande (il ressemble à EM-12345) et l’adresse e-mail utilisée pour la commande ?',
    askOrderNumber: 'Je vérifie volontiers : quel est le numéro de commande (il ressemble à EM-12345) ?',
    askEmail: (n) => `Pour protéger vos données, pouvez-vous me donner l’adresse e-mail utilisée pour la commande ${n} ?`,
    noMatch: (n) => `Je n’ai pas pu associer la commande ${n} à cette adresse e-mail. Pouvez-vous vérifier le numéro de commande et l’e-mail et me les renvoyer ?`,
    tooManyProofs: 'Je ne peux plus vérifier d’autres combinaisons de commande et d’e-mail dans ce chat. Connectez-vous à votre compte, ou je vous mets en relation avec une personne de notre équipe.',
    notFound: (n) => `Je ne trouve pas la commande ${n} sur votre compte. Merci de vérifier le numéro.`,
    promoValid: (c, p) => `Le code ${c} est valable : ${p} % de réduction.`,
    promoFirstOrder: (c) => `Le code ${c} ne vaut que pour une première commande, et votre compte a déjà des commandes.`,
    promoExpired: (c) => `Désolé, le code ${c} a expiré et ne peut plus être utilisé.`,
    promoUnknown: (c) => `Je ne connais pas le code ${c}. Merci de vérifier l’orthographe.`,
    promoList: (l) => `Promotions en cours :\n${l.join('\n')}`,
    noPromos: 'Aucune promotion n’est active en ce moment.',
    price: (n, p) => `Le prix de ${n} est de ${p}.`,
    inStock: (n, c) => `${n} est en stock (${c} disponibles).`,
    outOfStock: (n) => `${n} est actuellement en rupture de stock.`,
    productList: (lines) => `Dans notre catalogue, les mieux notés d’abord :\n${lines.join('\n')}`,
    noProducts: 'Désolé, je n’ai rien trouvé de tel dans notre catalogue. Dites-moi à quoi il doit servir ou donnez-moi le nom d’un produit.',
  },
};

/** "Yes" to the offer of a person, in each language. */
export const YES: Record<Foreign, RegExp> = {
  de: /^\s*(ja|jawohl|gern|gerne|bitte|ja,? bitte|ok(ay)?,? (ja|bitte)|einverstanden)\b/i,
  es: /^\s*(s[ií]|claro|vale|por favor|de acuerdo|s[ií],? por favor)\b/i,
  fr: /^\s*(oui|d'accord|volontiers|avec plaisir|oui,? (merci|svp|s'il vous pla[iî]t))\b/i,
};
