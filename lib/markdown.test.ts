import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pathologicalMarkdown, PATHOLOGICAL_MARKDOWN } from "@/lib/testing/bad-input";
import { measureWork } from "@/lib/testing/work-meter";
import { MARKDOWN_MAX_CHARS, MARKDOWN_MAX_NESTING, renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders formatting", () => {
    expect(renderMarkdown("## Impact\n\n**4 %** of requests, see [runbook](https://example.com/rb)")).toBe(
      '<h2>Impact</h2>\n<p><strong>4 %</strong> of requests, see <a href="https://example.com/rb" rel="noopener noreferrer nofollow">runbook</a></p>\n',
    );
  });

  it("renders code spans, fenced code, tables and bare links", () => {
    expect(renderMarkdown("rolled back `cache.ttl`")).toBe("<p>rolled back <code>cache.ttl</code></p>\n");
    expect(renderMarkdown("```\nkubectl rollout undo\n```")).toBe("<pre><code>kubectl rollout undo\n</code></pre>\n");
    expect(renderMarkdown("a|b\n-|-\n1|2")).toContain("<td>1</td>");
    expect(renderMarkdown("see https://status.example.com")).toContain('<a href="https://status.example.com" rel="noopener noreferrer nofollow">');
  });

  it("shows GFM task lists as disabled checkboxes, each labelled by its task", () => {
    expect(renderMarkdown("- [ ] page the DBA\n- [x] roll back `v42`\n- no task")).toBe(
      '<ul>\n<li class="task"><label><input type="checkbox" disabled /> page the DBA</label></li>\n' +
        '<li class="task"><label><input type="checkbox" disabled checked /> roll back <code>v42</code></label></li>\n<li>no task</li>\n</ul>\n',
    );
    expect(renderMarkdown("1. [X] loose\n\n2. [ ] list\n")).toContain('<p><label><input type="checkbox" disabled checked /> loose</label></p>');
    // "[x]" must be followed by the task: alone, or away from the start of an item, it is text.
    expect(renderMarkdown("- [x]\n- see [ ] later\n\n[ ] not in a list")).not.toContain("<input");
  });

  it.each([
    ["<script>alert(1)</script>", /<script/],
    ['<img src=x onerror="alert(1)">', /<img/],
    ["[x](javascript:alert(1))", /href="javascript:/],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /<a /],
    ["<iframe src=https://evil.example></iframe>", /<iframe/],
    ['<p style="background:url(x)" onclick="steal()">hi</p>', /<p style/],
    ['<input type="text" name="pw"><label for=x>', /<input|<label/],
    ["![x](https://evil.example/pixel.png)", /<img/],
  ])("shows raw HTML and unsafe links as text, never as markup: %s", (input, forbidden) => {
    expect(renderMarkdown(input)).not.toMatch(forbidden);
  });

  it("shows raw HTML exactly as typed", () => {
    expect(renderMarkdown("<b>bold?</b>")).toBe("<p>&lt;b&gt;bold?&lt;/b&gt;</p>\n");
  });

  it("cuts nesting deeper than the limit and never overflows the stack", () => {
    const quotes = renderMarkdown(`${">".repeat(100_000)} a`);
    expect(quotes.split("<blockquote>").length - 1).toBeLessThanOrEqual(MARKDOWN_MAX_NESTING);
    const lists = renderMarkdown(`${"- ".repeat(50_000)}a`);
    expect(lists.split("<ul>").length - 1).toBeLessThanOrEqual(MARKDOWN_MAX_NESTING);
  });

  it("shows text over the size limit as plain, escaped text", () => {
    const text = `**${"a".repeat(MARKDOWN_MAX_CHARS)}** <script>`;
    expect(renderMarkdown(text)).toBe(`<pre>**${"a".repeat(MARKDOWN_MAX_CHARS)}** &lt;script&gt;</pre>`);
  });
});

/*
 * Issue 15: "*a" × 50,000 took marked ~4.5 s a view. Not timed (a shared CI makes timings flaky):
 * the work meter counts what the renderer reads, and twice the text must cost about twice the work
 * (quadratic work would be four times), within a fixed budget per character.
 */
describe("renderMarkdown on pathological Markdown", () => {
  it.each(Object.entries(PATHOLOGICAL_MARKDOWN))("does work linear in the length of %s", (_name, make) => {
    const half = make(49_000);
    const full = make(98_000);
    expect(half.length).toBeGreaterThanOrEqual(49_000);
    expect(full.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
    const work = measureWork(() => renderMarkdown(half));
    const twice = measureWork(() => renderMarkdown(full));
    expect(twice / work).toBeLessThan(2.3);
    expect(twice / full.length).toBeLessThan(120);
  });

  it("renders any pathological text without failing, and safely", () => {
    fc.assert(
      fc.property(pathologicalMarkdown, (text) => {
        expect(renderMarkdown(text)).not.toMatch(/<(?!\/?(?:h[1-6]|p|br|hr|strong|em|s|del|code|pre|blockquote|ul|ol|li|a|table|thead|tbody|tr|th|td|label|input)[\s>/])/);
      }),
      { numRuns: 40 },
    );
  });
});
