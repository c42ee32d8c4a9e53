// The storage port's two adapters for real: local disk, and S3 through the AWS SDK v3 against s3rver,
// an S3-protocol server from npm started by this test (no mocks). The gateway then runs on the S3
// adapter end to end: an upload over HTTP lands in the bucket and downloads back.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskStorage } from '../../apps/gateway/src/attachments/disk-storage';
import { createS3Storage } from '../../apps/gateway/src/attachments/s3-storage';
import { storageKey, type BlobStorage } from '../../apps/gateway/src/attachments/storage';
import { startHarness, type Harness } from '../harness';

let tmp: string;
let s3server: S3rver;
let endpoint: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'em-storage-'));
  s3server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(tmp, 's3') });
  const { port } = await s3server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3server?.close();
  await rm(tmp, { recursive: true, force: true });
});

const s3 = (bucket: string) =>
  createS3Storage({ endpoint, bucket, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });

async function roundTrip(store: BlobStorage) {
  const key = storageKey(randomUUID(), randomUUID());
  const bytes = Buffer.from(`%PDF-1.4 ${randomUUID()}`);
  expect(await store.get(key)).toBeNull();
  await store.put(key, bytes, 'application/pdf');
  expect(await store.get(key)).toEqual(bytes);
  await store.delete(key);
  expect(await store.get(key)).toBeNull();
  // Only keys the gateway builds (uuid/uuid): nothing a client could steer elsewhere.
  await expect(store.put('../../etc/passwd', bytes, 'application/pdf')).rejects.toThrow(/storage key/);
  await expect(store.get(`${randomUUID()}/../x`)).rejects.toThrow(/storage key/);
}

describe('attachment storage adapters', () => {
  it('disk: put, get, delete under the configured folder', async () => {
    const root = path.join(tmp, 'uploads');
    await roundTrip(createDiskStorage(root));
    const key = storageKey(randomUUID(), randomUUID());
    await createDiskStorage(root).put(key, Buffer.from('x'), 'application/pdf');
    expect(await readdir(path.join(root, key.split('/')[0]!))).toEqual([key.split('/')[1]]);
  });

  it('s3: put, get, delete through the AWS SDK against an S3-protocol server, creating the bucket on first write', async () => {
    await roundTrip(s3(`em-${randomUUID().slice(0, 8)}`));
  });
});

describe('the gateway on the S3 adapter', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('attach_s3', { worker: false, storage: s3('em-uploads') });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('an upload over HTTP lands in the bucket and downloads back with its headers', async () => {
    const { ready } = await h.connect();
    const form = new FormData();
    const pdf = Buffer.from('%PDF-1.7\n% a warranty card\n%%EOF\n');
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'warranty.pdf');
    const res = await fetch(`${h.url}/chat/attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${ready.sessionToken}` } });
    const body = (await res.json()) as { ok: true; data: { id: string; url: string } };
    expect(res.status).toBe(200);
    const stored = await s3('em-uploads').get(storageKey(ready.conversationId, body.data.id));
    expect(stored).toEqual(pdf);
    const file = await fetch(`${h.url}${body.data.url}`, { headers: { authorization: `Bearer ${ready.sessionToken}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="warranty.pdf"/);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(pdf);
  });
});
