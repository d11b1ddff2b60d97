import { useTranslations } from "next-intl";
import { PageSkeleton } from "./skeleton";

/** Every page segment's loading.tsx re-exports this, so all pages load alike. */
export default function PageLoading() {
  const t = useTranslations("Terms.states");
  return <PageSkeleton label={t("pageLabel")} />;
}
