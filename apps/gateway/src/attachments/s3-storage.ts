import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertKey, type BlobStorage } from './storage';

export interface S3Config {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** MinIO and most self-hosted stores want path-style URLs (http://host/bucket/key). */
  forcePathStyle: boolean;
}

const missing = (err: unknown, ...names: string[]) => err instanceof S3ServiceException && names.includes(err.name);

/**
 * Any S3-compatible store (AWS S3, MinIO, R2…) through the AWS SDK v3. The bucket is created on the
 * first write when it does not exist yet (a fresh MinIO from docker-compose), never deleted.
 */
export function createS3Storage(cfg: S3Config, client?: S3Client): BlobStorage {
  const s3 =
    client ??
    new S3Client({
      region: cfg.region,
      forcePathStyle: cfg.forcePathStyle,
      // Checksums only where S3 requires them: the SDK's newer default (CRC32 on every request) is
      // not understood by every S3-compatible store (older MinIO, R2 at times, s3rver in the tests).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
      ...(cfg.accessKeyId && cfg.secretAccessKey ? { credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } } : {}),
    });
  const put = (key: string, bytes: Buffer, mime: string) =>
    s3.send(new PutObjectCommand({ Bucket: cfg.bucket, Key: key, Body: bytes, ContentType: mime, ContentLength: bytes.length }));
  return {
    kind: 's3',
    async put(key, bytes, mime) {
      assertKey(key);
      try {
        await put(key, bytes, mime);
      } catch (err) {
        if (!missing(err, 'NoSuchBucket')) throw err;
        await s3.send(new CreateBucketCommand({ Bucket: cfg.bucket })).catch((e: unknown) => {
          if (!missing(e, 'BucketAlreadyOwnedByYou', 'BucketAlreadyExists')) throw e;
        });
        await put(key, bytes, mime);
      }
    },
    async get(key) {
      assertKey(key);
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: cfg.bucket, Key: key }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
      } catch (err) {
        if (missing(err, 'NoSuchKey', 'NotFound', 'NoSuchBucket')) return null;
        throw err;
      }
    },
    async delete(key) {
      assertKey(key);
      await s3.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: key }));
    },
  };
}
