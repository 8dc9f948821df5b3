/**
 * The one wrapper every server action goes through:
 *   authenticate → check the role may use the permission at all → count the call against the user's rate limit
 *   → parse (zod) → in one transaction: load and authorize the record, act, audit → revalidate → a result in the
 *   user's language.
 * Server actions are public POST endpoints, so nothing here trusts the page that called it.
 *
 *   export const approveReport = defineAction({ name: 'report.approve', permission: 'report.review',
 *     input: ZApproveReport, revalidate: ['/reports'], run: ({ tx, input, authorize, audit }) => … });
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import type { AppLocale } from '@/i18n/config';
import { hasMessage, translateMessage, type MessageParams } from '@/i18n/translate-message';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf, type Permission } from '@/lib/auth/permissions';
import { getRequestContext } from '@/lib/auth/request-context';
import { prisma } from '@/lib/db';
import { rememberWrite } from '@/lib/read-db';
import { NO_PROGRESS, type OnProgress } from '@/lib/domain/upload-progress';
import { logger } from '@/lib/log';
import { isDatabaseUnavailable } from '@/lib/server/database-unavailable';
import { AppError, ForbiddenError, type ErrorCode } from '@/lib/server/errors';
import { createWriteContext, type WriteContext } from '@/lib/server/write-context';
import { throttle } from '@/lib/throttle';

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/** The wrapper's context: the write context of lib/server, plus what `prepare` made of the input. */
export interface ActionContext<I, P = undefined> extends WriteContext<I> {
  /** what the spec's `prepare` made of the input before the transaction opened */
  prepared: P;
  /** where a long action reports its rows (an upload's route streams them); reports to nobody on a plain call */
  progress: OnProgress;
}

export interface ActionSpec<S extends z.ZodType, T, P = undefined> {
  /** also the audit action name, e.g. "report.approve" */
  name: string;
  permission: Permission;
  input: S;
  /**
   * Slow work on the parsed input that must not hold a transaction (and its connection) open, such as reading an
   * uploaded file: it runs after authentication, the permission check and parsing, before the transaction.
   */
  prepare?(input: z.infer<S>, actor: Actor, progress: OnProgress): Promise<P>;
  run(ctx: ActionContext<z.infer<S>, P>): Promise<T>;
  /** paths whose cached pages change */
  revalidate?: string[];
  /** only for changing one's own password: everything else waits until a required change is done */
  allowedBeforePasswordChange?: boolean;
  /** runs once the transaction committed, e.g. to set a cookie that must not outlive a rolled-back change */
  afterCommit?(data: T, actor: Actor): Promise<void>;
}

export interface ActionMeta {
  name: string;
  permission: Permission;
}

/** FormData from a no-JS form post, or a plain object from a client component. */
function toPlainInput(raw: unknown): unknown {
  if (typeof FormData !== 'undefined' && raw instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of raw.entries()) {
      if (key.startsWith('$ACTION')) continue; // React's own fields in a progressive-enhancement post
      out[key] = value;
    }
    return out;
  }
  return raw;
}

/** A field message is a key under `validation` in messages/*.json when it is ours, else zod's own text. */
function translateIssue(locale: AppLocale, message: string, params: MessageParams): string {
  const key = `validation.${message}`;
  return hasMessage(locale, key) ? translateMessage(locale, { key, params }) : message;
}

/** The one place an application error becomes words: its message and its field messages, in the user's language. */
function failure(locale: AppLocale, error: AppError): ActionResult<never> {
  const fieldErrors = Object.keys(error.fieldErrors).length
    ? Object.fromEntries(
        Object.entries(error.fieldErrors).map(([field, keys]) => [
          field,
          keys.map((k) => translateIssue(locale, k, error.params)),
        ]),
      )
    : undefined;
  return {
    ok: false,
    code: error.code,
    message: translateMessage(locale, error.userMessage),
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}

/**
 * The action, plus `withProgress(input, onProgress)`: the same call (every check, the one transaction, the audit)
 * that also reports its progress, for a route that streams it (app/api/reports/month-sheet/upload). Only the plain
 * call is a server action; `withProgress` is reachable from server code alone.
 */
export function defineAction<S extends z.ZodType, T, P = undefined>(spec: ActionSpec<S, T, P>) {
  const perform = async (rawInput: unknown, progress: OnProgress): Promise<ActionResult<T>> => {
    const { actor, ip, locale, requestId } = await getRequestContext();
    const started = performance.now();
    // One line per call (lib/log.ts): who, what, how long, how it ended. Never the input, which may hold passwords
    // or a report's texts.
    const log = logger.child({ reqId: requestId ?? null, actorId: actor?.id ?? null, action: spec.name });
    const durationMs = () => Math.round(performance.now() - started);
    try {
      if (!actor) throw new AppError('UNAUTHENTICATED');
      if (actor.mustChangePassword && !spec.allowedBeforePasswordChange) throw new ForbiddenError();
      if (scopeOf(actor, spec.permission) === 'none') throw new ForbiddenError();
      // Before any work: a script replaying a session's actions is stopped before it parses, reads or writes.
      const wait = await throttle('action', String(actor.id));
      if (wait !== null)
        throw new AppError('RATE_LIMITED', { key: 'actionErrors.TOO_FREQUENT', params: { seconds: wait } });

      const parsed = spec.input.safeParse(toPlainInput(rawInput));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.length ? issue.path.join('.') : '_form';
          (fieldErrors[field] ??= []).push(issue.message);
        }
        throw new AppError('VALIDATION', { fieldErrors });
      }
      const prepared = spec.prepare ? await spec.prepare(parsed.data, actor, progress) : (undefined as P);

      const data = await prisma.$transaction(
        async (tx) => {
          const ctx: ActionContext<z.infer<S>, P> = {
            ...createWriteContext(tx, { actor, ip, input: parsed.data, permission: spec.permission }),
            prepared,
            progress,
          };
          return spec.run(ctx);
        },
        { timeout: 60_000 },
      );
      // The change is committed: a failure here is logged, never reported as the change having failed.
      // This user's next reads wait for a replica to have it (lib/read-db.ts).
      await rememberWrite().catch((error: unknown) => log.warn({ err: error }, 'action: write position not kept'));
      await spec
        .afterCommit?.(data, actor)
        .catch((error: unknown) => log.error({ err: error }, 'action: after commit failed'));
      for (const path of spec.revalidate ?? []) revalidatePath(path);
      log.info({ durationMs: durationMs(), outcome: 'ok' }, 'action');
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        log.info({ durationMs: durationMs(), outcome: error.code }, 'action refused');
        return failure(locale, error);
      }
      // The reference the user reads, and the log line's `ref`: the start of the request id, so it finds the
      // request's other lines too.
      const ref = (requestId ?? randomUUID()).slice(0, 8);
      // The database is down or restarting: say so, and that nothing was changed (the transaction never committed).
      const unavailable = isDatabaseUnavailable(error);
      log.error(
        { durationMs: durationMs(), outcome: 'INTERNAL', ref, databaseUnavailable: unavailable, err: error },
        'action failed',
      );
      const key = unavailable ? 'actionErrors.UNAVAILABLE' : undefined;
      return failure(locale, new AppError('INTERNAL', { key, params: { ref } }));
    }
  };
  // a server action receives only what the client sends: never a listener
  const action = (rawInput: unknown): Promise<ActionResult<T>> => perform(rawInput, NO_PROGRESS);
  const meta: ActionMeta = { name: spec.name, permission: spec.permission };
  return Object.assign(action, { meta, withProgress: perform });
}
