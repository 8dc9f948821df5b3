/**
 * The id every log line of a request carries (lib/log.ts), returned as X-Request-Id. A load balancer or reverse proxy
 * in front (nginx's $request_id, an ALB's trace id) usually sends one: reusing it lets an operator follow one request
 * from the proxy's log into ours. Only a bounded id of safe characters is taken, so a client cannot put newlines,
 * markup or a megabyte into every log line; anything else gets a fresh id.
 */
export const REQUEST_ID_MAX = 128;
const SAFE = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** The incoming id when it is usable, else a fresh UUID. */
export function requestIdFrom(incoming: string | null | undefined): string {
  if (incoming && incoming.length <= REQUEST_ID_MAX && SAFE.test(incoming)) return incoming;
  return crypto.randomUUID();
}
