/**
 * The authorization matrix's rows for the reminders (issue 15): one's own channels (everyone), a department's group
 * robot (the admin's, like the department itself), and the 催报 from the deadline board (the reviewers').
 */
import { ADMIN_ONLY, EVERYONE, REVIEWERS, type ActionCase } from './matrix';

export const REMINDER_ACTIONS: Record<string, ActionCase> = {
  'notification.updateChannels': {
    scoped: false,
    row: EVERYONE,
    input: async () => ({ emailEnabled: true, email: 'matrix@keystone.test' }),
  },
  'department.setWebhook': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({
      departmentId: fx.ownDepartmentId,
      kind: 'WECOM',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=matrix',
      keyword: '',
    }),
  },
  'department.removeWebhook': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => {
      await fx.db.departmentWebhook.upsert({
        where: { departmentId: fx.otherDepartmentId },
        create: {
          departmentId: fx.otherDepartmentId,
          kind: 'DINGTALK',
          url: 'https://oapi.dingtalk.com/robot/send?access_token=m',
        },
        update: {},
      });
      return { departmentId: fx.otherDepartmentId };
    },
  },
  // November 2025 is due on 5 December; the clock is put after it so that departments are late
  'report.sendReminders': {
    scoped: false,
    row: REVIEWERS,
    input: async () => {
      // imported at the call: the matrix re-imports modules per action, and the actions read the newest clock
      const { setClockForTests } = await import('@/lib/server/clock');
      setClockForTests(new Date('2025-12-20T01:00:00Z'));
      return { year: 2025, month: 11 };
    },
  },
};
