import { describe, expect, it } from "vitest";
import { deriveKey, open, seal } from "./secret-box";

describe("secret box", () => {
  const key = deriveKey("instance-secret-of-at-least-32-chars!!", "integrations");
  it("round-trips and never shows the plain text", () => {
    const sealed = seal("whsec_abc", key);
    expect(sealed).not.toContain("whsec_abc");
    expect(seal("whsec_abc", key)).not.toBe(sealed);
    expect(open(sealed, key)).toBe("whsec_abc");
  });
  it("refuses a tampered box or another key", () => {
    const sealed = seal("whsec_abc", key);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0]! ^= 1; // changes the byte whatever it was, unlike writing a fixed one over it
    const flipped = [...parts.slice(0, 3), body.toString("base64url")].join(".");
    expect(() => open(flipped, key)).toThrow();
    expect(() => open(sealed, deriveKey("another-instance-secret-000000000000", "integrations"))).toThrow();
    expect(() => open("nonsense", key)).toThrow("not a sealed secret");
  });
});
