import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

describe("the deployment schema in the API's description", () => {
  it("says what an omitted environment means, with no default (a replay that omits it keeps the stored one)", () => {
    const deployment = openApiDocument("http://tandem.test").components.schemas.Deployment as { properties: Record<string, Record<string, unknown>> };
    const environment = deployment.properties.environment!;
    expect(environment).not.toHaveProperty("default");
    expect(environment.description).toBe('Lower-cased. Omitted: "production" for a new deployment; a replay (known externalId) keeps the stored environment.');
  });
});
