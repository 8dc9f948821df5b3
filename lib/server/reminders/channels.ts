import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';
import type { WriteContext } from '@/lib/server/write-context';
import type { ZNotificationChannels } from '@/lib/validations/reminders';
import { smtpConfig } from './config';

export interface NotificationChannels {
  email: string;
  emailEnabled: boolean;
  /** false: e-mail is off for everyone until the operator configures SMTP (the page says so) */
  smtpConfigured: boolean;
}

/** The actor's own channels; the bell is always on and not a setting. */
export async function getNotificationChannels(db: Db, actor: Actor): Promise<NotificationChannels> {
  requirePermission(actor, 'account.manageOwn');
  const row = await db.notificationSetting.findUnique({
    where: { userId: actor.id },
    select: { email: true, emailEnabled: true },
  });
  return { email: row?.email ?? '', emailEnabled: row?.emailEnabled ?? false, smtpConfigured: smtpConfig() !== null };
}

/** One's own channels: e-mail on or off, and the address. Audited (the address is the user's own, not a secret). */
export async function updateNotificationChannels({
  tx,
  actor,
  input,
  audit,
}: WriteContext<z.output<typeof ZNotificationChannels>>) {
  requirePermission(actor, 'account.manageOwn');
  const before = await tx.notificationSetting.findUnique({
    where: { userId: actor.id },
    select: { email: true, emailEnabled: true },
  });
  const data = { email: input.email === '' ? null : input.email, emailEnabled: input.emailEnabled };
  await tx.notificationSetting.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, ...data },
    update: data,
  });
  await audit({
    action: 'notification.updateChannels',
    entity: 'User',
    entityId: actor.id,
    before: before ?? { email: null, emailEnabled: false },
    after: data,
  });
  return { emailEnabled: data.emailEnabled };
}
