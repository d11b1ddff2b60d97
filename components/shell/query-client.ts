import { QueryClient } from "@tanstack/react-query";

/** One factory so every view polls and caches alike. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, refetchOnWindowFocus: true, retry: 1 },
    },
  });
}
