import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect } from "./fixtures";
import { INGEST_TOKEN_FILE } from "./users";

/** A request context that writes through the API with the test run's ingest token. */
export async function ingestApi(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string) {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim()}` } });
}

/** Posts a record and expects it created (201), naming the server's answer when it is not. */
export async function postCreated(api: APIRequestContext, path: string, data: object): Promise<{ id: number }> {
  const response = await api.post(path, { data });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}
