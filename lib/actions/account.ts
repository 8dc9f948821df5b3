'use server';

import { hash } from '@node-rs/argon2';
import { defineAction } from '@/lib/actions/safe-action';
import { beginPasswordAttempt, passwordAttemptSucceeded } from '@/lib/auth/login-throttle';
import { verifyPassword } from '@/lib/auth/password';
import { reissueOwnSession } from '@/lib/auth/reissue-session';
import { auditLockStarted } from '@/lib/auth/sign-in';
import { AppError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { ZChangePassword, ZSignOutEverywhere } from '@/lib/validations/account';
import { passwordProblems } from '@/lib/validations/password';

function passwordCheckLocked(retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError('RATE_LIMITED', {
    params: { seconds: retryAfterSeconds, minutes },
    fieldErrors: { currentPassword: ['passwordCheckLocked'] },
  });
}

/**
 * A user replaces their own password; the only action open while an admin-set password awaits its change.
 * The current-password check is a password guess like a sign-in, so it counts against the same per-username
 * allowance (lib/auth/login-throttle.ts): a stolen session cannot be used to guess the password behind it.
 * Every other session of the user ends; this browser gets a fresh token.
 */
export const changeOwnPassword = defineAction({
  name: 'user.changePassword',
  permission: 'account.manageOwn',
  input: ZChangePassword,
  allowedBeforePasswordChange: true,
  async run({ actor, ip, input, tx, audit }) {
    const user = await tx.user.findUnique({
      where: { id: actor.id },
      select: { username: true, passwordHash: true, mustChangePassword: true },
    });
    if (!user) throw new NotFoundError('user');
    // Counted outside this transaction (its own connection), so a refusal that rolls the transaction back still counts.
    const attempt = await beginPasswordAttempt(user.username, null);
    if (!attempt.allowed) {
      await auditLockStarted(
        'user.passwordCheckThrottled',
        user.username,
        ip,
        attempt.lockStarted,
        attempt.retryAfterSeconds,
      );
      throw passwordCheckLocked(attempt.retryAfterSeconds);
    }
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      if (attempt.lockIfFails !== null) throw passwordCheckLocked(attempt.lockIfFails);
      throw new ValidationError({ currentPassword: ['currentPasswordWrong'] });
    }
    await passwordAttemptSucceeded(user.username, null);
    if (passwordProblems(input.newPassword, user.username).includes('passwordContainsUsername')) {
      throw new ValidationError({ newPassword: ['passwordContainsUsername'] });
    }
    await tx.user.update({
      where: { id: actor.id },
      data: {
        passwordHash: await hash(input.newPassword),
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        sessionVersion: { increment: 1 },
      },
    });
    await audit({
      action: 'user.changePassword',
      entity: 'User',
      entityId: actor.id,
      before: { passwordHash: '[secret]', mustChangePassword: user.mustChangePassword },
      after: { passwordHash: '[changed]', mustChangePassword: false },
    });
    return { changed: true };
  },
  afterCommit: (_data, actor) => reissueOwnSession(actor.id),
});

/**
 * Ends every session of the user, this one included: one bump of the session version, which every token is
 * compared with at its next request. For a lost phone or a shared PC left signed in.
 */
export const signOutEverywhere = defineAction({
  name: 'user.signOutEverywhere',
  permission: 'account.manageOwn',
  input: ZSignOutEverywhere,
  async run({ actor, tx, audit }) {
    const { sessionVersion } = await tx.user.update({
      where: { id: actor.id },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await audit({
      action: 'user.signOutEverywhere',
      entity: 'User',
      entityId: actor.id,
      before: { sessionVersion: sessionVersion - 1 },
      after: { sessionVersion },
    });
    return { signedOut: true };
  },
});
