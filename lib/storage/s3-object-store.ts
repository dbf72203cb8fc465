import "server-only";

import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

import type { TObjectHead, TObjectRead, TObjectStore } from "./object-types";

// An S3-compatible bucket as the object store, through the AWS SDK; credentials by the SDK's own
// chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles). Every key is under
// UNIGAP_S3_PREFIX. Objects the server verified carry their sha256 as metadata (x-amz-meta-sha256),
// so the migration can skip what is there already without reading it back.

export type TS3Settings = { bucket: string; endpoint?: string; region: string; prefix: string; forcePathStyle: boolean };

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}

export class S3ObjectStore implements TObjectStore {
  readonly kind = "s3" as const;
  readonly client: S3Client;

  constructor(readonly settings: TS3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      // Checksums only where an operation requires one: many S3-compatible servers do not know the
      // newer flexible-checksum headers; integrity is checked by Content-MD5 or by reading back.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  key(key: string): string {
    return this.settings.prefix + key;
  }

  async put(key: string, bytes: Uint8Array, meta: { contentType?: string; sha256?: string; contentMd5?: string } = {}): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.key(key),
        Body: bytes,
        ContentLength: bytes.byteLength,
        ContentType: meta.contentType ?? "application/octet-stream",
        ContentMD5: meta.contentMd5,
        Metadata: meta.sha256 ? { sha256: meta.sha256 } : undefined,
      }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }));
      return Buffer.from(await out.Body!.transformToByteArray());
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async read(key: string, range?: { start: number; end: number }): Promise<TObjectRead | null> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return { body: out.Body!.transformToWebStream() as ReadableStream<Uint8Array>, size: out.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async head(key: string): Promise<TObjectHead | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }));
      return { size: out.ContentLength ?? 0, sha256: out.Metadata?.sha256 ?? null };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }));
  }

  /** A server-side copy (the bytes never pass through the app), recording the verified sha256. */
  async copy(from: string, to: string, meta: { contentType: string; sha256: string }): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.key(to),
        CopySource: `${this.settings.bucket}/${this.key(from).split("/").map(encodeURIComponent).join("/")}`,
        MetadataDirective: "REPLACE",
        ContentType: meta.contentType,
        Metadata: { sha256: meta.sha256 },
      }),
    );
  }

  /** A URL anyone holding it may PUT one object to, for `seconds`. */
  presignPut(key: string, seconds: number): Promise<string> {
    return getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }), { expiresIn: seconds });
  }
}
