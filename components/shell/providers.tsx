"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { makeQueryClient } from "./query-client";

// zod compiles parsers with new Function when it may, and merely probing for that is an eval the
// page's Content-Security-Policy blocks and reports. The server keeps the faster compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
