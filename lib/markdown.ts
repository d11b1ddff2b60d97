import MarkdownIt from "markdown-it";
import type { StateCore } from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * The longest text rendered as Markdown: the largest Markdown field (a postmortem) holds 100,000
 * characters. Anything longer (only a row written around the validation) is shown as plain text.
 */
export const MARKDOWN_MAX_CHARS = 100_000;
/** Blocks and inline spans nest at most this deep; deeper `>>>>` or list indentation is cut there. */
export const MARKDOWN_MAX_NESTING = 20;

/*
 * markdown-it rather than marked: marked's inline lexer searches the rest of a paragraph for a closer
 * at every opener, so "*a" or "*a_" repeated 50,000 times took seconds and blocked the server (issue
 * 15), and ">" or "- " repeated overflowed its stack. markdown-it follows CommonMark's algorithms
 * (one delimiter stack with openers_bottom, cached backtick runs and link labels), so its work grows
 * with the length of the text for every input class we know of; markdown.test.ts counts that work,
 * and maxNesting bounds the depth. Raw HTML is shown as typed (html: false): updates, summaries and
 * postmortems show what was written, and no tag a person types is ever interpreted.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false, maxNesting: MARKDOWN_MAX_NESTING });
md.core.ruler.push("task_lists", taskLists);
md.renderer.rules.task_open = (tokens, idx) => `<label><input type="checkbox" disabled${tokens[idx]!.meta?.checked ? " checked" : ""}> `;
md.renderer.rules.task_close = () => "</label>";

const TASK_MARKER = /^\[([ xX])\][ \t]+/;

/**
 * GFM task lists: a list item whose text starts with "[ ]" or "[x]" gets a disabled checkbox. The
 * label wraps the checkbox and the item's first line, so the checkbox is named by its task.
 */
function taskLists(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i]!;
    if (inline.type !== "inline" || tokens[i - 1]!.type !== "paragraph_open" || tokens[i - 2]!.type !== "list_item_open") continue;
    const children = inline.children ?? [];
    const first = children[0];
    const marker = first?.type === "text" ? TASK_MARKER.exec(first.content) : null;
    if (!first || !marker) continue;
    first.content = first.content.slice(marker[0].length);
    const open = new state.Token("task_open", "label", 1);
    open.meta = { checked: marker[1] !== " " };
    inline.children = [open, ...children, new state.Token("task_close", "label", -1)];
    tokens[i - 2]!.attrJoin("class", "task");
  }
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "strong", "em", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "label", "input"],
  allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"], li: ["class"], input: ["type", "checked", "disabled"], th: ["style"], td: ["style"] },
  allowedClasses: { li: ["task"] },
  allowedStyles: { "*": { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    // Whatever reaches here is a task's checkbox: it can only ever show, never take input.
    input: (_tag, attribs) => ({ tagName: "input", attribs: { type: "checkbox", disabled: "", ...("checked" in attribs ? { checked: "" } : {}) } }),
  },
};

/**
 * Markdown (postmortems, summaries, updates) to HTML that is safe to insert: markdown-it renders
 * with raw HTML escaped, then sanitize-html keeps only formatting tags and http(s)/mailto links, so
 * no text can ever run script even if the renderer had a flaw. Work grows linearly with the text.
 */
export function renderMarkdown(markdown: string): string {
  const html = markdown.length > MARKDOWN_MAX_CHARS ? `<pre>${md.utils.escapeHtml(markdown)}</pre>` : md.render(markdown);
  return sanitizeHtml(html, SANITIZE);
}
