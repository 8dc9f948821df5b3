/**
 * The one wrapper every server action goes through:
 *   authenticate → check the role may use the permission at all → parse (zod) → in one transaction: load and
 *   authorize the record, act, audit → revalidate → a result in the user's language.
 * Server actions are public POST endpoints, so nothing here trusts the page that called it.
 *
 *   export const approveReport = defineAction({ name: 'report.approve', permission: 'report.review',
 *     input: ZApproveReport, revalidate: ['/reports'], run: ({ tx, input, authorize, audit }) => … });
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { createTranslator } from 'next-intl';
import type { z } from 'zod';
import type { AppLocale } from '@/i18n/config';
import type { Actor } from '@/lib/auth/actor';
import { can, scopeOf, type Permission } from '@/lib/auth/permissions';
import { getRequestContext } from '@/lib/auth/request-context';
import { prisma } from '@/lib/db';
import { writeAudit, writeAuditMany, type AuditEntry, type Tx } from '@/lib/server/audit';
import { AppError, ForbiddenError, NotFoundError, type ErrorCode } from '@/lib/server/errors';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

export interface ActionContext<I, P = undefined> {
  actor: Actor;
  ip: string | null;
  input: I;
  /** what the spec's `prepare` made of the input before the transaction opened */
  prepared: P;
  tx: Tx;
  /**
   * Throws not-found unless the actor's scope of this action's permission reaches the record. A record of
   * another department is answered exactly like one that does not exist.
   */
  authorize<R extends { departmentId: number }>(record: R | null | undefined, what?: string): asserts record is R;
  audit(entry: AuditEntry): Promise<void>;
  /** many entries in one insert, for bulk actions */
  auditMany(entries: readonly AuditEntry[]): Promise<void>;
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
  prepare?(input: z.infer<S>, actor: Actor): Promise<P>;
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

const MESSAGES = { 'zh-CN': zhCN, en } as const;

function translatorFor(locale: AppLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
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

/** A validation message is a key under `validation` in messages/*.json when it is ours, else zod's text. */
function translateIssue(locale: AppLocale, message: string, params: Record<string, unknown> = {}): string {
  const validation = MESSAGES[locale].validation as Record<string, string>;
  if (!Object.hasOwn(validation, message)) return message;
  const t = translatorFor(locale);
  return t(`validation.${message}` as Parameters<typeof t>[0], params as never);
}

function failure(locale: AppLocale, error: AppError): ActionResult<never> {
  const t = translatorFor(locale);
  const params: Record<string, string | number> = { detail: error.message, ...error.params };
  const fieldErrors = Object.keys(error.fieldErrors).length
    ? Object.fromEntries(
        Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map((k) => translateIssue(locale, k, error.params))]),
      )
    : undefined;
  return {
    ok: false,
    code: error.code,
    message: t(`actionErrors.${error.code}` as Parameters<typeof t>[0], params as never),
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}

export function defineAction<S extends z.ZodType, T, P = undefined>(spec: ActionSpec<S, T, P>) {
  const action = async (rawInput: unknown): Promise<ActionResult<T>> => {
    const { actor, ip, locale } = await getRequestContext();
    try {
      if (!actor) throw new AppError('UNAUTHENTICATED');
      if (actor.mustChangePassword && !spec.allowedBeforePasswordChange) throw new ForbiddenError();
      if (scopeOf(actor, spec.permission) === 'none') throw new ForbiddenError();

      const parsed = spec.input.safeParse(toPlainInput(rawInput));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.length ? issue.path.join('.') : '_form';
          (fieldErrors[field] ??= []).push(issue.message);
        }
        throw new AppError('VALIDATION', undefined, {}, fieldErrors);
      }
      const prepared = spec.prepare ? await spec.prepare(parsed.data, actor) : (undefined as P);

      const data = await prisma.$transaction(
        async (tx) => {
          const ctx: ActionContext<z.infer<S>, P> = {
            actor,
            ip,
            input: parsed.data,
            prepared,
            tx,
            authorize(record, what) {
              if (!record || !can(actor, spec.permission, record)) throw new NotFoundError(what);
            },
            audit: (entry) => writeAudit(tx, { actor, ip }, entry),
            auditMany: (entries) => writeAuditMany(tx, { actor, ip }, entries),
          };
          return spec.run(ctx);
        },
        { timeout: 60_000 },
      );
      // The change is committed: a failure here is logged, never reported as the change having failed.
      await spec.afterCommit?.(data, actor).catch((error: unknown) => console.error(`[action ${spec.name}] after commit`, error));
      for (const path of spec.revalidate ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) return failure(locale, error);
      const ref = randomUUID().slice(0, 8);
      console.error(`[action ${spec.name}] ref ${ref}`, error);
      return failure(locale, new AppError('INTERNAL', undefined, { ref }));
    }
  };
  const meta: ActionMeta = { name: spec.name, permission: spec.permission };
  return Object.assign(action, { meta });
}
