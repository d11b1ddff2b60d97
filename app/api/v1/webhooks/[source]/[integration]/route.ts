import { handleWebhook } from "@/lib/webhooks/route-handler";

export async function POST(request: Request, { params }: { params: Promise<{ source: string; integration: string }> }) {
  return handleWebhook(request, await params);
}
