import { handleWebhook } from "@/app/_http/webhook-route";

export async function POST(request: Request, { params }: { params: Promise<{ source: string }> }) {
  return handleWebhook(request, await params);
}
