import { describe, expect, it } from "vitest";
import { statusOnSubmit } from "./policy";

describe("change status on submission", () => {
  it("approves standard changes at once", () => expect(statusOnSubmit("standard")).toEqual({ status: "approved", awaitingRetroactiveApproval: false }));
  it("sends normal changes for approval", () => expect(statusOnSubmit("normal")).toEqual({ status: "pending_approval", awaitingRetroactiveApproval: false }));
  it("flags emergency changes for retroactive approval", () => expect(statusOnSubmit("emergency")).toEqual({ status: "pending_approval", awaitingRetroactiveApproval: true }));
});
