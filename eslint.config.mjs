import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import regexp from "eslint-plugin-regexp";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Type-aware rules: every query returns a Promise, and a forgotten await is a lost write or an
    // unhandled rejection.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // A regex that backtracks super-linearly on some input lets one request stall the event loop
    // (issue 15: \s*UTC$ took 19.5 s on 60,000 spaces). These rules prove each regex linear or refuse it.
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs", "**/*.mts"],
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
      "regexp/no-misleading-capturing-group": "error",
      "regexp/no-potentially-useless-backreference": "error",
      "regexp/no-useless-backreference": "error",
      "regexp/no-empty-alternative": "error",
    },
  },
  // The layers, one direction: app/ -> components/ -> lib/ -> db/ (README, "Architecture"). Tests may
  // reach across (an API test calls the route it tests); the bench harness (lib/bench) is a client of
  // the product, which never imports it.
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/*", "@/components/*", "@/app/*", "**/../lib/*", "**/../components/*", "**/../app/*"], message: "db/ is the bottom layer: it imports nothing from lib/, components/ or app/." },
            { group: ["next", "next/*", "react", "react-dom"], message: "db/ knows nothing of Next or React." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.suite.ts", "lib/testing/**", "lib/bench/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "@/components/*"], message: "lib/ holds rules and use cases: it imports nothing from app/ or components/." },
            { group: ["next", "next/*"], message: "lib/ knows nothing of Next: pages, actions and HTTP adapters live in app/." },
            { group: ["@/lib/bench/*"], message: "The bench measures the product from outside; the product never imports it." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Request", message: "lib/ knows nothing of HTTP: take plain values, return a Reply (lib/api/endpoint.ts); app/_http adapts." },
        { name: "Response", message: "lib/ knows nothing of HTTP: return a Reply (lib/api/endpoint.ts); app/_http adapts." },
      ],
    },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "!@/app/_actions", "!@/app/_actions/*"],
              message: "components/ sit below app/: the only thing they name there is the server action a form posts to (app/_actions).",
            },
            { group: ["@/lib/bench/*"], message: "The bench measures the product from outside; the product never imports it." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/bench/*"], message: "The bench measures the product from outside; the product never imports it." }] }],
    },
  },
  {
    // One date format everywhere (issue 16, item 9): the UI formats dates and times only through
    // lib/format.ts, in the reader's locale and zone.
    files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["toLocaleString", "toLocaleDateString", "toLocaleTimeString"].map((property) => ({
          property,
          message: "Format dates through lib/format.ts (formatDateTime, formatDate, formatTime, formatCalendarDay): one format, the reader's locale and zone.",
        })),
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='Intl'][property.name='DateTimeFormat']",
          message: "Format dates through lib/format.ts (formatDateTime, formatDate, formatTime, formatCalendarDay): one format, the reader's locale and zone.",
        },
        {
          // Issue 19: the names and hints a screen reader speaks are UI text too.
          selector: "JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label)$/] > Literal[value=/[A-Za-z]{2}/]",
          message: "UI text comes from the message catalogs (lib/i18n/messages): use t(\"…\") so it reads in the page's language.",
        },
      ],
    },
  },
  {
    // Issue 19: every word a person reads comes from the message catalogs, in their language. Data
    // (names, titles, slugs) is not UI text and arrives in expressions, not literals.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["**/*.test.tsx"],
    rules: {
      "react/jsx-no-literals": [
        "error",
        { noStrings: true, ignoreProps: true, allowedStrings: ["·", "—", "–", "…", "/", "(", ")", ":", "%", "×", "+", "-", "→", "←", "↑", "↓", "|", ",", ".", "#", "@", "&nbsp;", "*", "✓", "✕", "▲", "▼", "↗", "⌘K", "Tandem", "DORA", "API"] },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "e2e/.tmp/**"]),
]);
