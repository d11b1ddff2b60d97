import { describe, expect, it } from "vitest";
import { changeListHref, parseChangeListQuery } from "./list-query";

const options = { services: ["checkout", "search"], teams: ["payments"], requesters: ["u1"], canApprove: true };

describe("the change list's URL", () => {
  it("keeps every known filter and the page", () => {
    const query = parseChangeListQuery({ status: "approved", type: "normal", service: "checkout", team: "payments", requester: "u1", waiting: "1", page: "3" }, options);
    expect(query).toEqual({ params: { status: "approved", type: "normal", service: "checkout", team: "payments", requester: "u1", waiting: "1" }, page: 3, ignored: [] });
    expect(changeListHref(query.params, query.page)).toBe("/changes?status=approved&type=normal&service=checkout&team=payments&requester=u1&waiting=1&page=3");
  });

  it("names what it cannot apply instead of guessing, and starts on page 1", () => {
    const query = parseChangeListQuery({ status: "aproved", service: "nope", waiting: "1", page: "0", team: ["payments", "other"] }, { ...options, canApprove: false });
    expect(query.params).toEqual({ team: "payments" });
    expect(query.page).toBe(1);
    expect(query.ignored).toEqual([
      { param: "status", value: "aproved" },
      { param: "service", value: "nope" },
      { param: "waiting", value: "1" },
      { param: "page", value: "0" },
    ]);
  });

  it("leaves empty form fields out, and the first page unnumbered", () => {
    const query = parseChangeListQuery({ status: "", service: "search", page: "1" }, options);
    expect(changeListHref(query.params, query.page)).toBe("/changes?service=search");
    expect(changeListHref({}, 1)).toBe("/changes");
    expect(changeListHref({}, 2)).toBe("/changes?page=2");
  });
});
