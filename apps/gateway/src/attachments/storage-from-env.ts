import type { GatewayEnv } from '../env';
import { createDiskStorage } from './disk-storage';
import { createS3Storage } from './s3-storage';
import type { BlobStorage } from './storage';

/** S3 when S3_BUCKET is set (production), otherwise local disk under UPLOADS_DIR (`pnpm start` needs no setup). */
export function storageFromEnv(env: Pick<GatewayEnv, 'UPLOADS_DIR' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>): BlobStorage {
  if (!env.S3_BUCKET) return createDiskStorage(env.UPLOADS_DIR);
  return createS3Storage({
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    ...(env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID } : {}),
    ...(env.S3_SECRET_ACCESS_KEY ? { secretAccessKey: env.S3_SECRET_ACCESS_KEY } : {}),
  });
}
