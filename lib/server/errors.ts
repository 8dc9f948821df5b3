/**
 * Typed application errors. Each has a code that the action wrapper turns into a message in the user's
 * language; anything else is unexpected and becomes a generic message plus a log line, never a stack trace.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** values for the translated message, e.g. { seconds: 30 } */
    readonly params: Record<string, string | number> = {},
    /** field name → message keys, for VALIDATION */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message ?? code);
  }
}

/** Another department's record answers exactly like one that does not exist, so ids leak nothing. */
export class NotFoundError extends AppError {
  constructor(what = 'record') {
    super('NOT_FOUND', `${what} not found`);
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super('FORBIDDEN');
  }
}

export class ValidationError extends AppError {
  constructor(fieldErrors: Record<string, string[]>, message?: string) {
    super('VALIDATION', message, {}, fieldErrors);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, params: Record<string, string | number> = {}) {
    super('CONFLICT', message, params);
  }
}
