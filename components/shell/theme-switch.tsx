import { setTheme } from "@/app/_actions/theme";
import { THEMES, type Theme } from "@/lib/theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Works without JavaScript: each choice is a submit button of a server action. */
export function ThemeSwitch({ current }: { current: Theme }) {
  return (
    <form action={setTheme} className="flex items-center gap-1" aria-label="Theme">
      <span className="sr-only">Theme:</span>
      {THEMES.map((theme) => (
        <button
          key={theme}
          type="submit"
          name="theme"
          value={theme}
          aria-pressed={current === theme}
          className={`rounded px-2 py-1 text-xs ${current === theme ? "bg-accent text-accent-fg" : "text-fg hover:bg-surface-2"}`}
        >
          {LABELS[theme]}
        </button>
      ))}
    </form>
  );
}
