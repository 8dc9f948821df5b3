import { z } from 'zod';
import { hasForbiddenCharacters, TEXT_INVALID_CHARACTERS } from './text';

/**
 * The password policy, one rule set for every place a password is chosen (admin-created users, resets, a
 * user changing their own). Messages are keys under `validation` in messages/*.json.
 * At least 10 characters, three of the four kinds (lower case, upper case, digits, symbols), and not
 * containing the username.
 */
export const PASSWORD_MIN_LENGTH = 10;

export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('passwordTooShort');
  if (password.length > 256) problems.push('passwordTooLong');
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3) problems.push('passwordTooWeak');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('passwordContainsUsername');
  }
  // a new password is hashed as given (never normalised), but one no keyboard can type again is refused
  if (hasForbiddenCharacters(password)) problems.push(TEXT_INVALID_CHARACTERS);
  return problems;
}

/** A new password; pair with `withUsernameCheck` where the username is known. */
export const ZNewPassword = z.string({ error: 'passwordRequired' }).superRefine((password, ctx) => {
  for (const message of passwordProblems(password)) ctx.addIssue({ code: 'custom', message });
});

/** Adds the "must not contain the username" rule to an object schema with `username` and `password` fields. */
export function withUsernameCheck<T extends { username: string; password: string }>(schema: z.ZodType<T>) {
  return schema.superRefine((value, ctx) => {
    if (passwordProblems(value.password, value.username).includes('passwordContainsUsername')) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'passwordContainsUsername' });
    }
  });
}
