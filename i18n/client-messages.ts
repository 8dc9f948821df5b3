/**
 * The message namespaces that client components read (`useTranslations` in 'use client' files). Only these are
 * sent to the browser: the root layout's provider used to pass every message (63 KB of JSON) with every page,
 * serialised into each response. `tests/unit/client-messages.test.ts` scans the client components and fails when
 * one reads a namespace not listed here, so a missing message can never reach a user.
 */
export const CLIENT_NAMESPACES = [
  'account',
  'admin.common',
  'admin.departments',
  'admin.planYears',
  'admin.users',
  'apiTokens',
  'attachmentUpload',
  'attachments',
  'attachmentSettings',
  'backfill',
  'carryOver',
  'bulletins',
  'dashboard.thresholds',
  'enums',
  'errors',
  'indicators.form',
  'indicators.review',
  'evidence',
  'login',
  'monthSheet',
  'notifications',
  'plan.close',
  'problems.settings',
  'projectEdit',
  'projectImport',
  'problems.forms',
  'projects.buildType',
  'reminders.board',
  'reminders.channels',
  'reminders.webhooks',
  'reports',
  'roles',
  'sheetUpload',
  'validation',
] as const;

type Messages = { [key: string]: string | Messages };

/** The listed namespaces (dotted paths) of a messages tree, in the same nested shape. */
export function pickMessages<M extends Messages>(messages: M, paths: readonly string[]): Partial<M> {
  const out: Messages = {};
  for (const path of paths) {
    const keys = path.split('.');
    let from: Messages | string | undefined = messages;
    let to = out;
    keys.forEach((key, i) => {
      from = typeof from === 'object' ? from[key] : undefined;
      if (from === undefined) return;
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Messages;
    });
  }
  return out as Partial<M>;
}
