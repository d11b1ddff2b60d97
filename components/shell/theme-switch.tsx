import { setTheme } from "@/app/_actions/theme";
import { useTranslations } from "next-intl";
import { THEMES, type Theme } from "@/lib/theme";

/** Works without JavaScript: each choice is a submit button of a server action. */
export function ThemeSwitch({ current }: { current: Theme }) {
  const t = useTranslations("Shell");
  return (
    <form action={setTheme} className="flex items-center gap-1" aria-label={t("theme")}>
      <span className="sr-only">{t("theme")}</span>
      {THEMES.map((theme) => (
        <button
          key={theme}
          type="submit"
          name="theme"
          value={theme}
          aria-pressed={current === theme}
          className={`rounded px-2 py-1 text-xs ${current === theme ? "bg-accent text-accent-fg" : "text-fg hover:bg-surface-2"}`}
        >
          {t(`themes.${theme}`)}
        </button>
      ))}
    </form>
  );
}
