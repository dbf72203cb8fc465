// The blob-store interface both object stores implement (lib/storage/object-store.ts chooses one). Types only.

export type TObjectHead = { size: number; sha256: string | null };
export type TObjectRead = { body: ReadableStream<Uint8Array>; size: number };

export type TObjectStore = {
  readonly kind: "local" | "s3";
  /** Writes the whole object (atomically on disk; one PutObject in a bucket). */
  put(key: string, bytes: Uint8Array, meta?: { contentType?: string; sha256?: string }): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  /** The object's bytes as a stream, the whole of it or the inclusive byte range [start, end]. */
  read(key: string, range?: { start: number; end: number }): Promise<TObjectRead | null>;
  head(key: string): Promise<TObjectHead | null>;
  delete(key: string): Promise<void>;
};
