'use server';

/**
 * The reminder actions (issue 15, docs/reminders.md): one's own channels, a department's group robot, and the
 * bureau's 催报 from the deadline board. Each is the wrapper around a function of lib/server/reminders.
 */
import { defineAction } from '@/lib/actions/safe-action';
import { updateNotificationChannels as updateChannels } from '@/lib/server/reminders/channels';
import { sendReportReminders as sendReminders } from '@/lib/server/reminders/report-reminders';
import {
  removeDepartmentWebhook as removeWebhook,
  setDepartmentWebhook as setWebhook,
} from '@/lib/server/reminders/webhooks';
import {
  ZDepartmentWebhook,
  ZNotificationChannels,
  ZRemoveDepartmentWebhook,
  ZSendReportReminders,
} from '@/lib/validations/reminders';

export const updateNotificationChannels = defineAction({
  name: 'notification.updateChannels',
  permission: 'account.manageOwn',
  input: ZNotificationChannels,
  revalidate: ['/account'],
  run: updateChannels,
});

export const setDepartmentWebhook = defineAction({
  name: 'department.setWebhook',
  permission: 'department.manage',
  input: ZDepartmentWebhook,
  revalidate: ['/admin/departments'],
  run: setWebhook,
});

export const removeDepartmentWebhook = defineAction({
  name: 'department.removeWebhook',
  permission: 'department.manage',
  input: ZRemoveDepartmentWebhook,
  revalidate: ['/admin/departments'],
  run: removeWebhook,
});

export const sendReportReminders = defineAction({
  name: 'report.sendReminders',
  permission: 'report.review',
  input: ZSendReportReminders,
  revalidate: ['/notifications'],
  run: sendReminders,
});
