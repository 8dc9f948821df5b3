import 'server-only';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import nodemailer from 'nodemailer';
import { outboxMessageId, robotAccepted, robotBody, signedDingtalkUrl, type OutboxPayload } from '@/lib/domain/outbox';
import type { SmtpConfig } from './config';
import { emailFooter } from './render';

/** Every send is bounded: a mail server or robot that hangs cannot hold the worker. */
export const SEND_TIMEOUT_MS = 10_000;
/** A robot answers a few dozen bytes; more is read no further. */
const RESPONSE_MAX_BYTES = 16 * 1024;

/** An error whose text is safe to store and log: it never carries the SMTP URL or a webhook URL. */
export class DeliveryError extends Error {}

/** One e-mail of an outbox row. Its Message-ID is the row's, whatever the attempt (lib/domain/outbox.ts). */
export async function sendEmail(smtp: SmtpConfig, outboxId: number, to: string, payload: OutboxPayload) {
  const transport = nodemailer.createTransport(smtp.url, {
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  } as never);
  try {
    await transport.sendMail({
      from: smtp.from,
      to,
      subject: payload.subject,
      text: `${payload.text}\n\n${payload.link}\n\n${emailFooter()}`,
      messageId: outboxMessageId(outboxId, smtp.domain),
    });
  } catch (error) {
    // nodemailer's messages name the host and the SMTP reply, not the password; the code says what kind it was
    const e = error as { code?: string; responseCode?: number; message?: string };
    throw new DeliveryError(
      `smtp ${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}: ${(e.message ?? '').slice(0, 200)}`,
    );
  } finally {
    transport.close();
  }
}

/**
 * One group-robot message: a POST of the robot's JSON, no redirect followed (a redirect is a failure: the robot's
 * key must not be replayed to wherever it points), the answer read up to RESPONSE_MAX_BYTES.
 */
export async function sendWebhook(
  robot: { kind: 'WECOM' | 'DINGTALK'; url: string; keyword: string | null; signSecret: string | null },
  payload: OutboxPayload,
): Promise<void> {
  const body = robotBody(robot.kind, payload, robot.keyword);
  // signed at each attempt: 钉钉 refuses a signature older than an hour
  const url = new URL(
    robot.kind === 'DINGTALK' && robot.signSecret
      ? signedDingtalkUrl(robot.url, robot.signSecret, Date.now())
      : robot.url,
  );
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
        timeout: SEND_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size >= RESPONSE_MAX_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_MAX_BYTES) res.destroy();
        });
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).subarray(0, RESPONSE_MAX_BYTES).toString(),
          });
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    // the error names neither the URL nor its key
    req.on('timeout', () => req.destroy(new DeliveryError('webhook timeout')));
    req.on('error', (e: NodeJS.ErrnoException) =>
      reject(e instanceof DeliveryError ? e : new DeliveryError(`webhook ${e.code ?? 'error'}`)),
    );
    req.end(body);
  });
  const verdict = robotAccepted(status, text);
  if (!verdict.ok) throw new DeliveryError(`webhook ${verdict.error}`);
}
