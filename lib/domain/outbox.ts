import { createHmac } from 'node:crypto';

/**
 * The delivery outbox's pure rules (issue 15, docs/reminders.md): when a failed delivery is tried again, when it is
 * given up, and the message formats of the group robots. No Prisma, no Next.
 */

/** A message is given up (FAILED, shown to the administrator) after this many attempts: about 3 hours of retries. */
export const MAX_DELIVERY_ATTEMPTS = 10;
/** The first retry waits this long; each further failure doubles it, up to RETRY_CAP_SECONDS. */
export const RETRY_BASE_SECONDS = 30;
/** An hour: a mail server down for a night is retried hourly rather than once at dawn. */
export const RETRY_CAP_SECONDS = 3600;

/**
 * Seconds to wait before the next attempt after `attempts` failed ones (1 → 30 s, 2 → 60 s, 3 → 120 s … capped),
 * or null when the message is given up.
 */
export function retryDelaySeconds(attempts: number): number | null {
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new RangeError(`attempts must be a whole number ≥ 1: ${attempts}`);
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return Math.min(RETRY_BASE_SECONDS * 2 ** (attempts - 1), RETRY_CAP_SECONDS);
}

/** The rendered message an outbox row carries: the same sentence as the bell's, in zh-CN. */
export interface OutboxPayload {
  subject: string;
  text: string;
  /** an absolute link into the app when its address is known, else the app path */
  link: string;
}

export type RobotKind = 'WECOM' | 'DINGTALK';

/** 企业微信 accepts 2048 bytes of text content, 钉钉 about 20000; both are kept under the smaller one. */
export const ROBOT_CONTENT_MAX_BYTES = 2048;

/** `text` cut to at most `maxBytes` of UTF-8, on a character boundary, with "…" when it was cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  const ellipsis = '…';
  const budget = maxBytes - encoder.encode(ellipsis).length;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = encoder.encode(ch).length;
    if (used + size > budget) break;
    out += ch;
    used += size;
  }
  return out + ellipsis;
}

/**
 * The JSON body a group robot takes. Both 企业微信 and 钉钉 read `{"msgtype":"text","text":{"content":…}}`; a
 * 钉钉 robot secured by a keyword drops every message that does not contain it, so the keyword leads the text.
 */
export function robotBody(kind: RobotKind, payload: OutboxPayload, keyword?: string | null): string {
  const prefix = kind === 'DINGTALK' && keyword && !payload.text.includes(keyword) ? `【${keyword}】` : '';
  const content = truncateUtf8(`${prefix}${payload.text}\n${payload.link}`, ROBOT_CONTENT_MAX_BYTES);
  return JSON.stringify({ msgtype: 'text', text: { content } });
}

/**
 * A 钉钉 robot secured by 加签 takes only a request whose URL carries `timestamp` (milliseconds, within an hour of the
 * robot's clock) and `sign` = Base64(HMAC-SHA256(key = secret, data = `${timestamp}\n${secret}`)), URL-encoded.
 * Any `timestamp`/`sign` already in the saved URL is replaced.
 */
export function signedDingtalkUrl(url: string, secret: string, timestampMs: number): string {
  const timestamp = String(Math.trunc(timestampMs));
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', timestamp);
  signed.searchParams.set('sign', sign);
  return signed.toString();
}

/**
 * Whether a robot's answer means "delivered". Both answer HTTP 200 with `errcode` 0 on success and a non-zero
 * `errcode` (bad key, keyword missing, rate limit) otherwise; a 200 without a JSON body is taken as delivered.
 */
export function robotAccepted(status: number, body: string): { ok: boolean; error?: string } {
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}` };
  try {
    const parsed = JSON.parse(body) as { errcode?: unknown; errmsg?: unknown };
    if (typeof parsed.errcode === 'number' && parsed.errcode !== 0) {
      return { ok: false, error: `errcode ${parsed.errcode}: ${String(parsed.errmsg ?? '').slice(0, 200)}` };
    }
  } catch {
    // not JSON: a plain 2xx
  }
  return { ok: true };
}

/**
 * The Message-ID of an outbox row's e-mail: the same for every attempt of the row, so a message sent again after a
 * crash between sending and marking it sent is recognisably the same message (mail clients and servers that
 * de-duplicate by Message-ID show it once).
 */
export function outboxMessageId(outboxId: number, domain: string): string {
  return `<keystone-outbox-${outboxId}@${domain}>`;
}

/**
 * A webhook URL as it may be shown after saving: scheme and host, the rest hidden (the robot's key is in the
 * path or query string).
 */
export function maskWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const tail = url.slice(-4);
    return `${parsed.protocol}//${parsed.host}/…${tail}`;
  } catch {
    return '…';
  }
}
