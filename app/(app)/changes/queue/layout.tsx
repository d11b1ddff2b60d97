import { requirePageUser } from "@/lib/auth/session";

export default async function QueueLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("approve");
  return children;
}
