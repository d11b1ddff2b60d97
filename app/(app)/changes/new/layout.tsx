import { requirePageUser } from "@/app/_http/session";

/** Checked above any loading boundary so a viewer gets a real 403. */
export default async function FileChangeLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("record");
  return children;
}
