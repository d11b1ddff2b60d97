import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders formatting", () => {
    expect(renderMarkdown("## Impact\n\n**4 %** of requests, see [runbook](https://example.com/rb)")).toBe(
      '<h2>Impact</h2>\n<p><strong>4 %</strong> of requests, see <a href="https://example.com/rb" rel="noopener noreferrer nofollow">runbook</a></p>\n',
    );
  });
  it.each([
    ["<script>alert(1)</script>", "<script"],
    ['<img src=x onerror="alert(1)">', "onerror"],
    ["[x](javascript:alert(1))", "javascript:"],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"],
    ["<iframe src=https://evil.example></iframe>", "<iframe"],
    ['<p style="background:url(x)" onclick="steal()">hi</p>', "onclick"],
  ])("neutralises %s", (input, forbidden) => {
    expect(renderMarkdown(input)).not.toContain(forbidden);
  });
});
