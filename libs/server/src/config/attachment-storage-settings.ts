import { IsIn, IsString, Matches } from 'class-validator';

/**
 * Where attachments' content lives (ADR 0019), part of AppConfig. `postgres` (default): in the database, so every API
 * instance serves every file and a backup of the database is a backup of the files. `s3`: in an S3-compatible bucket.
 */
export abstract class AttachmentStorageSettings {
  @IsIn(['postgres', 's3'])
  ATTACHMENT_STORAGE = 'postgres' as 'postgres' | 's3';

  /** The bucket (ATTACHMENT_STORAGE=s3): objects are named by the content's SHA-256. */
  @Matches(/^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])?$/, { message: 'must be an S3 bucket name (a-z, 0-9, . and -)' })
  S3_BUCKET = '';

  /** An S3-compatible service's address (MinIO, Ceph, a cloud provider's); empty: Amazon S3 itself. */
  @Matches(/^(https?:\/\/[^\s/]+(\/[^\s]*)?)?$/, { message: 'must be an http(s):// URL or empty' })
  S3_ENDPOINT = '';

  @Matches(/^([a-z0-9-]{2,40})?$/, { message: 'must be a region name such as eu-west-1' })
  S3_REGION = '';

  /** Both or neither; neither: the AWS SDK's own chain (environment, instance or pod role). */
  @Matches(/^[\x21-\x7e]{0,200}$/, { message: 'must be printable ASCII without spaces' })
  S3_ACCESS_KEY_ID = '';

  @IsString()
  S3_SECRET_ACCESS_KEY = '';

  /** `true` for most self-hosted services (MinIO): the bucket in the path, not in the host name. */
  @IsIn(['true', 'false'])
  S3_FORCE_PATH_STYLE = 'false' as 'true' | 'false';

  /**
   * Only the source of `npm run attachments:import`, which moves files stored by earlier versions (named by their
   * SHA-256 in this folder) into the configured storage. The API itself never reads or writes it.
   */
  @IsString()
  UPLOAD_DIR = 'var/uploads';
}

/** The combinations a single field cannot check; null when the settings hold together. */
export function attachmentStorageProblem(config: AttachmentStorageSettings, production: boolean): string | null {
  const s3Settings = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  if (config.ATTACHMENT_STORAGE === 'postgres') {
    const stray = s3Settings.find((name) => config[name] !== '');
    return stray ? `${stray} is set but ATTACHMENT_STORAGE is postgres (set ATTACHMENT_STORAGE=s3 to use S3)` : null;
  }
  if (!config.S3_BUCKET) return 'S3_BUCKET is required when ATTACHMENT_STORAGE is s3';
  if (!config.S3_REGION) return 'S3_REGION is required when ATTACHMENT_STORAGE is s3 (any name your service accepts)';
  if ((config.S3_ACCESS_KEY_ID === '') !== (config.S3_SECRET_ACCESS_KEY === '')) {
    return 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all';
  }
  if (production && config.S3_ENDPOINT.startsWith('http://')) {
    return 'S3_ENDPOINT must be an https:// URL in production (the files travel over it)';
  }
  return null;
}
