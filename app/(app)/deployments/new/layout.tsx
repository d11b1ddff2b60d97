import { requirePageUser } from "@/app/_http/session";

export default async function RecordDeploymentLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("record");
  return children;
}
