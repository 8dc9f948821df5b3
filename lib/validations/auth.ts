import { z } from 'zod';
import { text, TEXT_INVALID_CHARACTERS, TEXT_TOO_LONG } from './text';

/**
 * Sign-in input, shared by the login form (zodResolver) and next-auth's `authorize`.
 * Error messages are message keys under `validation` in messages/*.json, so one schema serves both languages.
 */
export const SIGN_IN_MESSAGES = {
  usernameRequired: 'usernameRequired',
  usernameTooLong: 'usernameTooLong',
  passwordRequired: 'passwordRequired',
  passwordTooLong: 'passwordTooLong',
  [TEXT_INVALID_CHARACTERS]: TEXT_INVALID_CHARACTERS,
  [TEXT_TOO_LONG]: TEXT_TOO_LONG,
} as const;

export type SignInMessageKey = keyof typeof SIGN_IN_MESSAGES;

export const ZSignIn = z.object({
  // The shared text rule: a NUL here reached the database and answered with a server error.
  username: text(
    z
      .string()
      .min(1, { error: SIGN_IN_MESSAGES.usernameRequired })
      .max(64, { error: SIGN_IN_MESSAGES.usernameTooLong }),
    { typeError: SIGN_IN_MESSAGES.usernameRequired },
  ),
  // Passwords are exempt from the text rule: never stored or shown as text, hashed as given (NFC would change
  // which bytes are hashed and lock out anyone whose password was set before). Never trimmed: spaces may be part of a password. The cap keeps argon2 from hashing megabytes on request.
  password: z
    .string({ error: SIGN_IN_MESSAGES.passwordRequired })
    .min(1, { error: SIGN_IN_MESSAGES.passwordRequired })
    .max(256, { error: SIGN_IN_MESSAGES.passwordTooLong }),
});

export type SignInInput = z.infer<typeof ZSignIn>;

export function isSignInMessageKey(value: unknown): value is SignInMessageKey {
  return typeof value === 'string' && Object.hasOwn(SIGN_IN_MESSAGES, value);
}

/**
 * next-auth hands an error thrown in `authorize` to the client as its message. A throttled sign-in throws
 * "RATE_LIMITED:<seconds>", which the login form turns into "try again in N minutes".
 */
export const RATE_LIMITED_PREFIX = 'RATE_LIMITED:';

/** What the browser is told when sign-in failed for a reason of the server's (details go to the log only). */
export const SIGN_IN_UNAVAILABLE = 'SIGN_IN_UNAVAILABLE';

export function retryAfterSeconds(error: string | null | undefined): number | null {
  if (!error?.startsWith(RATE_LIMITED_PREFIX)) return null;
  const seconds = Number(error.slice(RATE_LIMITED_PREFIX.length));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}
