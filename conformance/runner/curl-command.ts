/** A curl command line that reproduces an exchange; the token is written as $TOKEN, never its value. */
import type { Exchange } from "../exchange.ts";

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlCommand(baseUrl: string, exchange: Exchange, sentHeaders: Record<string, string>, tls: { caFile?: string; insecure?: boolean } = {}): string {
  const parts = ["curl", "-sS", "-i", "-X", exchange.request.method, quote(baseUrl.replace(/\/$/, "") + exchange.request.url)];
  if (exchange.authorize) parts.push("-H", '"Authorization: Bearer $TOKEN"');
  for (const [name, value] of Object.entries(sentHeaders)) {
    if (name.toLowerCase() !== "authorization") parts.push("-H", quote(`${name}: ${value}`));
  }
  if (exchange.request.body !== undefined) parts.push("--data-raw", quote(exchange.request.body));
  if (tls.insecure) parts.push("-k");
  else if (tls.caFile) parts.push("--cacert", quote(tls.caFile));
  return parts.join(" ");
}
