import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, trustedProxies, UNKNOWN_CLIENT } from "./client-address";

const trust = (...entries: string[]) => trustedProxies(entries);

describe("clientAddress", () => {
  it("is the socket's peer without trusted proxies, whatever X-Forwarded-For says (issue 15, item 3)", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", null)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", ["203.0.113.1", "203.0.113.2"], null)).toBe("198.51.100.7");
  });

  it("counts an IPv4 client on a dual-stack socket as its IPv4 address", () => {
    expect(clientAddress("::ffff:198.51.100.7", undefined, null)).toBe("198.51.100.7");
  });

  it("is UNKNOWN_CLIENT when the socket has no address", () => {
    expect(clientAddress(undefined, "203.0.113.1", trust("0.0.0.0/0"))).toBe(UNKNOWN_CLIENT);
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", trust("10.0.0.0/8"))).toBe("198.51.100.7");
  });

  it("takes the hop a trusted proxy vouches for, never what the client wrote to its left", () => {
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.9", trust("10.0.0.0/8"))).toBe("203.0.113.9");
    expect(clientAddress("::ffff:10.0.0.2", "203.0.113.9", trust("10.0.0.0/8"))).toBe("203.0.113.9");
  });

  it("walks through a chain of trusted proxies to the first untrusted hop", () => {
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.1.0.1, 192.168.1.1", trust("10.0.0.0/8", "192.168.1.1"))).toBe("203.0.113.9");
    expect(clientAddress("::1", "2001:db8::5", trust("::1"))).toBe("2001:db8::5");
  });

  it("stops at the proxy that passed on a malformed or empty hop", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.9, evil", trust("10.0.0.0/8"))).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "203.0.113.9, 10.0.0.3,", trust("10.0.0.0/8"))).toBe("10.0.0.2");
  });

  it("is the last trusted proxy when every hop is one", () => {
    expect(clientAddress("10.0.0.2", "10.0.0.9", trust("10.0.0.0/8"))).toBe("10.0.0.9");
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses and networks of both families", () => {
    expect(parseTrustedProxies("127.0.0.1,10.0.0.0/8, ::1, 2001:db8::/32")).toEqual({ ok: true, entries: ["127.0.0.1", "10.0.0.0/8", "::1", "2001:db8::/32"] });
  });

  it.each(["localhost", "10.0.0.0/", "10.0.0.0/x", "::1/129", "10.0.0.256", "1.2.3.4/8/8"])("refuses %j", (value) => {
    expect(parseTrustedProxies(value)).toMatchObject({ ok: false });
  });
});
