import Link from "next/link";
import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";

export default function Forbidden() {
  const t = useTranslations("ErrorPages");
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-4">
      <div className={`${cardClass} max-w-md`}>
        <h1 className="text-xl font-semibold">{t("forbidden.heading")}</h1>
        <p className="mt-2 text-sm text-muted">{t("forbidden.body")}</p>
        <Link href="/" className="mt-4 inline-block text-accent underline">
          {t("backToOverview")}
        </Link>
      </div>
    </main>
  );
}
