import { requirePageUser } from "@/app/_http/session";

export default async function QueueLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("approve");
  return children;
}
