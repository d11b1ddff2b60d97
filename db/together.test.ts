import { describe, expect, it } from "vitest";
import { together } from "./together";

const after = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(value) : resolve(value)), ms));

describe("together", () => {
  it("answers every value in the order given", async () => {
    expect(await together([after(20, "a"), "b", after(5, 3)])).toEqual(["a", "b", 3]);
  });

  it("throws only once every one has settled, and the first failure in the order given", async () => {
    const settled: string[] = [];
    const note = <T>(name: string, p: Promise<T>) => p.finally(() => settled.push(name));
    const run = together([note("slow", after(40, "ok")), note("late failure", after(30, new Error("second"), true)), note("early failure", after(1, new Error("third"), true))]);
    await expect(run).rejects.toThrow("second");
    expect(settled.sort()).toEqual(["early failure", "late failure", "slow"]);
  });
});
