import { requirePageUser } from "@/app/_http/session";

/** Checked above the incidents loading boundary so a viewer gets a real 403 before anything streams. */
export default async function DeclareLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("record");
  return children;
}
