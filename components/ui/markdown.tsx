import { htmlFor } from "@/lib/incidents/rendered";

type Props = { markdown: string | null; html: string | null; className?: string; "data-testid"?: string };

/**
 * Every Markdown text (summaries, postmortems, updates) shown one way: the sanitised HTML stored when
 * it was written (lib/incidents/rendered.ts), in the shared prose style with task lists as disabled
 * checkboxes. Nothing when there is no text.
 */
export function Markdown({ markdown, html, className = "", ...rest }: Props) {
  const shown = htmlFor(markdown, html);
  return shown === null ? null : <div className={`prose-tandem ${className}`} {...rest} dangerouslySetInnerHTML={{ __html: shown }} />;
}
