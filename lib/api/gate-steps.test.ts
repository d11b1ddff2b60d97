import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gateScript, gateSteps } from "./gate-steps";

/* The API page's gate script, run by a real shell against a stand-in for Tandem on loopback (a POSIX sh with curl and jq, as CI images have). */

let answer: { status: number; body: unknown } = { status: 200, body: {} };
const received: { authorization?: string; body: unknown }[] = [];
const server = http.createServer((request, response) => {
  let text = "";
  request.on("data", (chunk: Buffer) => (text += chunk.toString()));
  request.on("end", () => {
    received.push({ authorization: request.headers.authorization, body: JSON.parse(text) });
    response.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const run = (env: Record<string, string>) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile("sh", ["-e", "-c", gateScript(base)], { env: { NODE_ENV: "test", PATH: process.env.PATH!, TANDEM_TOKEN: "tdm_secret", SERVICE: "checkout", ENVIRONMENT: "production", ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
    );
  });

describe("the gate step of the API page", () => {
  it("passes on allow, sending the change and sha it was given", async () => {
    answer = { status: 200, body: { decision: "allow", reasons: [], changeRequest: 42 } };
    expect(await run({ CHANGE_REQUEST: "42", GIT_SHA: "abc1234" })).toEqual({ code: 0, output: "Tandem: allow\n" });
    expect(received.at(-1)).toEqual({ authorization: "Bearer tdm_secret", body: { service: "checkout", environment: "production", changeRequest: 42, sha: "abc1234" } });
  });

  it("fails on deny although the gate answered 200, printing every reason", async () => {
    answer = {
      status: 200,
      body: { decision: "deny", reasons: [{ code: "change_required", message: "checkout deploys to production only with an approved change request" }, { code: "freeze", message: "the freeze covers checkout" }], changeRequest: null },
    };
    const { code, output } = await run({});
    expect(code).not.toBe(0);
    expect(output).toBe("Tandem: deny\n  change_required: checkout deploys to production only with an approved change request\n  freeze: the freeze covers checkout\n");
    expect(received.at(-1)!.body).toEqual({ service: "checkout", environment: "production" });
  });

  it("fails on a refused question, printing Tandem's error", async () => {
    answer = { status: 401, body: { error: { code: "unauthorized", message: "The API token is not valid: unknown or revoked." } } };
    const { code, output } = await run({});
    expect(code).not.toBe(0);
    expect(output).toContain("The API token is not valid: unknown or revoked.");
  });

  it("wraps the same script for GitHub Actions, GitLab CI, Jenkins and Argo CD", () => {
    const steps = gateSteps("https://tandem.example.com");
    expect(steps.map((s) => s.system)).toEqual(["github", "gitlab", "jenkins", "argocd"]);
    for (const s of steps) expect(s.code).toContain('curl --fail-with-body -sS -X POST "https://tandem.example.com/api/v1/gate"');
    expect(steps[2]!.code).toContain(String.raw`"Tandem: \\(.decision)"`);
    expect(steps[3]!.code).toContain("argocd.argoproj.io/hook: PreSync");
  });
});
