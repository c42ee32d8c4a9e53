/**
 * Where attachment bytes live (issue 20): one port, two adapters. The database row (packages/db
 * `attachments`) says who may read a file; the store only keeps bytes under a key the gateway chose
 * (`<conversationId>/<attachmentId>`, never anything a client named).
 */
export interface BlobStorage {
  readonly kind: 'disk' | 's3';
  put(key: string, bytes: Buffer, mime: string): Promise<void>;
  /** The bytes, or null when the key is unknown. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The only key shape the gateway writes; both adapters refuse anything else (no path tricks). */
export function storageKey(conversationId: string, attachmentId: string): string {
  if (!UUID.test(conversationId) || !UUID.test(attachmentId)) throw new Error('storage keys are built from uuids');
  return `${conversationId.toLowerCase()}/${attachmentId.toLowerCase()}`;
}

export function assertKey(key: string): void {
  const [a, b, ...rest] = key.split('/');
  if (rest.length || !a || !b || !UUID.test(a) || !UUID.test(b)) throw new Error(`not a storage key: ${key}`);
}
