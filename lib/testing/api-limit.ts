import { RateLimiter } from "@/lib/auth/rate-limit";

/**
 * Runs `run` with the API's rate limiter (lib/api/endpoint.ts keeps it on globalThis) allowing `limit`
 * requests a minute, and puts the real one back afterwards, however `run` ends.
 */
export async function withApiLimit<T>(limit: number, run: () => Promise<T>): Promise<T> {
  const shared = globalThis as unknown as { apiLimiter?: RateLimiter };
  const previous = shared.apiLimiter;
  shared.apiLimiter = new RateLimiter(limit, 60_000);
  try {
    return await run();
  } finally {
    shared.apiLimiter = previous;
  }
}
