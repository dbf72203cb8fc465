import { describe, expect, it } from "vitest";

import { isStorageWriteRefusal, storageWriteError } from "./storage-errors";

const fsError = (code: string) => Object.assign(new Error(`${code}: from the file system`), { code });

describe("storageWriteError", () => {
  it("makes a full volume a 507 with Retry-After", () => {
    for (const code of ["ENOSPC", "EDQUOT"]) {
      const error = storageWriteError(fsError(code))!;
      expect([error.code, error.status, error.headers?.["retry-after"]]).toEqual(["INSUFFICIENT_STORAGE", 507, "60"]);
      expect(error.message).toContain("nothing was stored");
    }
  });

  it("makes a read-only or unwritable volume a 503 with Retry-After", () => {
    for (const code of ["EROFS", "EACCES", "EPERM"]) {
      const error = storageWriteError(fsError(code))!;
      expect([error.code, error.status, error.headers?.["retry-after"]]).toEqual(["UNAVAILABLE", 503, "30"]);
    }
  });

  it("leaves every other error alone", () => {
    expect(storageWriteError(fsError("EIO"))).toBeNull();
    expect(storageWriteError(new Error("boom"))).toBeNull();
    expect(storageWriteError(null)).toBeNull();
    expect(storageWriteError("ENOSPC")).toBeNull();
  });

  it("recognises its own errors and the file-system errors they come from", () => {
    expect(isStorageWriteRefusal(storageWriteError(fsError("ENOSPC")))).toBe(true);
    expect(isStorageWriteRefusal(storageWriteError(fsError("EROFS")))).toBe(true);
    expect(isStorageWriteRefusal(fsError("EROFS"))).toBe(true);
    expect(isStorageWriteRefusal(fsError("EIO"))).toBe(false);
  });
});
