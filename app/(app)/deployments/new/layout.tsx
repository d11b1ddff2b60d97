import { requirePageUser } from "@/lib/auth/session";

export default async function RecordDeploymentLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("record");
  return children;
}
