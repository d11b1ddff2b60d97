import type { ReactNode } from "react";

/** The whole screen for one sentence: a revoked or expired link, said where the room can read it. */
export function WallMessage({ children }: { children: ReactNode }) {
  return (
    <main className="flex h-screen items-center justify-center bg-bg p-8 text-fg scheme-dark">
      <p role="alert" className="text-5xl font-semibold">
        {children}
      </p>
    </main>
  );
}
