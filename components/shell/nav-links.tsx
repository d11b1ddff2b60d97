"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { NAV_ITEMS } from "./nav-items";

export function NavLinks({ label, isAdmin, counts = {} }: { label: string; isAdmin: boolean; counts?: Record<string, number> }) {
  const pathname = usePathname();
  const t = useTranslations();
  const items = NAV_ITEMS.filter((item) => !("adminOnly" in item) || isAdmin);
  return (
    <nav aria-label={label}>
      <ul className="space-y-1">
        {items.map((item) => {
          const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          const count = counts[item.href] ?? 0;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                // The badge's number alone would read "My work3"; the label says what it counts.
                aria-label={count ? t("Shell.waiting", { label: t(`Nav.${item.label}`), count }) : undefined}
                className={`block rounded-md px-3 py-2 text-sm ${current ? "bg-accent-soft font-semibold text-fg" : "text-fg hover:bg-surface-2"}`}
              >
                {t(`Nav.${item.label}`)}
                {count ? (
                  <span aria-hidden="true" className="ml-2 rounded-full bg-accent px-1.5 text-xs font-semibold text-accent-fg">
                    {count}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
