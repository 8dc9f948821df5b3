/**
 * The authorization matrix's rows for what every signed-in user does with their own account and notifications,
 * and for the monthly bulletins the bureau and the admin draft and publish.
 */
import { EVERYONE, REVIEWERS, type ActionCase, type Fixtures } from './matrix';

/** A draft bulletin of a month of its own (straight into the table); its id and version. */
async function draftBulletin(fx: Fixtures) {
  const planYear = await fx.db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
  const b = await fx.db.bulletin.create({
    data: { planYearId: planYear.id, month: 11 - fx.seq(), title: '矩阵测试', body: '矩阵测试' },
  });
  return { id: b.id, version: b.version };
}

/** A fresh unread notification of whoever the mocked request context says is signed in; its id. */
async function unreadNotificationOfSignedInUser(fx: Fixtures): Promise<number> {
  // imported at the call: the matrix re-imports modules per action, and the mock it arms is the newest one
  const { getRequestContext } = await import('@/lib/auth/request-context');
  const { actor } = await getRequestContext();
  const created = await fx.db.notification.create({
    data: {
      userId: actor!.id,
      kind: 'REPORTS_SUBMITTED',
      params: { department: '区交通局', year: 2025, month: 11, count: 2 },
      link: '/reports/board',
    },
  });
  return created.id;
}

export const EVERYDAY_ACTIONS: Record<string, ActionCase> = {
  'user.changePassword': {
    scoped: false,
    row: EVERYONE,
    input: async () => ({
      currentPassword: 'Keystone@2025',
      newPassword: 'Matrix#Pass2026',
      confirmPassword: 'Matrix#Pass2026',
    }),
  },
  'user.signOutEverywhere': {
    scoped: false,
    row: EVERYONE,
    input: async () => ({}),
  },
  // Everyone's own notifications; someone else's id is tested in tests/integration/notifications.test.ts.
  'notification.markRead': {
    scoped: false,
    row: EVERYONE,
    input: async (fx) => ({ id: await unreadNotificationOfSignedInUser(fx) }),
  },
  'notification.markAllRead': {
    scoped: false,
    row: EVERYONE,
    input: async (fx) => {
      await unreadNotificationOfSignedInUser(fx);
      return {};
    },
  },
  // A month's bulletin: drafted by the bureau and the admin only; each allowed call drafts another month.
  'bulletin.create': {
    scoped: false,
    row: REVIEWERS,
    input: async (fx) => ({ year: 2025, month: 11 - fx.seq() }),
  },
  'bulletin.regenerate': { scoped: false, row: REVIEWERS, input: async (fx) => draftBulletin(fx) },
  'bulletin.update': {
    scoped: false,
    row: REVIEWERS,
    input: async (fx) => ({ ...(await draftBulletin(fx)), title: '矩阵测试通报', body: '矩阵测试正文' }),
  },
  'bulletin.publish': { scoped: false, row: REVIEWERS, input: async (fx) => draftBulletin(fx) },
};
