import { describe, expect, it } from "vitest";
import { invalid } from "@/lib/errors";
import { configToForm, integrationConfigFormSchema } from "./config-form";
import { integrationConfigSchema } from "./integration-schema";
import { DEFAULT_CONFIG } from "./types";

describe("integration settings form", () => {
  it("reads name = value lines and round-trips", () => {
    const parsed = integrationConfigFormSchema.parse({
      id: "3",
      serviceMap: "acme/api = checkout-api\n\nacme/web=web",
      environmentMap: "prod = production",
      severityMap: "P1 = SEV1",
      alertMatchers: "team = payments",
      deploymentWorkflows: "Deploy\n Release \n",
      pipelinesAsDeployments: "on",
      severityLabel: "",
    });
    expect(parsed).toEqual({
      id: 3,
      config: {
        serviceMap: { "acme/api": "checkout-api", "acme/web": "web" },
        environmentMap: { prod: "production" },
        severityMap: { P1: "SEV1" },
        alertMatchers: { team: "payments" },
        deploymentWorkflows: ["Deploy", "Release"],
        pipelinesAsDeployments: true,
        severityLabel: "severity",
        appId: "",
        apiBaseUrl: "",
      },
    });
    expect(configToForm(parsed.config).serviceMap).toBe("acme/api = checkout-api\nacme/web = web");
    expect(configToForm(DEFAULT_CONFIG).pipelinesAsDeployments).toBe(false);
  });

  it("names the field and line of a mistake", () => {
    const bad = integrationConfigFormSchema.safeParse({ id: "1", serviceMap: "acme/api checkout" });
    expect(bad.error!.issues[0]).toMatchObject({ path: ["serviceMap"], message: 'line 1 must look like "name = value"' });
    const badSlug = integrationConfigFormSchema.safeParse({ id: "1", serviceMap: "acme/api = Not A Slug" });
    expect(badSlug.error!.issues[0]!.path).toEqual(["serviceMap"]);
    const badSeverity = integrationConfigFormSchema.safeParse({ id: "1", severityMap: "P1 = critical" });
    expect(badSeverity.error!.issues[0]).toMatchObject({ path: ["severityMap"], message: "P1: must be SEV1, SEV2, SEV3 or SEV4" });
  });

  it("takes a prototype name (toString, hasOwnProperty, valueOf) as a name like any other", () => {
    const parsed = integrationConfigFormSchema.parse({ id: "1", serviceMap: "toString = api\nhasOwnProperty = db", severityMap: "valueOf = SEV1" });
    expect(parsed.config.serviceMap).toEqual({ toString: "api", hasOwnProperty: "db" });
    expect(Object.getPrototypeOf(parsed.config.serviceMap)).toBe(Object.prototype);
    expect(parsed.config.severityMap).toEqual({ valueOf: "SEV1" });
  });

  it.each(["__proto__", "constructor", "prototype"])("refuses %s as a mapped name, naming it, instead of dropping it (issue 15, item 10)", (name) => {
    for (const field of ["serviceMap", "environmentMap", "severityMap", "alertMatchers"]) {
      const bad = integrationConfigFormSchema.safeParse({ id: "1", [field]: `acme = ${field === "severityMap" ? "SEV1" : "web"}\n${name} = ${field === "severityMap" ? "SEV1" : "web"}` });
      expect(bad.success, field).toBe(false);
      expect(bad.error!.issues[0], field).toMatchObject({ path: [field], message: `${name}: is reserved and cannot be mapped` });
    }
  });
});


describe("integrationConfigSchema", () => {
  it("refuses a reserved key in JSON, where it is an own key, with an issue naming it (issue 15, item 10)", () => {
    const parsed = integrationConfigSchema.safeParse(JSON.parse('{"serviceMap":{"__proto__":"web","acme":"api"},"alertMatchers":{"prototype":"x"}}'));
    expect(parsed.success).toBe(false);
    expect(invalid(parsed.error!.issues).fields).toEqual({ "serviceMap.__proto__": "is reserved and cannot be mapped", "alertMatchers.prototype": "is reserved and cannot be mapped" });
  });
});
