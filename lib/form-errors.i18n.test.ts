import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import type { Locale } from "@/lib/i18n/locales";
import { fieldErrors } from "./errors";
import { formErrors, formErrorsIn, PROBLEMS, problemKey, type Translate } from "./form-errors";
import { emailSchema, oneOf, requiredText, timestampSchema } from "./validation";
import { singleLineName } from "./single-line";
import { wholeNumber } from "./whole-number";
import { formSources, formWords } from "./testing/form-sources";
import { standardProblem } from "./changes/policy";
import { transitionProblem } from "./incidents/state-machine";
import { openApiDocument } from "./api/openapi";
import { targetUrlProblem } from "./notifications/targets";
import { MAX_WALL_VIEWS } from "./wall/limits";
import { newWallLinkSchema } from "./wall/schema";
import { integrationConfigFormSchema } from "./webhooks/config-form";

const ROOT = join(import.meta.dirname, "..");
const translate = (locale: Locale, messages: typeof en): Translate => {
  const t = createTranslator({ locale, messages });
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
};
const chinese = translate("zh-CN", zh);

/** The lib modules the server actions take their schemas from (and the sign-in form's), so a new form is covered by itself. */
function formModules(): string[] {
  const actions = readdirSync(join(ROOT, "app/_actions")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  const found = new Set(["lib/validation", "lib/auth/sign-in-schema"]);
  for (const file of actions) {
    for (const [, path] of readFileSync(join(ROOT, "app/_actions", file), "utf8").matchAll(/from "@\/(lib\/[\w/-]+)"/g)) found.add(path!);
  }
  return [...found].sort();
}

type Def = { type: string; shape?: Record<string, unknown>; options?: unknown[]; [k: string]: unknown };
/** The field keys of a zod schema, through objects, unions, pipes, wrappers and arrays. */
function fieldKeys(schema: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  const def = (schema as { _zod?: { def: Def } } | null)?._zod?.def;
  if (!def || seen.has(schema)) return out;
  seen.add(schema);
  if (def.type === "object") for (const [key, value] of Object.entries(def.shape ?? {})) fieldKeys(value, out.add(key), seen);
  for (const inner of ["innerType", "in", "out", "element", "left", "right"]) fieldKeys(def[inner], out, seen);
  for (const option of def.options ?? []) fieldKeys(option, out, seen);
  return out;
}

describe("form errors in the page's language (issue 19, item 2)", () => {
  it("tells required, too long, one of, email and timestamp problems in Chinese, beside the field and in the form's message", () => {
    const schema = z.object({ title: requiredText(200), summary: requiredText(5), severity: oneOf(["SEV1", "SEV2"]), email: emailSchema, startedAt: timestampSchema });
    const issues = schema.safeParse({ title: " ", summary: "far too long", severity: "SEV9", email: "nobody", startedAt: "yesterday" }).error!.issues;
    const told = formErrorsIn(chinese, "zh-CN", fieldErrors(issues));
    expect(told.fields).toEqual({
      title: "标题为必填项",
      summary: "摘要不能超过 5 个字符",
      severity: "严重级别必须是以下之一：SEV1 或 SEV2",
      email: "邮箱必须是有效的邮箱地址",
      startedAt: "开始时间必须是带时区偏移的 ISO-8601 时间戳，例如 2026-01-31T09:00:00Z",
    });
    expect(told.message).toBe("标题为必填项。另请检查：摘要、严重级别、邮箱和开始时间。");
  });

  it("names the other field a problem mentions by its label, and reads one field alone as one sentence", () => {
    expect(formErrorsIn(chinese, "zh-CN", { acknowledgedAt: "must not be before startedAt" })).toEqual({ message: "确认时间不能早于开始时间。", fields: { acknowledgedAt: "确认时间不能早于开始时间" } });
    expect(formErrorsIn(chinese, "zh-CN", { resolvedAt: "is required when status is resolved" }).fields.resolvedAt).toBe("状态为“已解决”时必须填写解决时间");
    expect(formErrorsIn(chinese, "zh-CN", { name: "Too big: expected string to have <=100 characters" }).fields.name).toBe("名称不能超过 100 个字符");
  });

  it("tells a whole number's range, of seconds or not", () => {
    const problem = (unit?: "seconds") => wholeNumber(5, 3600, unit).safeParse("0x1e").error!.issues[0]!.message;
    expect(formErrorsIn(chinese, "zh-CN", { rotate: problem("seconds") }).fields.rotate).toBe("每个视图停留秒数必须是 5 到 3600 之间的整秒数");
    expect(formErrorsIn(chinese, "zh-CN", { days: problem() }).fields.days).toMatch(/必须是 5 到 3600 之间的整数$/);
  });

  it("tells a name that runs over more than one line", () => {
    const problem = singleLineName(100).safeParse("a\nb").error!.issues[0]!.message;
    expect(formErrorsIn(chinese, "zh-CN", { name: problem }).fields.name).toBe("名称只能有一行，不能包含换行符、制表符或其他控制字符");
  });

  it("tells why a standard change is refused, with its risks in the catalog's words", () => {
    const change = { serviceId: 1, service: "checkout", team: "payments", risk: "high" as const };
    const template = { title: "依赖升级", serviceId: 2, serviceSlug: "search", team: null, maxRisk: "medium" as const };
    const told = (problem: ReturnType<typeof standardProblem>) => formErrorsIn(chinese, "zh-CN", { [problem!.field]: problem!.message }).fields[problem!.field];
    expect(told(standardProblem(change, undefined))).toBe("标准变更必须基于标准变更目录中的模板提交：请选择其中一个模板，或改为提交普通变更");
    expect(told(standardProblem(change, template))).toBe("标准变更“依赖升级”适用于 search，而不是 checkout；请改为提交普通变更");
    expect(told(standardProblem(change, { ...template, serviceId: null, serviceSlug: null, team: "search" }))).toBe("标准变更“依赖升级”适用于团队 search 的服务，checkout 不在其中；请改为提交普通变更");
    expect(told(standardProblem(change, { ...template, serviceId: 1 }))).toBe("标准变更“依赖升级”的风险上限为“中”，而此变更的风险为“高”；请改为提交普通变更");
  });

  it("tells a move an incident cannot make, in the catalog's words for its status", () => {
    expect(formErrorsIn(chinese, "zh-CN", { status: transitionProblem("investigating", "investigating")! })).toEqual({ message: "故障已处于“调查中”状态。", fields: { status: "故障已处于“调查中”状态" } });
    expect(formErrorsIn(chinese, "zh-CN", { status: transitionProblem("resolved", "monitoring")! }).fields.status).toBe("已解决的故障须先重新打开（回到“调查中”）");
  });

  it("tells every reason the gate can refuse a recorded deployment for, side by side", () => {
    const answer = openApiDocument("http://tandem.test").components.schemas.GateAnswer as { properties: { reasons: { items: { properties: { code: { enum: string[] } } } } } };
    const codes = answer.properties.reasons.items.properties.code.enum;
    expect(Object.keys(zh.Terms.gateReason).sort()).toEqual([...codes].sort());
    expect(formErrorsIn(chinese, "zh-CN", { changeRequest: codes.join(", ") }).fields.changeRequest).not.toMatch(/[a-z]_[a-z]/);
    expect(formErrorsIn(chinese, "zh-CN", { changeRequest: "change_not_approved, freeze" }).fields.changeRequest).toBe("变更请求 ID：变更请求未获批准、该服务处于冻结窗口内，部署被拒绝");
  });

  it("tells a wall's views, a channel's address and an integration's mappings", () => {
    const told = (issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) => formErrorsIn(chinese, "zh-CN", fieldErrors(issues)).fields;
    const views = (n: number) => Array.from({ length: n }, () => ({ panels: "all" }));
    expect(told(newWallLinkSchema.safeParse({ name: "TV", views: views(0) }).error!.issues)).toEqual({ views: "至少需要一个视图" });
    expect(told(newWallLinkSchema.safeParse({ name: "TV", views: views(MAX_WALL_VIEWS + 1) }).error!.issues)).toEqual({ views: `视图最多只能列出 ${MAX_WALL_VIEWS} 个视图` });
    const services = Array.from({ length: 51 }, (_, i) => `s${i}`).join(",");
    expect(told(newWallLinkSchema.safeParse({ name: "TV", views: [{ services }] }).error!.issues)).toEqual({ "views.0.services": "服务最多只能列出 50 个服务" });
    expect(formErrorsIn(chinese, "zh-CN", { target: targetUrlProblem("ftp://files.example.com/drop")! }).fields.target).toBe("目标地址必须是 http(s) URL");
    expect(told(integrationConfigFormSchema.safeParse({ id: "1", serviceMap: "acme/api = api\nnonsense" }).error!.issues)).toEqual({ serviceMap: "服务映射的第 2 行应写成“name = value”的形式" });
  });

  it("keeps a problem the table does not know after a colon rather than dropping it", () => {
    expect(formErrorsIn(chinese, "zh-CN", { title: "sounds wrong" }).fields.title).toBe("标题：sounds wrong");
    expect(formErrorsIn(chinese, "zh-CN", { title: "Sounds wrong." })).toEqual({ message: "标题：Sounds wrong。", fields: { title: "标题：Sounds wrong." } });
    expect(formErrorsIn(chinese, "zh-CN", { title: "Sounds wrong.", summary: "is required" }).message).toBe("标题：Sounds wrong。另请检查：摘要。");
    expect(formErrorsIn(chinese, "zh-CN", { serviceMap: "__proto__: is reserved and cannot be mapped" }).fields.serviceMap).toBe("服务映射：__proto__是保留名称，不能用于映射");
  });

  it("leaves English exactly as it was", () => {
    expect(formErrors({ title: "is required", summary: "must be at most 5 characters" })).toEqual({ message: "Title is required. Also check: Summary.", fields: { title: "Title is required", summary: "Summary must be at most 5 characters" } });
  });

  it("has a catalog message, in every language, for every problem of the table", () => {
    for (const { key } of PROBLEMS) {
      expect(en.Problems, key).toHaveProperty(key);
      expect(zh.Problems, key).toHaveProperty(key);
    }
  });

  it("knows every problem text the forms' schemas and rules can produce", () => {
    const files = formSources();
    expect(files).toEqual(expect.arrayContaining(["lib/oncall/rotation.ts", "lib/incidents/state-machine.ts", "lib/changes/policy.ts"]));
    const unknown = files.flatMap((file) => formWords(file).problems.filter((p) => !problemKey(p)).map((p) => `${file}: ${p}`));
    expect(unknown).toEqual([]);
  });

  it("has a label, in every language, for every field key of the forms' schemas", async () => {
    const keys = new Set<string>();
    for (const path of formModules()) for (const value of Object.values(await import(`@/${path}`))) fieldKeys(value, keys);
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter((key) => !Object.hasOwn(en.Fields, key) || !Object.hasOwn(zh.Fields, key));
    expect(missing).toEqual([]);
  });
});
