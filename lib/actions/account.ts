'use server';

import { hash } from '@node-rs/argon2';
import { defineAction } from '@/lib/actions/safe-action';
import { verifyPassword } from '@/lib/auth/password';
import { NotFoundError, ValidationError } from '@/lib/server/errors';
import { ZChangePassword } from '@/lib/validations/account';
import { passwordProblems } from '@/lib/validations/password';

/** A user replaces their own password; the only action open while an admin-set password awaits its change. */
export const changeOwnPassword = defineAction({
  name: 'user.changePassword',
  permission: 'account.manageOwn',
  input: ZChangePassword,
  allowedBeforePasswordChange: true,
  async run({ actor, input, tx, audit }) {
    const user = await tx.user.findUnique({
      where: { id: actor.id },
      select: { username: true, passwordHash: true, mustChangePassword: true },
    });
    if (!user) throw new NotFoundError('user');
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new ValidationError({ currentPassword: ['currentPasswordWrong'] });
    }
    if (passwordProblems(input.newPassword, user.username).includes('passwordContainsUsername')) {
      throw new ValidationError({ newPassword: ['passwordContainsUsername'] });
    }
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash: await hash(input.newPassword), mustChangePassword: false, passwordChangedAt: new Date() },
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
});
