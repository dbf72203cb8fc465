import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";

import type { TObjectHead, TObjectRead, TObjectStore } from "./object-types";
import { storageWriteError } from "./storage-errors";

// The local data folder as an object store: a key is a path under the root. Writes go to a temp
// file, fsynced, then renamed, so a reader (and a blob row written after) never sees half a file.
// A write the volume refuses (full, read-only) removes its temp file and throws the 507 / 503 of
// storage-errors.ts, so the caller writes no row and the client retries later.

export class LocalObjectStore implements TObjectStore {
  readonly kind = "local" as const;

  constructor(private readonly root: string) {}

  private file(key: string): string {
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.file(key);
    const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Asynchronous fsync, so uploads in flight sync in parallel instead of stalling the event loop.
      const handle = await fs.promises.open(temp, "w");
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(temp, file);
    } catch (error) {
      await fs.promises.rm(temp, { force: true }).catch(() => undefined);
      // A recursive mkdir on a read-only volume fails with ENOENT, not EROFS: ask the volume itself.
      const volume = await fs.promises.access(nearestExisting(path.dirname(file)), fs.constants.W_OK).then(
        () => null,
        (reason: unknown) => reason,
      );
      throw storageWriteError(error) ?? storageWriteError(volume) ?? error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.promises.readFile(this.file(key));
    } catch {
      return null;
    }
  }

  async read(key: string, range?: { start: number; end: number }): Promise<TObjectRead | null> {
    const head = await this.head(key);
    if (!head) return null;
    const stream = fs.createReadStream(this.file(key), range ? { start: range.start, end: range.end } : {});
    const size = range ? Math.max(0, Math.min(range.end, head.size - 1) - range.start + 1) : head.size;
    return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size };
  }

  async head(key: string): Promise<TObjectHead | null> {
    try {
      const stat = await fs.promises.stat(this.file(key));
      return stat.isFile() ? { size: stat.size, sha256: null } : null;
    } catch {
      return null;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.file(key), { force: true });
  }
}

function nearestExisting(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) if (fs.existsSync(at) || at === path.dirname(at)) return at;
}
