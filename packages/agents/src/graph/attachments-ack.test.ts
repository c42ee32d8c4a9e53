import { describe, expect, it } from 'vitest';
import { acknowledgeAttachments, isDamageComplaint } from './attachments-ack';

const photo = { name: 'tv.jpg', mime: 'image/jpeg' };
const pdf = { name: 'receipt.pdf', mime: 'application/pdf' };

describe('acknowledgeAttachments', () => {
  it('thanks for a photo, photos, a document or mixed files in the reply language', () => {
    expect(acknowledgeAttachments([photo], 'what is this?', 'en').lead).toBe('Thanks for the photo.');
    expect(acknowledgeAttachments([photo, photo], 'hi', 'en').lead).toBe('Thanks for the photos.');
    expect(acknowledgeAttachments([pdf], 'hi', 'de').lead).toBe('Danke für das Dokument.');
    expect(acknowledgeAttachments([photo, pdf], 'hola', 'es').lead).toBe('Gracias por los archivos.');
    expect(acknowledgeAttachments([photo], 'bonjour', 'fr').lead).toBe('Merci pour la photo.');
  });

  it('a damaged item with a photo: the photo stays with the conversation for the person who takes over', () => {
    expect(acknowledgeAttachments([photo], 'My TV arrived with a cracked screen', 'en').lead).toMatch(/^Thanks for the photo\. It stays with this conversation/);
    expect(acknowledgeAttachments([photo], 'Der Fernseher ist kaputt angekommen', 'de').lead).toMatch(/^Danke für das Foto\. Es bleibt/);
    // A document is not a photo of the damage.
    expect(acknowledgeAttachments([pdf], 'it arrived broken', 'en').lead).toBe('Thanks for the document.');
  });

  it('a file without words asks what to do with it', () => {
    expect(acknowledgeAttachments([photo], '  ', 'en').ask).toMatch(/What would you like me to do with it\?/);
    expect(acknowledgeAttachments([photo], 'broken', 'en').ask).toBeUndefined();
  });

  it('reads damage in the four languages, not in unrelated words', () => {
    for (const t of ['the box was damaged', 'Display gebrochen', 'llegó roto', 'écran cassé', 'arrivé endommagé', 'pantalla dañada']) expect(isDamageComplaint(t), t).toBe(true);
    for (const t of ['where is my order?', 'I broke even', 'Rotterdam delivery']) expect(isDamageComplaint(t), t).toBe(false);
  });
});
