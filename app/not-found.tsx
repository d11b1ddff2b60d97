/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import { cardClass } from "@/components/ui/styles";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-4">
      <div className={`${cardClass} max-w-md`}>
        <h1 className="text-xl font-semibold">Page not found</h1>
        <p className="mt-2 text-sm text-muted">There is nothing at this address. It may have been moved, or the link is mistyped.</p>
        <Link href="/" className="mt-4 inline-block text-accent underline">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
