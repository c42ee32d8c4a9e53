import type { UiLocale } from '@em/contracts/site';

/** Attachments (issue 20) in the widget's and the console's languages; errors by the gateway's documented codes. */
const en = {
  attach: 'Attach a photo or PDF',
  dropHere: 'Drop photos or PDFs here',
  remove: (name: string) => `Remove ${name}`,
  uploading: (pct: number) => `Uploading… ${pct}%`,
  open: (name: string) => `Open ${name}`,
  download: (name: string) => `Download ${name}`,
  close: 'Close',
  loadFailed: 'The file could not be loaded.',
  tooMany: (max: number) => `At most ${max} files per message.`,
  briefFiles: (n: number) => (n === 1 ? 'The customer sent 1 file' : `The customer sent ${n} files`),
  errors: {
    file_too_large: 'This file is larger than 10 MB.',
    unsupported_type: 'Only photos (PNG, JPEG, WebP) and PDF files can be sent.',
    unauthorized: 'Your chat session has ended. Reload and try again.',
    rate_limited: 'Too many files at once. Wait a moment and try again.',
    forbidden: 'This file cannot be sent here.',
    network: 'The upload failed. Check your connection and try again.',
  } as Record<string, string>,
};
export type AttachmentStrings = typeof en;

const de: AttachmentStrings = {
  attach: 'Foto oder PDF anhängen',
  dropHere: 'Fotos oder PDFs hier ablegen',
  remove: (name) => `${name} entfernen`,
  uploading: (pct) => `Wird hochgeladen… ${pct} %`,
  open: (name) => `${name} öffnen`,
  download: (name) => `${name} herunterladen`,
  close: 'Schließen',
  loadFailed: 'Die Datei konnte nicht geladen werden.',
  tooMany: (max) => `Höchstens ${max} Dateien pro Nachricht.`,
  briefFiles: (n) => (n === 1 ? 'Der Kunde hat 1 Datei gesendet' : `Der Kunde hat ${n} Dateien gesendet`),
  errors: {
    file_too_large: 'Diese Datei ist größer als 10 MB.',
    unsupported_type: 'Nur Fotos (PNG, JPEG, WebP) und PDF-Dateien können gesendet werden.',
    unauthorized: 'Ihre Chatsitzung ist abgelaufen. Bitte neu laden und erneut versuchen.',
    rate_limited: 'Zu viele Dateien auf einmal. Bitte warten Sie kurz und versuchen Sie es erneut.',
    forbidden: 'Diese Datei kann hier nicht gesendet werden.',
    network: 'Das Hochladen ist fehlgeschlagen. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  },
};
const es: AttachmentStrings = {
  attach: 'Adjuntar una foto o un PDF',
  dropHere: 'Suelte aquí fotos o PDF',
  remove: (name) => `Quitar ${name}`,
  uploading: (pct) => `Subiendo… ${pct} %`,
  open: (name) => `Abrir ${name}`,
  download: (name) => `Descargar ${name}`,
  close: 'Cerrar',
  loadFailed: 'No se pudo cargar el archivo.',
  tooMany: (max) => `Como máximo ${max} archivos por mensaje.`,
  briefFiles: (n) => (n === 1 ? 'El cliente envió 1 archivo' : `El cliente envió ${n} archivos`),
  errors: {
    file_too_large: 'Este archivo supera los 10 MB.',
    unsupported_type: 'Solo se pueden enviar fotos (PNG, JPEG, WebP) y archivos PDF.',
    unauthorized: 'Su sesión de chat ha terminado. Recargue e inténtelo de nuevo.',
    rate_limited: 'Demasiados archivos a la vez. Espere un momento e inténtelo de nuevo.',
    forbidden: 'Este archivo no se puede enviar aquí.',
    network: 'La subida ha fallado. Compruebe su conexión e inténtelo de nuevo.',
  },
};
const fr: AttachmentStrings = {
  attach: 'Joindre une photo ou un PDF',
  dropHere: 'Déposez ici des photos ou des PDF',
  remove: (name) => `Retirer ${name}`,
  uploading: (pct) => `Envoi… ${pct} %`,
  open: (name) => `Ouvrir ${name}`,
  download: (name) => `Télécharger ${name}`,
  close: 'Fermer',
  loadFailed: "Le fichier n'a pas pu être chargé.",
  tooMany: (max) => `${max} fichiers au maximum par message.`,
  briefFiles: (n) => (n === 1 ? 'Le client a envoyé 1 fichier' : `Le client a envoyé ${n} fichiers`),
  errors: {
    file_too_large: 'Ce fichier dépasse 10 Mo.',
    unsupported_type: 'Seules les photos (PNG, JPEG, WebP) et les fichiers PDF peuvent être envoyés.',
    unauthorized: 'Votre session de chat a expiré. Rechargez et réessayez.',
    rate_limited: 'Trop de fichiers à la fois. Patientez un instant et réessayez.',
    forbidden: 'Ce fichier ne peut pas être envoyé ici.',
    network: "L'envoi a échoué. Vérifiez votre connexion et réessayez.",
  },
};

const CATALOGS: Record<UiLocale, AttachmentStrings> = { en, de, es, fr };
export const attachmentStrings = (locale: UiLocale): AttachmentStrings => CATALOGS[locale] ?? en;
/** A refusal in words: the documented code's text, or the generic network failure. */
export const attachmentError = (s: AttachmentStrings, code: string) => s.errors[code] ?? s.errors.network!;
