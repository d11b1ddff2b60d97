import Link from "next/link";
import { useTranslations } from "next-intl";

/** The way to the Data health page from a page about the setup (Settings), where missing teams and failing webhooks are fixed. */
export function DataHealthLink() {
  const t = useTranslations("DataHealth");
  return (
    <p className="-mt-2 mb-6 text-sm">
      <Link href="/data-health" className="text-accent underline">
        {t("settingsLink")}
      </Link>
    </p>
  );
}
