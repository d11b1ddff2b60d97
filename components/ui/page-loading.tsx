import { PageSkeleton } from "./skeleton";

/** Every page segment's loading.tsx re-exports this, so all pages load alike. */
export default function PageLoading() {
  return <PageSkeleton label="page" />;
}
