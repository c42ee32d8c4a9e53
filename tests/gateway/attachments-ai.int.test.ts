// The AI and attachments (issue 20) through the real worker and graph: the reply thanks for the
// photo in the customer's language, and a damaged item's photo goes with the hand-off (the brief).
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '@em/contracts/schemas';
import { loginConsole, nextReply, startHarness, type Harness } from '../harness';
import { closeAllClients } from './clients';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('attach_ai');
});
afterAll(async () => {
  closeAllClients();
  await h?.stop();
});

async function sendWithPhoto(text: string) {
  const { socket, ready } = await h.connect();
  const form = new FormData();
  const jpg = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#888' } }).jpeg().toBuffer();
  form.append('file', new Blob([new Uint8Array(jpg)], { type: 'image/jpeg' }), 'tv.jpg');
  const res = await fetch(`${h.url}/chat/attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${ready.sessionToken}` } });
  const photo = ((await res.json()) as { data: Attachment }).data;
  const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text, attachments: [photo.id] });
  if (!ack.ok) throw new Error(ack.error.code);
  return { reply: await nextReply(socket, ack.data.messageId, 20_000), conversationId: ready.conversationId, photo };
}

describe('the AI acknowledges attachments', () => {
  it('a photo alone: thanks, and asks what to do with it', async () => {
    const { reply } = await sendWithPhoto('');
    expect(reply.text).toMatch(/^Thanks for the photo\. What would you like me to do with it\?/);
  });

  it('a damaged item with a photo (German): thanks in German, the photo stays with the case, and the brief lists it', async () => {
    const { reply, conversationId, photo } = await sendWithPhoto('Mein Fernseher ist kaputt angekommen, der Bildschirm ist gebrochen.');
    expect(reply.text).toMatch(/^Danke für das Foto\. Es bleibt bei diesem Gespräch/);
    const token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
    const detail = (await (await fetch(`${h.url}/api/conversations/${conversationId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      brief: { attachments?: Attachment[] };
    };
    expect(detail.brief.attachments).toEqual([photo]);
  });
});
