import QRCode from "qrcode";
import type { WallTheme } from "./theme";

/** The URL a TV opens: the link's path on the public base URL, asking for light only when chosen. */
export function wallShareUrl(baseUrl: string, path: string, theme: WallTheme): string {
  return `${baseUrl}${path}${theme === "light" ? "?theme=light" : ""}`;
}

/**
 * The URL as a QR code (SVG, dark on white whatever the page's scheme, since that is what cameras
 * read best), as a data URL an <img> shows: someone holding a phone to a TV's setup screen needs no typing.
 */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
