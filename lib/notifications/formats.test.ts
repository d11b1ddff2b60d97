import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import type { RenderedEvent } from "./events";
import { emailMessage, signWebhook, slackMessage, teamsMessage, webhookMessage } from "./formats";

const event: RenderedEvent = {
  type: "incident.declared",
  timestamp: "2026-11-20T14:30:00.000Z",
  data: { id: 7, title: "Checkout <down> & out" },
  title: "SEV1 incident declared: Checkout <down> & out",
  summary: "Card payments fail",
  facts: [["Service", "checkout"]],
  path: "/incidents/7",
  service: "checkout",
  team: "payments",
};

describe("Standard Webhooks signatures", () => {
  it("reproduce the specification's published test vector", () => {
    // standard-webhooks/standard-webhooks, the reference libraries' shared vector.
    expect(signWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", new Date(1614265330 * 1000), '{"test": 2432232314}')).toBe(
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    );
  });

  it("sign a message a receiver verifies with the channel's secret: headers, body {type, timestamp, data}", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const sentAt = new Date();
    const m = webhookMessage(event, "msg_1", secret, sentAt);
    expect(m.headers["webhook-id"]).toBe("msg_1");
    expect(m.headers["webhook-timestamp"]).toBe(String(Math.floor(sentAt.getTime() / 1000)));
    expect(new Webhook(secret).verify(m.body, m.headers)).toEqual({ type: "incident.declared", timestamp: event.timestamp, data: event.data });
    expect(() => new Webhook("whsec_c2VjcmV0LW9mLWEtcm90YXRlZC1lbmRwb2ludA==").verify(m.body, m.headers)).toThrow();
  });
});

describe("people-facing formats", () => {
  it("Slack: Block Kit with the title linked back to Tandem, mrkdwn escaped, a fallback text", () => {
    const body = JSON.parse(slackMessage(event, "https://tandem.example.com").body);
    expect(body.text).toBe(event.title);
    expect(body.blocks[0].text.text).toBe("*<https://tandem.example.com/incidents/7|SEV1 incident declared: Checkout &lt;down&gt; &amp; out>*\nCard payments fail");
    expect(body.blocks.at(-1).elements[0]).toMatchObject({ type: "button", url: "https://tandem.example.com/incidents/7" });
  });

  it("Teams: a workflow message holding one Adaptive Card that opens the record", () => {
    const body = JSON.parse(teamsMessage(event, "https://tandem.example.com").body);
    expect(body.type).toBe("message");
    expect(body.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    const card = body.attachments[0].content;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(card.body[0].text).toBe(event.title);
    expect(card.body[2]).toEqual({ type: "FactSet", facts: [{ title: "Service", value: "checkout" }] });
    expect(card.actions[0]).toEqual({ type: "Action.OpenUrl", title: "Open in Tandem", url: "https://tandem.example.com/incidents/7" });
  });

  it("email: a subject, a text part and an HTML part with the markup escaped", () => {
    const m = emailMessage(event, "https://tandem.example.com");
    expect(m.subject).toBe("[Tandem] SEV1 incident declared: Checkout <down> & out");
    expect(m.text).toContain("Open in Tandem: https://tandem.example.com/incidents/7");
    expect(m.html).toContain("Checkout &lt;down&gt; &amp; out");
    expect(m.html).not.toContain("<down>");
  });
});
