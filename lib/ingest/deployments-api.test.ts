import { POST } from "@/app/api/v1/deployments/route";
import { deploymentsApiSuite } from "./deployments-api.suite";

deploymentsApiSuite({
  name: "Next route handler",
  post: (body, authorization) =>
    POST(new Request("http://tandem.test/api/v1/deployments", { method: "POST", headers: { authorization, "content-type": "application/json" }, body }), {
      params: Promise.resolve({}),
    }),
});
