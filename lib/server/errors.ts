import { translateMessage, type Message, type MessageKey, type MessageParams } from '@/i18n/translate-message';

/**
 * Typed application errors. Each carries a code and a message key with its values; the action wrapper translates
 * them into the user's language, once (lib/actions/safe-action.ts). Anything else is unexpected and becomes a
 * generic message plus a log line, never a stack trace.
 */
export type ErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'VALIDATION' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL';

export interface AppErrorOptions {
  /** the message for the user, a key in messages/*.json; by default `actionErrors.<code>` */
  key?: MessageKey;
  /** values for the message (and for the field messages), e.g. { seconds: 30 } */
  params?: MessageParams;
  /** field name → message keys under `validation`, for VALIDATION */
  fieldErrors?: Record<string, string[]>;
  /** the text for logs and for callers outside an action; by default the message in Chinese */
  detail?: string;
}

export class AppError extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly fieldErrors: Record<string, string[]>;

  constructor(
    readonly code: ErrorCode,
    options: AppErrorOptions = {},
  ) {
    const key = options.key ?? (`actionErrors.${code}` as const);
    const params = options.params ?? {};
    super(options.detail ?? translateMessage('zh-CN', { key, params }));
    this.key = key;
    this.params = params;
    this.fieldErrors = options.fieldErrors ?? {};
  }

  /** What the user reads, before translation. */
  get userMessage(): Message {
    return { key: this.key, params: this.params };
  }
}

/** Another department's record answers exactly like one that does not exist, so ids leak nothing. */
export class NotFoundError extends AppError {
  constructor(what = 'record') {
    super('NOT_FOUND', { detail: `${what} not found` });
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super('FORBIDDEN');
  }
}

export class ValidationError extends AppError {
  constructor(fieldErrors: Record<string, string[]>, params: MessageParams = {}) {
    super('VALIDATION', { fieldErrors, params });
  }
}

/**
 * Someone else's change, or a state, stands in the way: the one refusal whose reason the user must read to know
 * what to do next, so it always names its message (a key in messages/*.json).
 */
export class ConflictError extends AppError {
  constructor(key: MessageKey, params: MessageParams = {}) {
    super('CONFLICT', { key, params });
  }
}

/** A unique index refused the row (Prisma's P2002): someone inserted the same key between our check and our insert. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
