import { useTranslations } from "next-intl";

/** Placeholder blocks shown while a page's data loads. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-surface-2 ${className}`} />;
}

/** `label` is already in the page's language: what is loading ("the overview"). */
export function PageSkeleton({ label }: { label: string }) {
  const t = useTranslations("Terms.states");
  return (
    <div role="status" aria-live="polite" data-loading="">
      <span className="sr-only">{t("loading", { label })}</span>
      <Skeleton className="mb-6 h-8 w-56" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="mt-6 h-64" />
    </div>
  );
}
