import http from "node:http";

const CLOSED_SOCKET = new Set(["UND_ERR_SOCKET", "EPIPE", "ECONNRESET"]);

/** A client for the bench: every non-2xx answer is an error that stops the run. */
export class Client {
  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async send(pathname: string, init: RequestInit = {}): Promise<Response> {
    const request = () => fetch(this.base + pathname, { ...init, redirect: "manual", headers: { ...this.headers, ...(init.headers as Record<string, string>) } });
    let response: Response;
    try {
      response = await request();
    } catch (e) {
      // A kept-alive socket the server closed while the bench was busy (the SQL reference blocks the
      // event loop for seconds at full size): the request never reached the server, so send it again.
      // Which error says so depends on how far the write got: undici's, or the socket's own. A reset
      // post may have arrived; sent again it names the same externalId, so it changes nothing.
      if (!CLOSED_SOCKET.has((e as { cause?: { code?: string } }).cause?.code ?? "")) throw e;
      response = await request();
    }
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`${init.method ?? "GET"} ${pathname}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
    }
    return response;
  }

  async json<T>(pathname: string, init?: RequestInit): Promise<T> {
    return (await this.send(pathname, init)).json() as Promise<T>;
  }

  async text(pathname: string, init?: RequestInit): Promise<string> {
    return (await this.send(pathname, init)).text();
  }

  post(pathname: string, body: unknown): Promise<Response> {
    return this.send(pathname, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(async (r) => {
      await r.arrayBuffer();
      return r;
    });
  }
}

/** Times one call; the body is read inside, so it counts. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Warm-up runs (not kept), then the runs measured; `before` runs untimed ahead of each one. */
export async function sample(fn: () => Promise<unknown>, runs: number, before?: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = -2; i < runs; i++) {
    await before?.();
    const ms = await time(fn);
    if (i >= 0) samples.push(ms);
  }
  return samples;
}

/**
 * Keep-alive connections over node:http, for the ingestion rate: undici's fetch spends more CPU per
 * request than the server does on this 2-core machine, so through it the bench would be measuring
 * itself. `connections` sockets at most, each reused for request after request.
 */
export class KeepAlivePoster {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(
    base: string,
    private readonly headers: Record<string, string>,
    connections: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    this.url = new URL(base);
  }

  post(pathname: string, body: unknown): Promise<void> {
    const text = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path: pathname,
          method: "POST",
          agent: this.agent,
          headers: { ...this.headers, "content-type": "application/json", "content-length": Buffer.byteLength(text) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(new Error(`POST ${pathname}: HTTP ${status} ${Buffer.concat(chunks).toString().slice(0, 300)}`));
          });
        },
      );
      request.on("error", reject);
      request.end(text);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
