import type { S3Client } from '@aws-sdk/client-s3';
import type { AppConfig } from '@portal/server';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';
import { BlobContent, type BlobSource } from './blob-content';

/** Objects are named by the content's hash under this prefix: `attachments/<sha256>`. */
export const S3_KEY_PREFIX = 'attachments/';

type S3Module = typeof import('@aws-sdk/client-s3');

/**
 * ATTACHMENT_STORAGE=s3: the bytes are one object per blob in S3_BUCKET of an S3-compatible service. The SDK is
 * loaded only in this mode. Uploads stream from their staging rows (ADR 0019, amendment) with their length; downloads stream the object.
 */
export class S3BlobContent extends BlobContent {
  readonly driver = 's3';

  private constructor(
    private readonly sdk: S3Module,
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    super();
  }

  static async create(config: AppConfig): Promise<S3BlobContent> {
    const sdk = await import('@aws-sdk/client-s3');
    return new S3BlobContent(sdk, new sdk.S3Client(s3ClientOptions(config)), config.S3_BUCKET);
  }

  async write(manager: EntityManager, sha256: string, sizeBytes: number, source: BlobSource): Promise<void> {
    await this.client.send(
      new this.sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: `${S3_KEY_PREFIX}${sha256}`,
        // Read on the transaction's own connection: waiting for a second one from the pool could deadlock under load.
        Body: source.open(manager),
        ContentLength: sizeBytes,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  read(sha256: string): Readable {
    const out = new PassThrough();
    this.client
      .send(new this.sdk.GetObjectCommand({ Bucket: this.bucket, Key: `${S3_KEY_PREFIX}${sha256}` }))
      .then((object) => pipeline(object.Body as Readable, out))
      .catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
    return out;
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** The S3 client's settings from AppConfig (validated there: bucket and region present, keys both or neither). */
export function s3ClientOptions(config: AppConfig) {
  return {
    region: config.S3_REGION,
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
    forcePathStyle: config.S3_FORCE_PATH_STYLE === 'true',
    // The SDK otherwise sends streamed bodies aws-chunked with a trailing checksum, which many S3-compatible
    // services (older MinIO and Ceph, s3rver) store as is: the object would not be the file. Content integrity is
    // checked by its SHA-256 name instead (the import verifies files; uploads are hashed as they arrive).
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
    ...(config.S3_ACCESS_KEY_ID
      ? { credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } }
      : {}),
  };
}
