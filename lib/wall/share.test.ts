import { describe, expect, it } from "vitest";
import { qrDataUrl, wallShareUrl } from "./share";

describe("sharing a wall link", () => {
  it("puts the path on the base URL and asks for light only when chosen", () => {
    expect(wallShareUrl("https://tandem.example", "/wall/wl_abc", "dark")).toBe("https://tandem.example/wall/wl_abc");
    expect(wallShareUrl("https://tandem.example", "/wall/wl_abc", "light")).toBe("https://tandem.example/wall/wl_abc?theme=light");
  });

  it("draws the URL as an SVG QR code, dark on white", async () => {
    const url = await qrDataUrl("https://tandem.example/wall/wl_abc");
    expect(url).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(url.split(",")[1]!, "base64").toString();
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('stroke="#000000"');
  });
});
