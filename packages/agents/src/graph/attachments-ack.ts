import type { Lang } from '../i18n/languages';

/** A file the customer sent with this message (issue 20): its name and type, never its bytes. */
export interface TurnAttachment {
  name: string;
  mime: string;
}

interface AckTexts {
  thanks: Record<'photo' | 'photos' | 'document' | 'documents' | 'files', string>;
  /** A damaged-item complaint with a photo: where the photo goes (the console brief lists it for the person). */
  damage: string;
  /** Only a file, no words: what the assistant needs to help with it. */
  ask: string;
}

const ACK: Record<Lang, AckTexts> = {
  en: {
    thanks: { photo: 'Thanks for the photo.', photos: 'Thanks for the photos.', document: 'Thanks for the document.', documents: 'Thanks for the documents.', files: 'Thanks for the files.' },
    damage: 'It stays with this conversation, so the person from our team who takes this over sees it.',
    ask: 'What would you like me to do with it? If something arrived damaged, tell me what happened and your order number.',
  },
  de: {
    thanks: { photo: 'Danke für das Foto.', photos: 'Danke für die Fotos.', document: 'Danke für das Dokument.', documents: 'Danke für die Dokumente.', files: 'Danke für die Dateien.' },
    damage: 'Es bleibt bei diesem Gespräch, damit die Person aus unserem Team, die das übernimmt, es sieht.',
    ask: 'Wobei kann ich Ihnen damit helfen? Wenn etwas beschädigt ankam, schreiben Sie mir bitte, was passiert ist, und Ihre Bestellnummer.',
  },
  es: {
    thanks: { photo: 'Gracias por la foto.', photos: 'Gracias por las fotos.', document: 'Gracias por el documento.', documents: 'Gracias por los documentos.', files: 'Gracias por los archivos.' },
    damage: 'Queda guardada en esta conversación, así la persona de nuestro equipo que se encargue la verá.',
    ask: '¿En qué puedo ayudarle con ello? Si algo llegó dañado, dígame qué pasó y su número de pedido.',
  },
  fr: {
    thanks: { photo: 'Merci pour la photo.', photos: 'Merci pour les photos.', document: 'Merci pour le document.', documents: 'Merci pour les documents.', files: 'Merci pour les fichiers.' },
    damage: 'Elle reste jointe à cette conversation : la personne de notre équipe qui prendra le relais la verra.',
    ask: "Que puis-je faire pour vous avec ce fichier ? Si un article est arrivé endommagé, dites-moi ce qui s'est passé et votre numéro de commande.",
  },
};

/** A damaged or broken item, in the four languages the assistant speaks. */
// Word edges by letters (\p{L}), not \b: \b treats é and ñ as non-word characters.
const DAMAGE =
  /(?<!\p{L})(damaged?|broken|cracked|smashed|dented|shattered|defective|faulty|besch(ä|ae)digt|kaputt|zerbrochen|gebrochen|defekt|da(ñ|n)ad[oa]s?|rot[oa]s?|roto|estropead[oa]|defectuos[oa]|ab[iî]m[ée]e?s?|cass[ée]e?s?|endommag[ée]e?s?|fissur[ée]e?s?|d[ée]fectueu(x|se))(?!\p{L})/iu;

export const isDamageComplaint = (text: string) => DAMAGE.test(text);

/**
 * The acknowledgement that goes before the assistant's answer when the customer sent files: thanks
 * for the photo or document in the reply's language; for a damaged item with a photo, that the photo
 * stays with the conversation (the console's brief lists it for the person who takes over); for a
 * file without words, what the assistant needs to help with it.
 */
export function acknowledgeAttachments(files: TurnAttachment[], text: string, lang: Lang): { lead: string; ask?: string } {
  const t = ACK[lang] ?? ACK.en;
  const images = files.filter((f) => f.mime.startsWith('image/')).length;
  const docs = files.length - images;
  const kind = images && docs ? 'files' : images ? (images > 1 ? 'photos' : 'photo') : docs > 1 ? 'documents' : 'document';
  const damage = images > 0 && isDamageComplaint(text);
  return { lead: damage ? `${t.thanks[kind]} ${t.damage}` : t.thanks[kind], ...(text.trim() ? {} : { ask: t.ask }) };
}
