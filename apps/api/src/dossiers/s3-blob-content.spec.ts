import { loadConfig } from '@portal/server';
import { s3ClientOptions } from './s3-blob-content';

describe('S3 client settings from the configuration', () => {
  const s3 = { ATTACHMENT_STORAGE: 's3', S3_BUCKET: 'portal-attachments', S3_REGION: 'eu-west-1' };

  it('passes endpoint, path style and keys when set', () => {
    const options = s3ClientOptions(
      loadConfig({
        ...s3,
        S3_ENDPOINT: 'https://minio.example.be',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'portal',
        S3_SECRET_ACCESS_KEY: 'geheim',
      }),
    );
    expect(options).toEqual({
      region: 'eu-west-1',
      endpoint: 'https://minio.example.be',
      forcePathStyle: true,
      credentials: { accessKeyId: 'portal', secretAccessKey: 'geheim' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  });

  it("leaves endpoint and keys to the SDK (Amazon S3, the SDK's credential chain) when not set", () => {
    const options = s3ClientOptions(loadConfig(s3));
    expect(options).not.toHaveProperty('endpoint');
    expect(options).not.toHaveProperty('credentials');
    expect(options.forcePathStyle).toBe(false);
  });
});
