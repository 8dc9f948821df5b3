/**
 * The authorization matrix, generated from one table: for every server action and every data-access read,
 * what each role may do on a record of the actor's own department and of another one. Each cell is called for
 * real against a seeded throwaway database:
 *   - allowed  → the call succeeds (and an action writes its audit row);
 *   - refused  → FORBIDDEN, or for another department's record NOT_FOUND answered exactly like a missing id,
 *                and the database is unchanged (no audit row either).
 * An exported action or a get/list function that is missing from the table fails the test.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import type { ActionMeta, ActionResult } from '@/lib/actions/safe-action';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf, type Permission } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import { AppError } from '@/lib/server/errors';
import { actorOf, contextOf } from '../helpers/actors';
import { digestOf } from '../helpers/audit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROLES: Role[] = ['LEADER', 'DEPARTMENT', 'BUREAU', 'ADMIN'];
/** The department reporter acting in every DEPARTMENT cell, and the department whose records are "other". */
const REPORTER = 'zjw'; // 区住房城乡建委
const OTHER_DEPARTMENT = '区交通局';
const ACTOR_OF: Record<Role, string> = { LEADER: 'leader', DEPARTMENT: REPORTER, BUREAU: 'bureau', ADMIN: 'admin' };

/** '-' refused on every record; 'own' allowed on the actor's own department's records only; 'all' allowed. */
type Cell = '-' | 'own' | 'all';
type Row = Record<Role, Cell>;
const row = (LEADER: Cell, DEPARTMENT: Cell, BUREAU: Cell, ADMIN: Cell): Row => ({ LEADER, DEPARTMENT, BUREAU, ADMIN });

interface Fixtures {
  db: Db;
  ownDepartmentId: number;
  otherDepartmentId: number;
  seq: () => number;
}
type Target = 'own' | 'other';

/** A November report of the target department in one of these states, made so if needed; its id and version. */
async function reportOf(fx: Fixtures, target: Target, status: 'DRAFT' | 'SUBMITTED') {
  const departmentId = target === 'own' ? fx.ownDepartmentId : fx.otherDepartmentId;
  const report = await fx.db.monthlyReport.findFirstOrThrow({
    where: { month: 11, plan: { project: { departmentId }, stage: { not: 'PRELIMINARY' } } },
    orderBy: { id: 'asc' },
  });
  const updated = await fx.db.monthlyReport.update({ where: { id: report.id }, data: { status } });
  return { reportId: updated.id, version: updated.version, planId: updated.planId };
}

interface ActionCase {
  /** records of a department are involved: own and other are both tried */
  scoped: boolean;
  row: Row;
  input(fx: Fixtures, target: Target): Promise<unknown>;
}

const ADMIN_ONLY = row('-', '-', '-', 'all');
const REVIEWERS = row('-', '-', 'all', 'all');

/** A one-row CSV of a new 前期 project (no annual plan, so the 2025 figures stay as published). */
function importFile(code: string): File {
  const csv = `项目代码,项目名称,责任单位,项目类别,投资主体,投资方向,总投资\n${code},矩阵导入测试项目,区住房城乡建委,前期,区级,基础设施,100.00\n`;
  return new File([csv], `${code}.csv`, { type: 'text/csv' });
}

/** THE TABLE for server actions, by action name. */
const ACTIONS: Record<string, ActionCase> = {
  'user.changePassword': {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    input: async () => ({
      currentPassword: 'Keystone@2025',
      newPassword: 'Matrix#Pass2026',
      confirmPassword: 'Matrix#Pass2026',
    }),
  },
  'user.signOutEverywhere': {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    input: async () => ({}),
  },
  'user.create': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({
      username: `matrix${fx.seq()}`,
      displayName: '矩阵测试',
      role: 'LEADER',
      departmentId: null,
      password: 'Matrix#Pass2026',
    }),
  },
  'user.update': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => {
      const u = await fx.db.user.findUniqueOrThrow({ where: { username: 'dept06' } });
      return { id: u.id, displayName: '改名测试', role: 'DEPARTMENT', departmentId: u.departmentId };
    },
  },
  'user.resetPassword': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({
      id: (await fx.db.user.findUniqueOrThrow({ where: { username: 'dept07' } })).id,
      password: 'Reset#Pass2026',
    }),
  },
  'user.setActive': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({
      id: (await fx.db.user.findUniqueOrThrow({ where: { username: 'dept08' } })).id,
      active: false,
    }),
  },
  'department.create': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({ name: `矩阵测试单位${fx.seq()}`, shortName: '测试', kind: 'DEPARTMENT' }),
  },
  'department.update': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({
      id: (await fx.db.department.findUniqueOrThrow({ where: { name: '区科技局' } })).id,
      name: '区科学技术局',
      shortName: '科技局',
      kind: 'DEPARTMENT',
    }),
  },
  'department.setActive': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({
      id: (await fx.db.department.findUniqueOrThrow({ where: { name: '区生态环境局' } })).id,
      active: false,
    }),
  },
  'department.delete': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({
      id: (await fx.db.department.create({ data: { name: `空单位${fx.seq()}`, shortName: '空', kind: 'DEPARTMENT' } }))
        .id,
    }),
  },
  'planYear.create': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({ year: 2030 + fx.seq(), title: '测试年度', approvedInvestment: '1,000.00' }),
  },
  'planYear.update': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({
      id: (await fx.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).id,
      title: '渝中区2025年重点项目计划（修订）',
      approvedInvestment: '2478000.00',
      currentMonth: 11,
      reportDeadlineDay: 6,
    }),
  },
  'planYear.activate': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => {
      // one ACTIVE year at a time: the year to activate needs the current one out of the way
      await fx.db.planYear.update({ where: { year: 2025 }, data: { status: 'CLOSED' } });
      return {
        id: (
          await fx.db.planYear.create({ data: { year: 2040 + fx.seq(), title: '测试年度', approvedInvestment: '1' } })
        ).id,
      };
    },
  },
  'planYear.close': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({ id: (await fx.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).id }),
  },
  'project.importDryRun': {
    scoped: false,
    row: REVIEWERS,
    input: async (fx) => ({ year: 2025, file: importFile(`MX-${fx.seq()}`) }),
  },
  'project.import': {
    scoped: false,
    row: REVIEWERS,
    // as after a check that saw a new code; 2025 is active, so with a reason
    input: async (fx) => {
      const code = `MX-${fx.seq()}`;
      return { year: 2025, file: importFile(code), versions: JSON.stringify({ [code]: 'new' }), reason: '矩阵测试' };
    },
  },
  'project.create': {
    scoped: false,
    row: REVIEWERS,
    // a 前期 project (no annual plan), so the 2025 figures stay as published; a reason, as the year may be active
    input: async (fx) => ({
      code: `MXP-${fx.seq()}`,
      name: '矩阵新建项目',
      departmentId: fx.ownDepartmentId,
      ownerUnit: '测试业主',
      area: '解放碑',
      buildType: 'NEW',
      scope: '',
      totalInvestment: '100.00',
      plannedStart: '',
      plannedCompletion: '',
      actualStart: '',
      actualCompletion: '',
      leaderInCharge: '',
      contactName: '',
      contactPhone: '',
      planYearId: (await fx.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).id,
      stage: 'PRELIMINARY',
      investorType: 'DISTRICT',
      direction: 'INFRASTRUCTURE',
      cumulativeBeforeYear: '0',
      annualPlan: '',
      monthly: Array<string>(12).fill(''),
      milestoneTarget: '',
      reason: '矩阵测试',
    }),
  },
  'project.update': {
    scoped: false,
    row: REVIEWERS,
    // the project as stored with only its district leader changed: no plan change, so no reason needed
    input: async (fx) => {
      const plan = await fx.db.projectPlan.findFirstOrThrow({
        where: { planYear: { year: 2025 }, project: { departmentId: fx.ownDepartmentId } },
        include: { project: true, monthlyPlan: { orderBy: { month: 'asc' } } },
        orderBy: { id: 'asc' },
      });
      const p = plan.project;
      const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
      return {
        id: p.id,
        code: p.code,
        name: p.name,
        departmentId: p.departmentId,
        ownerUnit: p.ownerUnit,
        area: p.area,
        buildType: p.buildType,
        scope: p.scope,
        totalInvestment: p.totalInvestment.toFixed(2),
        plannedStart: day(p.plannedStart),
        plannedCompletion: day(p.plannedCompletion),
        actualStart: day(p.actualStart),
        actualCompletion: day(p.actualCompletion),
        leaderInCharge: `矩阵测试${fx.seq()}`,
        contactName: p.contactName ?? '',
        contactPhone: p.contactPhone ?? '',
        planYearId: plan.planYearId,
        stage: plan.stage,
        investorType: plan.investorType,
        direction: plan.direction,
        cumulativeBeforeYear: plan.cumulativeBeforeYear.toFixed(2),
        annualPlan: plan.annualPlan?.toFixed(2) ?? '',
        monthly: Array.from({ length: 12 }, (_, i) => plan.monthlyPlan[i]?.amount.toFixed(2) ?? ''),
        milestoneTarget: plan.milestoneTarget ?? '',
        reason: '',
        planVersion: plan.version,
      };
    },
  },
  'report.saveDraft': {
    scoped: true,
    row: row('-', 'own', '-', '-'),
    input: async (fx, target) => {
      const r = await reportOf(fx, target, 'DRAFT');
      return {
        projectPlanId: r.planId,
        month: 11,
        version: r.version,
        investedThisMonth: '12.50',
        progressText: '主体结构施工',
        problems: '',
        coordinationNeeded: '',
        nextSteps: '',
      };
    },
  },
  'report.submit': {
    scoped: true,
    row: row('-', 'own', '-', '-'),
    input: async (fx, target) => {
      const r = await reportOf(fx, target, 'DRAFT');
      return { reportId: r.reportId, version: r.version };
    },
  },
  'report.approve': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => {
      const r = await reportOf(fx, target, 'SUBMITTED');
      return { reportId: r.reportId, version: r.version };
    },
  },
  'report.return': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => {
      const r = await reportOf(fx, target, 'SUBMITTED');
      return { reportId: r.reportId, version: r.version, comment: '请补充形象进度说明' };
    },
  },
  'report.submitMany': {
    scoped: true,
    row: row('-', 'own', '-', '-'),
    input: async (fx, target) => {
      const departmentId = target === 'own' ? fx.ownDepartmentId : fx.otherDepartmentId;
      const found = await fx.db.monthlyReport.findMany({
        where: { month: 11, plan: { project: { departmentId }, stage: { not: 'PRELIMINARY' } } },
        orderBy: { id: 'asc' },
        take: 2,
      });
      await fx.db.monthlyReport.updateMany({
        where: { id: { in: found.map((r) => r.id) } },
        data: { status: 'DRAFT' },
      });
      return { reports: found.map((r) => ({ reportId: r.id, version: r.version })) };
    },
  },
  'report.approveMany': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => {
      const departmentId = target === 'own' ? fx.ownDepartmentId : fx.otherDepartmentId;
      const found = await fx.db.monthlyReport.findMany({
        where: { month: 11, plan: { project: { departmentId }, stage: { not: 'PRELIMINARY' } } },
        orderBy: { id: 'asc' },
        take: 2,
      });
      await fx.db.monthlyReport.updateMany({
        where: { id: { in: found.map((r) => r.id) } },
        data: { status: 'SUBMITTED' },
      });
      return { reports: found.map((r) => ({ reportId: r.id, version: r.version })) };
    },
  },
  'report.returnMany': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => {
      const departmentId = target === 'own' ? fx.ownDepartmentId : fx.otherDepartmentId;
      const found = await fx.db.monthlyReport.findMany({
        where: { month: 11, plan: { project: { departmentId }, stage: { not: 'PRELIMINARY' } } },
        orderBy: { id: 'asc' },
        take: 2,
      });
      await fx.db.monthlyReport.updateMany({
        where: { id: { in: found.map((r) => r.id) } },
        data: { status: 'SUBMITTED' },
      });
      return { reports: found.map((r) => ({ reportId: r.id, version: r.version })), comment: '请补充形象进度说明' };
    },
  },
  'planYear.setWarningThresholds': {
    scoped: false,
    row: REVIEWERS,
    // a different line each call, so an allowed call changes something (and is audited)
    input: async (fx) => ({ year: 2025, yellowPoints: String(10 + fx.seq()), redPoints: '40' }),
  },
  'report.reopen': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => {
      // an October report, approved (again, after an allowed cell reopened it)
      const departmentId = target === 'own' ? fx.ownDepartmentId : fx.otherDepartmentId;
      const report = await fx.db.monthlyReport.findFirstOrThrow({
        where: { month: 10, plan: { project: { departmentId }, stage: { not: 'PRELIMINARY' } } },
        orderBy: { id: 'asc' },
      });
      const updated = await fx.db.monthlyReport.update({ where: { id: report.id }, data: { status: 'APPROVED' } });
      return { reportId: updated.id, version: updated.version, reason: '更正本月完成投资' };
    },
  },
  // Everyone's own notifications; someone else's id is tested in tests/integration/notifications.test.ts.
  'notification.markRead': {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    input: async (fx) => ({ id: await unreadNotificationOfSignedInUser(fx) }),
  },
  'notification.markAllRead': {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    input: async (fx) => {
      await unreadNotificationOfSignedInUser(fx);
      return {};
    },
  },
  'apiToken.issue': { scoped: false, row: ADMIN_ONLY, input: async (fx) => ({ name: `矩阵令牌${fx.seq()}` }) },
  'apiToken.revoke': {
    scoped: false,
    row: ADMIN_ONLY,
    input: async (fx) => ({
      id: (
        await fx.db.apiToken.create({
          data: { name: '矩阵撤销', tokenHash: `matrix-${fx.seq()}`, prefix: 'ks_matrix' },
        })
      ).id,
    }),
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

/** The same input pointed at a record that does not exist, to prove "other department" answers identically. */
function withMissingRecord(input: unknown): unknown {
  const copy = { ...(input as Record<string, unknown>) };
  for (const key of ['projectPlanId', 'reportId']) if (key in copy) copy[key] = 99_999_999;
  // bulk actions name their records in a list
  if (Array.isArray(copy.reports)) {
    copy.reports = (copy.reports as Record<string, unknown>[]).map((r, i) => ({ ...r, reportId: 99_999_990 + i }));
  }
  return copy;
}

interface ReadCase {
  scoped: boolean;
  row: Row;
  call(db: Db, actor: Actor, fx: Fixtures, target: Target): Promise<unknown>;
}

/** THE TABLE for data-access reads, by function name. */
const READS: Record<string, ReadCase> = {
  getPlanReconciliation: {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.plan.getPlanReconciliation(db, a, 2025),
  },
  listPlanYears: {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.planYears.listPlanYears(db, a),
  },
  // published bulletins for everyone with rollup.read; drafts are filtered out for non-managers (tests/integration/bulletins.test.ts)
  getBulletin: {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.bulletin.getBulletin(db, a, { year: 2025, month: 10 }),
  },
  listBulletins: {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.bulletins.listBulletins(db, a, { year: 2025 }),
  },
  listProjects: {
    scoped: false, // scoped inside the query: checked separately below
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.listProjects.listProjects(db, a, { year: 2025 }),
  },
  listProjectIds: {
    scoped: false, // the list's own query, scope included: checked with it below
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.listProjects.listProjectIds(db, a, { year: 2025 }),
  },
  getProject: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: async (db, a, fx, target) => mod.getProject.getProject(db, a, { id: await projectOf(fx, target) }),
  },
  getProjectHistory: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: async (db, a, fx, target) =>
      mod.getProjectHistory.getProjectHistory(db, a, { projectId: await projectOf(fx, target) }),
  },
  listAuditLog: {
    scoped: false,
    row: row('-', '-', 'all', 'all'),
    call: (db, a) => mod.listAuditLog.listAuditLog(db, a, {}),
  },
  getAuditFilterOptions: {
    scoped: false,
    row: row('-', '-', 'all', 'all'),
    call: (db, a) => mod.auditOptions.getAuditFilterOptions(db, a),
  },
  listUsers: { scoped: false, row: ADMIN_ONLY, call: (db, a) => mod.listUsers.listUsers(db, a) },
  listDepartments: { scoped: false, row: ADMIN_ONLY, call: (db, a) => mod.listDepartments.listDepartments(db, a) },
  listDepartmentOptions: {
    scoped: false,
    row: ADMIN_ONLY,
    call: (db, a) => mod.listDepartments.listDepartmentOptions(db, a),
  },
  listPlanYearsForAdmin: {
    scoped: false,
    row: ADMIN_ONLY,
    call: (db, a) => mod.listPlanYearsAdmin.listPlanYearsForAdmin(db, a),
  },
  listApiTokens: { scoped: false, row: ADMIN_ONLY, call: (db, a) => mod.listApiTokens.listApiTokens(db, a) },
  getReportBoard: {
    scoped: false, // a department sees only its own line: checked in tests/integration/report-board.test.ts
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.reportBoard.getReportBoard(db, a, { year: 2025, month: 11, today: '2025-12-08' }),
  },
  getRollup: {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.rollup.getRollup(db, a, { year: 2025, month: 10 }),
  },
  // project-level detail: a department's own projects only (what each role is shown: 'project-level detail' below)
  getProjectFigures: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: (db, a, fx, target) =>
      mod.projectFigures.getProjectFigures(db, a, {
        year: 2025,
        month: 10,
        basis: 'approved',
        departmentId: departmentOf(fx, target),
      }),
  },
  // the department's line is an aggregate everyone reads; its projects only for project.read (checked below)
  getDepartmentDrillDown: {
    scoped: true,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a, fx, target) =>
      mod.drillDown.getDepartmentDrillDown(db, a, {
        year: 2025,
        month: 10,
        basis: 'approved',
        departmentId: departmentOf(fx, target),
      }),
  },
  getRollupCached: {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.figuresCache.getRollupCached(db, a, { year: 2025, month: 10 }),
  },
  getAttentionCached: {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.figuresCache.getAttentionCached(db, a, { year: 2025, month: 10, basis: 'approved' }),
  },
  getAttention: {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.attention.getAttention(db, a, { year: 2025, month: 10, basis: 'approved' }),
  },
  getBatchEntry: {
    scoped: false, // the actor's own department only, by construction: there is no other department to ask for
    row: row('-', 'own', '-', '-'),
    call: (db, a) => mod.batchEntry.getBatchEntry(db, a, { year: 2025, month: 11 }),
  },
  getReviewQueue: {
    scoped: false,
    row: row('-', '-', 'all', 'all'),
    call: (db, a) => mod.reviewQueue.getReviewQueue(db, a, { year: 2025, month: 11 }),
  },
  listNotifications: {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.notifications.listNotifications(db, a),
  },
  getUnreadNotificationCount: {
    scoped: false,
    row: row('all', 'all', 'all', 'all'),
    call: (db, a) => mod.notifications.getUnreadNotificationCount(db, a),
  },
};

function departmentOf(fx: Fixtures, target: Target): number {
  return target === 'own' ? fx.ownDepartmentId : fx.otherDepartmentId;
}

async function projectOf(fx: Fixtures, target: Target) {
  const departmentId = target === 'own' ? fx.ownDepartmentId : fx.otherDepartmentId;
  return (await fx.db.project.findFirstOrThrow({ where: { departmentId }, orderBy: { id: 'asc' } })).id;
}

// Modules are imported after DATABASE_URL points at the test database (lib/db reads it on first import).
const mod = {} as {
  plan: typeof import('@/lib/server/plan/get-plan-reconciliation');
  planYears: typeof import('@/lib/server/plan/list-plan-years');
  listProjects: typeof import('@/lib/server/projects/list-projects');
  getProject: typeof import('@/lib/server/projects/get-project');
  getProjectHistory: typeof import('@/lib/server/projects/get-project-history');
  listAuditLog: typeof import('@/lib/server/audit/list-audit-log');
  auditOptions: typeof import('@/lib/server/audit/get-audit-filter-options');
  listUsers: typeof import('@/lib/server/admin/list-users');
  listDepartments: typeof import('@/lib/server/admin/list-departments');
  listPlanYearsAdmin: typeof import('@/lib/server/admin/list-plan-years');
  listApiTokens: typeof import('@/lib/server/admin/list-api-tokens');
  reportBoard: typeof import('@/lib/server/reports/get-report-board');
  notifications: typeof import('@/lib/server/notifications/list-notifications');
  batchEntry: typeof import('@/lib/server/reports/get-batch-entry');
  rollup: typeof import('@/lib/server/dashboard/get-rollup');
  projectFigures: typeof import('@/lib/server/dashboard/get-project-figures');
  attention: typeof import('@/lib/server/dashboard/get-attention');
  drillDown: typeof import('@/lib/server/dashboard/get-department-drill-down');
  figuresCache: typeof import('@/lib/server/dashboard/figures-cache');
  reviewQueue: typeof import('@/lib/server/reports/get-review-queue');
  bulletin: typeof import('@/lib/server/bulletins/get-bulletin');
  bulletins: typeof import('@/lib/server/bulletins/list-bulletins');
};
type AnyAction = ((input: unknown) => Promise<ActionResult<unknown>>) & { meta: ActionMeta };
let actions: Map<string, AnyAction>;
const databases: TestDatabase[] = [];

async function freshDatabase(): Promise<{ t: TestDatabase; fx: Fixtures }> {
  const t = await createTestDatabase('seeded');
  databases.push(t);
  let n = 0;
  const dept = async (name: string) => (await t.db.department.findUniqueOrThrow({ where: { name } })).id;
  const reporter = await t.db.user.findUniqueOrThrow({ where: { username: REPORTER } });
  return {
    t,
    fx: {
      db: t.db,
      ownDepartmentId: reporter.departmentId!,
      otherDepartmentId: await dept(OTHER_DEPARTMENT),
      seq: () => ++n,
    },
  };
}

/** The user acting in a role's cells, as their session shows them. */
const actorFor = (db: Db, role: Role) => actorOf(db, ACTOR_OF[role]);

/** Everything a refused call must leave as it was. */
const TOUCHED = ['User', 'Department', 'PlanYear', 'MonthlyReport', 'AuditLog'] as const;

beforeAll(async () => {
  const bootstrap = await freshDatabase();
  process.env.DATABASE_URL = bootstrap.t.url;
  actions = await loadActions();
  Object.assign(mod, {
    plan: await import('@/lib/server/plan/get-plan-reconciliation'),
    planYears: await import('@/lib/server/plan/list-plan-years'),
    listProjects: await import('@/lib/server/projects/list-projects'),
    getProject: await import('@/lib/server/projects/get-project'),
    getProjectHistory: await import('@/lib/server/projects/get-project-history'),
    listAuditLog: await import('@/lib/server/audit/list-audit-log'),
    auditOptions: await import('@/lib/server/audit/get-audit-filter-options'),
    listUsers: await import('@/lib/server/admin/list-users'),
    listDepartments: await import('@/lib/server/admin/list-departments'),
    listPlanYearsAdmin: await import('@/lib/server/admin/list-plan-years'),
    listApiTokens: await import('@/lib/server/admin/list-api-tokens'),
    reportBoard: await import('@/lib/server/reports/get-report-board'),
    notifications: await import('@/lib/server/notifications/list-notifications'),
    batchEntry: await import('@/lib/server/reports/get-batch-entry'),
    rollup: await import('@/lib/server/dashboard/get-rollup'),
    projectFigures: await import('@/lib/server/dashboard/get-project-figures'),
    attention: await import('@/lib/server/dashboard/get-attention'),
    drillDown: await import('@/lib/server/dashboard/get-department-drill-down'),
    figuresCache: await import('@/lib/server/dashboard/figures-cache'),
    reviewQueue: await import('@/lib/server/reports/get-review-queue'),
    bulletin: await import('@/lib/server/bulletins/get-bulletin'),
    bulletins: await import('@/lib/server/bulletins/list-bulletins'),
  });
}, 120_000);

afterAll(async () => {
  for (const t of databases) await t.drop();
});

describe('the table covers everything', () => {
  it('has a row for every server action, and no row for an action that does not exist', () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it('has a row for every get/list function of the data-access layer', async () => {
    const found: string[] = [];
    for (const dir of readdirSync(path.join(ROOT, 'lib/server'), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    )) {
      for (const file of readdirSync(path.join(ROOT, 'lib/server', dir.name)).filter((f) => f.endsWith('.ts'))) {
        const exports = (await import(path.join(ROOT, 'lib/server', dir.name, file))) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exports)) {
          if (typeof value === 'function' && /^(get|list)[A-Z]/.test(name)) found.push(name);
        }
      }
    }
    expect(found.sort()).toEqual(Object.keys(READS).sort());
  });

  it('agrees with the permission matrix each action declares', () => {
    for (const [name, action] of actions) {
      const expected = ACTIONS[name]!;
      for (const role of ROLES) {
        const scope = scopeOf({ role, departmentId: 1 }, action.meta.permission as Permission);
        const cell = expected.row[role];
        expect(`${name} ${role} ${scope}`).toBe(`${name} ${role} ${cell === '-' ? 'none' : cell}`);
      }
    }
  });
});

/** Imports every "use server" module afresh (so lib/db binds to the current DATABASE_URL) and finds actions by name. */
async function loadActions(): Promise<Map<string, AnyAction>> {
  const found = new Map<string, AnyAction>();
  for (const file of readdirSync(path.join(ROOT, 'lib/actions')).filter(
    (f) => f.endsWith('.ts') && f !== 'safe-action.ts',
  )) {
    const exports = (await import(path.join(ROOT, 'lib/actions', file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      const meta = (value as { meta?: ActionMeta }).meta;
      if (typeof value !== 'function' || !meta)
        throw new Error(`lib/actions/${file} exports ${exportName}, which is not made with defineAction`);
      found.set(meta.name, value as AnyAction);
    }
  }
  return found;
}

// Each action gets a database of its own, so what its allowed calls change cannot affect another action's cells.
describe.each(Object.entries(ACTIONS))('action %s', (name, spec) => {
  let fx: Fixtures;
  let action: AnyAction;
  let context: ReturnType<typeof vi.fn>;
  let appDb: Db;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    fx = fresh.fx;
    process.env.DATABASE_URL = fresh.t.url;
    vi.resetModules();
    context = vi.mocked((await import('@/lib/auth/request-context')).getRequestContext);
    action = (await loadActions()).get(name)!;
    appDb = (await import('@/lib/db')).prisma; // the client the actions use, closed before its database is dropped
  });
  afterAll(async () => appDb?.$disconnect());

  const targets: Target[] = spec.scoped ? ['own', 'other'] : ['own'];
  it.each(ROLES.flatMap((role) => targets.map((target) => [role, target] as const)))(
    'as %s on a record of the %s department',
    async (role, target) => {
      expect(action, `no action named ${name}`).toBeDefined();
      context.mockResolvedValue(contextOf(await actorFor(fx.db, role)));
      const input = await spec.input(fx, target);
      const before = await digestOf(fx.db, TOUCHED);
      const auditsBefore = await fx.db.auditLog.count();

      const result = await action(input);
      const cell = spec.row[role];
      const allowed = cell === 'all' || (cell === 'own' && target === 'own');
      if (allowed) {
        expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        expect(await fx.db.auditLog.count({ where: { id: { gt: 0 } } })).toBeGreaterThan(auditsBefore);
      } else {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(result.code);
        expect(await digestOf(fx.db, TOUCHED)).toBe(before);
        if (cell === 'own' && target === 'other') {
          // another department's record answers exactly like a record that does not exist
          expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
          expect(await action(withMissingRecord(input))).toEqual(result);
        }
      }
    },
  );
});

describe.each(Object.entries(READS))('read %s', (name, spec) => {
  const targets: Target[] = spec.scoped ? ['own', 'other'] : ['own'];
  it.each(ROLES.flatMap((role) => targets.map((target) => [role, target] as const)))(
    'as %s on a record of the %s department',
    async (role, target) => {
      const t = databases[0]!;
      const fx = await fixturesOf(t);
      const actor = await actorFor(t.db, role);
      const cell = spec.row[role];
      const allowed = cell === 'all' || (cell === 'own' && target === 'own');
      const outcome = await spec.call(t.db, actor, fx, target).then(
        () => 'ok',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
      expect(outcome).toBe(allowed ? 'ok' : cell === 'own' ? 'NOT_FOUND' : 'FORBIDDEN');
    },
  );
});

describe('list scoping', () => {
  it('lists only its own department’s projects to a department, and all of them to the others', async () => {
    const t = databases[0]!;
    const fx = await fixturesOf(t);
    for (const role of ROLES) {
      const actor = await actorFor(t.db, role);
      const list = await mod.listProjects.listProjects(t.db, actor, { year: 2025, pageSize: 200 });
      const departments = new Set(list!.items.map((r) => r.departmentId));
      if (role === 'DEPARTMENT') expect([...departments]).toEqual([fx.ownDepartmentId]);
      else expect(list!.total).toBe(421);
      // what an export holds: the same scope
      expect(await mod.listProjects.listProjectIds(t.db, actor, { year: 2025 })).toHaveLength(list!.total);
    }
  });
});

async function fixturesOf(t: TestDatabase): Promise<Fixtures> {
  const reporter = await t.db.user.findUniqueOrThrow({ where: { username: REPORTER } });
  const other = await t.db.department.findUniqueOrThrow({ where: { name: OTHER_DEPARTMENT } });
  let n = 1000;
  return { db: t.db, ownDepartmentId: reporter.departmentId!, otherDepartmentId: other.id, seq: () => ++n };
}

/**
 * Project-level detail (names, plans, amounts, warnings): a department sees it of its own projects only, everyone
 * else of every department's. Each read that names projects is called as every role; the departments of the
 * projects it names must stay within the actor's project.read scope, and the comparison is not vacuous: the other
 * roles are shown another department's projects by the same call.
 */
describe('project-level detail', () => {
  type DetailRead = (db: Db, actor: Actor, fx: Fixtures) => Promise<{ departmentId: number; planId: number }[]>;
  const attentionOf = async (db: Db, a: Actor, cached: boolean) => {
    const options = {
      year: 2025,
      month: 10,
      basis: 'approved' as const,
      today: '2025-11-20',
      redLimit: 1000,
      missLimit: 1000,
    };
    const at = cached
      ? await mod.figuresCache.getAttentionCached(db, a, options)
      : await mod.attention.getAttention(db, a, options);
    return at!;
  };
  const DETAIL: Record<string, DetailRead> = {
    'getProjectFigures (no department named)': (db, a) =>
      mod.projectFigures.getProjectFigures(db, a, { year: 2025, month: 10, basis: 'approved' }),
    'getAttention red list': async (db, a) => (await attentionOf(db, a, false)).redProjects,
    'getAttention likely to miss': async (db, a) =>
      (await attentionOf(db, a, false)).likelyToMiss.map((m) => m.project),
    'getAttentionCached red list': async (db, a) => (await attentionOf(db, a, true)).redProjects,
    'getAttentionCached likely to miss': async (db, a) =>
      (await attentionOf(db, a, true)).likelyToMiss.map((m) => m.project),
    'getDepartmentDrillDown of another department': async (db, a, fx) =>
      (await mod.drillDown.getDepartmentDrillDown(db, a, {
        year: 2025,
        month: 10,
        basis: 'approved',
        departmentId: fx.otherDepartmentId,
      }))!.projects ?? [],
  };

  it.each(Object.keys(DETAIL))('%s names only the projects the actor may read', async (name) => {
    const t = databases[0]!;
    const fx = await fixturesOf(t);
    const seen: Record<Role, Set<number>> = {
      LEADER: new Set(),
      DEPARTMENT: new Set(),
      BUREAU: new Set(),
      ADMIN: new Set(),
    };
    const everyone = await DETAIL[name]!(t.db, await actorFor(t.db, 'BUREAU'), fx);
    for (const role of ROLES) {
      const items = await DETAIL[name]!(t.db, await actorFor(t.db, role), fx);
      for (const item of items) seen[role].add(item.departmentId);
      if (role === 'DEPARTMENT') {
        // exactly the other roles' list, less the projects of other departments
        expect(items.map((i) => i.planId)).toEqual(
          everyone.filter((i) => i.departmentId === fx.ownDepartmentId).map((i) => i.planId),
        );
      }
    }
    expect([...seen.DEPARTMENT].filter((d) => d !== fx.ownDepartmentId)).toEqual([]);
    for (const role of ['LEADER', 'BUREAU', 'ADMIN'] as const) {
      expect(
        [...seen[role]].some((d) => d !== fx.ownDepartmentId),
        `${name} as ${role} names another department's project`,
      ).toBe(true);
    }
  });

  it('a department sees another department’s drill-down line, not its projects; its own with them', async () => {
    const t = databases[0]!;
    const fx = await fixturesOf(t);
    const reporter = await actorFor(t.db, 'DEPARTMENT');
    const drill = (a: Actor, departmentId: number) =>
      mod.drillDown.getDepartmentDrillDown(t.db, a, { year: 2025, month: 10, basis: 'approved', departmentId });
    const other = (await drill(reporter, fx.otherDepartmentId))!;
    expect(other.projects).toBeNull();
    expect(other.line).toEqual((await drill(await actorFor(t.db, 'BUREAU'), fx.otherDepartmentId))!.line);
    const own = (await drill(reporter, fx.ownDepartmentId))!;
    expect(own.projects!.length).toBe(own.line.count);
  });

  it('the attention counts stay district-wide aggregates for a department; its lists are its own', async () => {
    const t = databases[0]!;
    const options = { year: 2025, month: 10, basis: 'approved' as const, today: '2025-11-20' };
    const bureau = (await mod.attention.getAttention(t.db, await actorFor(t.db, 'BUREAU'), options))!;
    const department = (await mod.attention.getAttention(t.db, await actorFor(t.db, 'DEPARTMENT'), options))!;
    expect([department.red, department.yellow, department.listScope]).toEqual([bureau.red, bureau.yellow, 'own']);
    expect(department.redListable).toBeGreaterThan(0);
    expect(department.redListable).toBeLessThan(bureau.redListable);
  });
});

/**
 * The submitted basis (figures that count submitted, not yet approved reports): district-wide only for those whose
 * rollup.readSubmitted reaches every department; a department's own figures for that department too.
 */
describe('submitted basis', () => {
  type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
  const cases: Record<
    string,
    { expect: Record<Role, Outcome>; call: (db: Db, a: Actor, fx: Fixtures) => Promise<unknown> }
  > = {
    'getRollup, district-wide': {
      expect: { LEADER: 'ok', DEPARTMENT: 'FORBIDDEN', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a) => mod.rollup.getRollup(db, a, { year: 2025, month: 10, basis: 'submitted' }),
    },
    'getRollupCached, district-wide': {
      expect: { LEADER: 'ok', DEPARTMENT: 'FORBIDDEN', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a) => mod.figuresCache.getRollupCached(db, a, { year: 2025, month: 10, basis: 'submitted' }),
    },
    getAttention: {
      expect: { LEADER: 'ok', DEPARTMENT: 'FORBIDDEN', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a) => mod.attention.getAttention(db, a, { year: 2025, month: 10, basis: 'submitted' }),
    },
    getAttentionCached: {
      expect: { LEADER: 'ok', DEPARTMENT: 'FORBIDDEN', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a) => mod.figuresCache.getAttentionCached(db, a, { year: 2025, month: 10, basis: 'submitted' }),
    },
    'getDepartmentDrillDown of its own department': {
      expect: { LEADER: 'ok', DEPARTMENT: 'ok', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a, fx) =>
        mod.drillDown.getDepartmentDrillDown(db, a, {
          year: 2025,
          month: 10,
          basis: 'submitted',
          departmentId: fx.ownDepartmentId,
        }),
    },
    'getDepartmentDrillDown of another department': {
      expect: { LEADER: 'ok', DEPARTMENT: 'FORBIDDEN', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a, fx) =>
        mod.drillDown.getDepartmentDrillDown(db, a, {
          year: 2025,
          month: 10,
          basis: 'submitted',
          departmentId: fx.otherDepartmentId,
        }),
    },
    'getProjectFigures of another department': {
      expect: { LEADER: 'ok', DEPARTMENT: 'NOT_FOUND', BUREAU: 'ok', ADMIN: 'ok' },
      call: (db, a, fx) =>
        mod.projectFigures.getProjectFigures(db, a, {
          year: 2025,
          month: 10,
          basis: 'submitted',
          departmentId: fx.otherDepartmentId,
        }),
    },
  };
  it.each(Object.keys(cases).flatMap((name) => ROLES.map((role) => [name, role] as const)))(
    '%s as %s',
    async (name, role) => {
      const t = databases[0]!;
      const spec = cases[name]!;
      const outcome = await spec.call(t.db, await actorFor(t.db, role), await fixturesOf(t)).then(
        () => 'ok',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
      expect(outcome).toBe(spec.expect[role]);
    },
  );
});
