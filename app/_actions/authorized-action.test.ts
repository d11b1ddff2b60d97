import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { createUserAccount } from "@/lib/users/users";
import { requiredText } from "@/lib/validation";
import { authorizedAction } from "./authorized-action";
import { signIn } from "./session";
import { sessionCookie, setRequestHeaders } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);

processDatabase();

let viewer = "";
let engineer = "";
beforeAll(async () => {
  for (const role of ["viewer", "engineer"] as const) {
    await createUserAccount(await getAuth(), getDatabase(), CLI_ACTOR, { email: `${role}@example.com`, name: role, role, password: `${role}-password-1` });
  }
  viewer = await sessionCookie("viewer@example.com", "viewer-password-1");
  engineer = await sessionCookie("engineer@example.com", "engineer-password-1");
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

const schema = z.object({ title: requiredText(200), summary: requiredText(5) });
const record = authorizedAction({ schema, permission: "record", doing: "declare incidents" }, async () => ({ message: "done" }));
const failing = authorizedAction({ schema, permission: "record", doing: "declare incidents" }, async () => {
  throw new Error("disk full");
});
const conflicting = authorizedAction({ schema, permission: "record", doing: "create teams" }, async () => {
  throw new AppError("conflict", "The slug x is taken by another team.", { title: "is taken by another team" });
});

const refusing = authorizedAction({ schema, permission: "record", doing: "change users" }, async () => {
  throw new AppError("conflict", "Ada is the last active admin; make someone else admin first.").saying("lastAdmin", { name: "Ada" });
});

describe("authorizedAction answers in the page's language (issue 19, item 2)", () => {
  it("says a rule's refusal in Chinese where the rule gave it words, and in the API's English otherwise", async () => {
    setRequestHeaders({ cookie: engineer, "accept-language": "zh-CN" });
    expect(await refusing({ status: "idle" }, form({ title: "a", summary: "b" }))).toMatchObject({ status: "error", message: "Ada 是最后一位在职管理员，请先将其他人设为管理员。" });
    setRequestHeaders({ cookie: engineer, "accept-language": "en" });
    expect(await refusing({ status: "idle" }, form({ title: "a", summary: "b" }))).toMatchObject({ status: "error", message: "Ada is the last active admin; make someone else admin first." });
  });

  it("tells refused input field by field in Chinese for a Chinese browser", async () => {
    setRequestHeaders({ cookie: engineer, "accept-language": "zh-CN,zh;q=0.9" });
    expect(await record({ status: "idle" }, form({ title: "", summary: "far too long" }))).toEqual({
      status: "error",
      message: "标题为必填项。另请检查：摘要。",
      fields: { title: "标题为必填项", summary: "摘要不能超过 5 个字符" },
      values: { title: "", summary: "far too long" },
    });
  });

  it("says in Chinese what the role does not allow, and what could not be done", async () => {
    setRequestHeaders({ cookie: viewer, "accept-language": "zh-CN" });
    expect(await record({ status: "idle" }, form({ title: "a", summary: "b" }))).toMatchObject({ status: "error", message: "你的角色（查看者）无权宣告故障。" });
    setRequestHeaders({ cookie: engineer, "accept-language": "zh-CN" });
    vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    expect(await failing({ status: "idle" }, form({ title: "a", summary: "b" }))).toMatchObject({ message: "Tandem 未能宣告故障，未保存任何内容。请重试。" });
    expect(await conflicting({ status: "idle" }, form({ title: "a", summary: "b" }))).toMatchObject({ message: "标题已被占用。", fields: { title: "标题已被占用" } });
    setRequestHeaders({ "accept-language": "zh-CN" });
    expect(await record({ status: "idle" }, form({ title: "a", summary: "b" }))).toMatchObject({ message: "请登录后继续。" });
  });

  it("keeps English as it was", async () => {
    setRequestHeaders({ cookie: viewer, "accept-language": "en-GB" });
    expect(await record({ status: "idle" }, form({ title: "a", summary: "b" }))).toMatchObject({ message: "Your role (viewer) does not allow you to declare incidents." });
    setRequestHeaders({ cookie: engineer });
    expect(await record({ status: "idle" }, form({ title: "" }))).toMatchObject({ message: "Title is required. Also check: Summary.", fields: { title: "Title is required", summary: "Summary is required" } });
    vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    expect(await failing({ status: "idle" }, form({ title: "a", summary: "b" }))).toMatchObject({ message: "Tandem could not declare incidents; nothing was saved. Try again." });
    expect(await conflicting({ status: "idle" }, form({ title: "a", summary: "b" }))).toMatchObject({ message: "The slug x is taken by another team.", fields: { title: "is taken by another team" } });
    setRequestHeaders({});
    expect(await record({ status: "idle" }, form({ title: "a", summary: "b" }))).toMatchObject({ message: "Sign in to continue." });
  });

  it("signs in in Chinese: a blank password is named beside the field", async () => {
    setRequestHeaders({ "accept-language": "zh-CN" });
    expect(await signIn({ status: "idle" }, form({ email: "viewer@example.com", password: "" }))).toEqual({
      status: "error",
      message: "请输入邮箱和密码。",
      fields: { password: "密码为必填项" },
      values: { email: "viewer@example.com" },
    });
    expect(await signIn({ status: "idle" }, form({ email: "viewer@example.com", password: "wrong-password-1" }))).toMatchObject({ message: "邮箱或密码错误。" });
  });
});
