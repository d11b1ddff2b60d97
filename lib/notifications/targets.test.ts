import { describe, expect, it } from "vitest";
import { sendHttp } from "./send";
import { redactUrl, requestTarget, targetUrlProblem } from "./targets";

describe("channel targets", () => {
  it("take any http(s) URL, loopback and internal ones included, and nothing else", () => {
    expect(targetUrlProblem("http://127.0.0.1:8080/hook")).toBeNull();
    expect(targetUrlProblem("https://hooks.internal/tandem")).toBeNull();
    expect(targetUrlProblem("file:///etc/passwd")).toBe("must be an http(s) URL, not file:");
    expect(targetUrlProblem("ftp://example.com/x")).toBe("must be an http(s) URL, not ftp:");
    expect(targetUrlProblem("hooks.example.com")).toMatch(/^must be an http\(s\) URL/);
    // Its credentials could never be decoded to send.
    expect(targetUrlProblem("http://ops:p%zz@127.0.0.1:9/h")).toBe("must have a user and password written with valid %-escapes");
    expect(targetUrlProblem("http://ops:p%40ss@127.0.0.1:9/h")).toBeNull();
  });

  it("that cannot be sent to fail as an attempt, not a throw", async () => {
    expect(await sendHttp("http://ops:p%zz@127.0.0.1:9/h", { headers: {}, body: "{}" })).toMatchObject({ ok: false, status: null, answer: "URI malformed" });
  });

  it("are shown without credentials: no user or password, no query values, keys in the path cut short", () => {
    expect(redactUrl("https://user:hunter2@hooks.example.com/x")).toBe("https://•••@hooks.example.com/x");
    expect(redactUrl("https://hooks.slack.com/services/T0000000/B0000000/XXXXXXXXXXXXXXXXXXXXXXXX")).toBe("https://hooks.slack.com/services/T0000000/B0000000/XXXX…");
    expect(redactUrl("https://prod.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=s3cr3t")).toBe(
      "https://prod.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=•••&sig=•••",
    );
  });

  it("send credentials in a URL as Basic authorisation, which fetch needs", () => {
    expect(requestTarget("http://ci:p%40ss@127.0.0.1:9/hook")).toEqual({ url: "http://127.0.0.1:9/hook", headers: { authorization: `Basic ${Buffer.from("ci:p@ss").toString("base64")}` } });
    expect(requestTarget("http://127.0.0.1:9/hook")).toEqual({ url: "http://127.0.0.1:9/hook", headers: {} });
  });
});
