import { z } from 'zod';
import { ZNewPassword } from './password';

/** A user changing their own password (also the forced change after an admin set it). */
export const ZChangePassword = z
  .object({
    currentPassword: z
      .string({ error: 'passwordRequired' })
      .min(1, { error: 'passwordRequired' })
      .max(256, { error: 'passwordTooLong' }),
    newPassword: ZNewPassword,
    confirmPassword: z.string({ error: 'passwordRequired' }),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'passwordMismatch' });
    }
    if (value.newPassword && value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'passwordUnchanged' });
    }
  });

/** "Sign out everywhere" takes nothing but the session it comes from. */
export const ZSignOutEverywhere = z.object({});
