import 'server-only';
import { randomUUID } from 'node:crypto';
import type { OutboxChannel } from '@/generated/prisma/enums';
import { retryDelaySeconds, type OutboxPayload } from '@/lib/domain/outbox';
import { logger } from '@/lib/log';
import type { Db } from '@/lib/prisma';
import { smtpConfig } from './config';
import { DeliveryError, sendEmail, sendWebhook } from './send';

/**
 * The outbox's delivery worker (docs/reminders.md, "Delivery guarantees"). Each row goes through:
 *   claim  — a short transaction takes due rows with FOR UPDATE SKIP LOCKED and gives them a lease (a token and an
 *            expiry), counting the attempt; several workers never claim the same row;
 *   send   — outside any transaction, bounded by timeouts;
 *   mark   — SENT, or back to PENDING with a back-off, or FAILED after the last attempt; only while the lease
 *            token is still ours.
 * A worker that dies between claim and mark leaves a row whose lease expires; the next run claims it again. So
 * the transport is at-least-once: a crash after the send and before the mark sends that one message again, with
 * the same Message-ID (e-mail) so it is recognisably the same. Under every other failure each row is sent once.
 * Times here are the machine's (PostgreSQL's now()), not the business clock's.
 */

/** Longer than a send can take (two 10 s timeouts and then some): a live worker never loses its lease. */
export const LEASE_SECONDS = 120;
export const CLAIM_BATCH = 20;

export interface ClaimedMessage {
  id: number;
  channel: OutboxChannel;
  target: string;
  payload: OutboxPayload;
  attempts: number;
  leaseToken: string;
}

/** Takes up to `limit` due rows for this worker (a new lease token each call). */
export async function claimDueMessages(db: Db, limit = CLAIM_BATCH): Promise<ClaimedMessage[]> {
  const token = randomUUID();
  return db.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage" o
       SET attempts = o.attempts + 1, "leaseToken" = ${token},
           "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS})
     WHERE o.id IN (
       SELECT id FROM "OutboxMessage"
        WHERE status = 'PENDING' AND "nextAttemptAt" <= now() AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
        ORDER BY "nextAttemptAt", id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o.channel, o.target, o.payload, o.attempts, o."leaseToken"`;
}

/** Marks a claimed row sent; false when the lease was lost (another worker took the row over). */
export async function markSent(db: Db, message: ClaimedMessage): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "OutboxMessage" SET status = 'SENT', "sentAt" = now(), "leaseToken" = NULL, "leaseUntil" = NULL,
           "lastError" = NULL
     WHERE id = ${message.id} AND "leaseToken" = ${message.leaseToken}`;
  return n === 1;
}

/** A failed attempt: retried after the back-off, or FAILED after the last one. */
export async function markFailed(db: Db, message: ClaimedMessage, error: string): Promise<'retry' | 'failed' | 'lost'> {
  const delay = retryDelaySeconds(message.attempts);
  const n =
    delay === null
      ? await db.$executeRaw`
          UPDATE "OutboxMessage" SET status = 'FAILED', "lastError" = ${error}, "leaseToken" = NULL, "leaseUntil" = NULL
           WHERE id = ${message.id} AND "leaseToken" = ${message.leaseToken}`
      : await db.$executeRaw`
          UPDATE "OutboxMessage" SET "lastError" = ${error}, "leaseToken" = NULL, "leaseUntil" = NULL,
                 "nextAttemptAt" = now() + make_interval(secs => ${delay})
           WHERE id = ${message.id} AND "leaseToken" = ${message.leaseToken}`;
  if (n !== 1) return 'lost';
  return delay === null ? 'failed' : 'retry';
}

/** Sends one claimed row through its channel; throws a DeliveryError (a text safe to store) when it fails. */
export async function sendClaimed(db: Db, message: ClaimedMessage): Promise<void> {
  if (message.channel === 'EMAIL') {
    const smtp = smtpConfig();
    if (!smtp) throw new DeliveryError('smtp not configured');
    await sendEmail(smtp, message.id, message.target, message.payload);
    return;
  }
  // the robot as it is now: a URL changed since the row was queued is the one used; a removed robot is a failure
  const robot = await db.departmentWebhook.findUnique({
    where: { departmentId: Number(message.target) },
    select: { kind: true, url: true, keyword: true, signSecret: true },
  });
  if (!robot) throw new DeliveryError('webhook removed');
  await sendWebhook(robot, message.payload);
}

export interface DeliveryRun {
  sent: number;
  retried: number;
  failed: number;
}

/** One pass of the worker: claims due rows batch by batch and sends them, until none is due or `maxBatches`. */
export async function deliverDueMessages(db: Db, options: { maxBatches?: number } = {}): Promise<DeliveryRun> {
  const run: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
  const log = logger.child({ job: 'outbox.deliver' });
  for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
    const claimed = await claimDueMessages(db);
    if (claimed.length === 0) break;
    for (const message of claimed) {
      try {
        await sendClaimed(db, message);
        if (await markSent(db, message)) run.sent++;
      } catch (error) {
        // only our own texts are stored: an unexpected error's message might quote a URL
        const text = error instanceof DeliveryError ? error.message : 'unexpected error';
        const outcome = await markFailed(db, message, text);
        if (outcome === 'failed') run.failed++;
        else if (outcome === 'retry') run.retried++;
        log.warn(
          { outboxId: message.id, channel: message.channel, attempts: message.attempts, outcome, error: text },
          'delivery failed',
        );
      }
    }
  }
  if (run.sent + run.retried + run.failed > 0) log.info(run, 'outbox delivered');
  return run;
}
