import { requirePageUser } from "@/app/_http/session";

/**
 * Checked here, above the page's loading boundary, so a refused visitor gets a real 403 status
 * before any of the page streams. The page checks again for itself.
 */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("manage");
  return children;
}
