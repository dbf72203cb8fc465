import { describe, expect, it } from "vitest";
import { checkWebhookUrlShape, refusedAddressKind } from "./address-policy";

describe("webhook address policy", () => {
  it.each([
    ["ftp://example.org/x", "scheme"],
    ["not a url", "not a valid URL"],
    [`https://example.org/${"a".repeat(2100)}`, "longer than"],
    ["https://u:p@example.org/", "credentials"],
  ])("refuses %s naming the reason", (raw, reason) => {
    const verdict = checkWebhookUrlShape(raw);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(reason);
  });

  it("accepts http(s)", () => {
    expect(checkWebhookUrlShape("https://hooks.example.org/a?b=1").ok).toBe(true);
  });

  it.each([
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.20.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["::1", "loopback"],
    ["fe80::1", "link-local"],
    ["fd00::1", "private (unique local)"],
    ["::ffff:127.0.0.1", "loopback"],
  ])("refuses %s as %s", (ip, kind) => {
    expect(refusedAddressKind(ip)).toBe(kind);
  });

  it.each(["93.184.216.34", "2606:2800:220:1::1", "172.32.0.1"])("allows public %s", (ip) => {
    expect(refusedAddressKind(ip)).toBeNull();
  });
});
