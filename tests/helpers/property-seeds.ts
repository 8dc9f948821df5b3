/**
 * A valid input of each server action on a fresh seeded database, for the property test of every action
 * (tests/integration/property-actions.test.ts): the generated hostile inputs are built around it, so that most get
 * past the schema and reach the deeper code. A new action needs its seed here (the property test fails otherwise).
 */
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/prisma';
import { photo } from './attachment-fixtures';
import { smallClosedYear } from './carry-over';
import { INDICATOR_SEEDS } from './indicator-property-seeds';
import { MATRIX_SEEDS } from './matrix-property-seeds';
import { approveDecember } from './closed-year-story';

const idOf = async (p: Promise<{ id: number }>) => (await p).id;
const anyReport = (db: Db, departmentUser = 'zjw', month = 11) =>
  db.monthlyReport.findFirstOrThrow({
    where: {
      month,
      plan: {
        project: { department: { users: { some: { username: departmentUser } } } },
        stage: { not: 'PRELIMINARY' },
      },
    },
    orderBy: { id: 'asc' },
  });

/** A valid input of each action on a fresh seeded database: what the generated inputs are built around. */
export const SEEDS: Record<string, (db: Db) => Promise<unknown>> = {
  ...MATRIX_SEEDS,
  ...INDICATOR_SEEDS,
  'user.changePassword': async () => ({
    currentPassword: 'Keystone@2025',
    newPassword: 'Prop#Pass2026x',
    confirmPassword: 'Prop#Pass2026x',
  }),
  'user.create': async () => ({
    username: 'propuser',
    displayName: '性质测试',
    role: 'LEADER',
    departmentId: null,
    password: 'Prop#Pass2026x',
  }),
  'user.update': async (db) => {
    const u = await db.user.findUniqueOrThrow({ where: { username: 'dept06' } });
    return { id: u.id, displayName: '改名测试', role: 'DEPARTMENT', departmentId: u.departmentId };
  },
  'user.resetPassword': async (db) => ({
    id: await idOf(db.user.findUniqueOrThrow({ where: { username: 'dept07' } })),
    password: 'Reset#Pass2026x',
  }),
  'user.signOutEverywhere': async () => ({}),
  'user.setActive': async (db) => ({
    id: await idOf(db.user.findUniqueOrThrow({ where: { username: 'dept08' } })),
    active: false,
  }),
  'department.create': async () => ({ name: '性质测试单位', shortName: '测试', kind: 'DEPARTMENT' }),
  // departments of their own: another action's accepted inputs may have renamed any seeded one
  'department.update': async (db) => ({
    id: await ownDepartment(db, 'PBT改名单位'),
    name: 'PBT改名后单位',
    shortName: '改名后',
    kind: 'DEPARTMENT',
  }),
  'department.setActive': async (db) => ({ id: await ownDepartment(db, 'PBT启停单位'), active: false }),
  'department.delete': async (db) => ({ id: await ownDepartment(db, 'PBT空单位') }),
  'planYear.create': async () => ({ year: 2031, title: '测试年度', approvedInvestment: '1,000.00' }),
  'planYear.update': async (db) => ({
    id: await idOf(db.planYear.findUniqueOrThrow({ where: { year: 2025 } })),
    title: '渝中区2025年重点项目计划（修订）',
    approvedInvestment: '2478000.00',
    currentMonth: 11,
    reportDeadlineDay: 6,
  }),
  'planYear.activate': async (db) => ({
    id: await idOf(
      db.planYear.upsert({
        where: { year: 2041 },
        update: {},
        create: { year: 2041, title: '测试年度', approvedInvestment: '1' },
      }),
    ),
  }),
  'planYear.close': async (db) => {
    const id = await idOf(db.planYear.findUniqueOrThrow({ where: { year: 2025 } }));
    await approveDecember(db, id);
    return { id, confirmYear: 2025 };
  },
  'planYear.setWarningThresholds': async () => ({ year: 2025, yellowPoints: '12', redPoints: '40' }),
  // a closed year of projects of its own, so that the seeded 2025 stays open for every other action
  'planYear.carryOver': async (db) => ({ fromYear: 2036, decisions: (await smallClosedYear(db)).decisions }),
  'planYear.splitProfile': async () => ({
    year: 2025,
    profile: 'S_CURVE',
    weights: ['3', '4', '7', '8', '9', '10', '10', '11', '11', '10', '9', '8.5'],
  }),
  'project.importDryRun': async () => ({ year: 2025, file: importFile() }),
  'project.import': async () => ({ year: 2025, file: importFile() }),
  'project.create': async (db) => ({
    code: 'PBT-1',
    name: '性质测试项目',
    departmentId: await idOf(db.department.findUniqueOrThrow({ where: { name: '区交通局' } })),
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
    planYearId: await idOf(db.planYear.findUniqueOrThrow({ where: { year: 2025 } })),
    stage: 'PRELIMINARY',
    investorType: 'DISTRICT',
    direction: 'INFRASTRUCTURE',
    cumulativeBeforeYear: '0',
    annualPlan: '',
    monthly: Array<string>(12).fill(''),
    milestoneTarget: '',
    reason: '性质测试',
  }),
  'project.update': async (db) => {
    const plan = await db.projectPlan.findFirstOrThrow({
      where: { planYear: { year: 2025 } },
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
      leaderInCharge: '性质测试',
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
  'report.saveDraft': async (db) => {
    const r = await db.monthlyReport.update({ where: { id: (await anyReport(db)).id }, data: { status: 'DRAFT' } });
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
  'report.submit': async (db) => {
    const r = await db.monthlyReport.update({ where: { id: (await anyReport(db)).id }, data: { status: 'DRAFT' } });
    return { reportId: r.id, version: r.version };
  },
  'report.submitMany': async (db) => {
    const r = await db.monthlyReport.update({ where: { id: (await anyReport(db)).id }, data: { status: 'DRAFT' } });
    return { reports: [{ reportId: r.id, version: r.version }] };
  },
  'report.approve': async (db) => {
    const r = await db.monthlyReport.update({ where: { id: (await anyReport(db)).id }, data: { status: 'SUBMITTED' } });
    return { reportId: r.id, version: r.version };
  },
  'report.approveMany': async (db) => {
    const r = await db.monthlyReport.update({ where: { id: (await anyReport(db)).id }, data: { status: 'SUBMITTED' } });
    return { reports: [{ reportId: r.id, version: r.version }] };
  },
  'report.return': async (db) => {
    const r = await db.monthlyReport.update({ where: { id: (await anyReport(db)).id }, data: { status: 'SUBMITTED' } });
    return { reportId: r.id, version: r.version, comment: '请补充形象进度说明' };
  },
  'report.returnMany': async (db) => {
    const r = await db.monthlyReport.update({ where: { id: (await anyReport(db)).id }, data: { status: 'SUBMITTED' } });
    return { reports: [{ reportId: r.id, version: r.version }], comment: '请补充形象进度说明' };
  },
  'report.reopen': async (db) => {
    const r = await db.monthlyReport.update({
      where: { id: (await anyReport(db, 'zjw', 10)).id },
      data: { status: 'APPROVED' },
    });
    return { reportId: r.id, version: r.version, reason: '更正本月完成投资' };
  },
  'notification.markRead': async (db) => {
    const user = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const n = await db.notification.create({
      data: {
        userId: user.id,
        kind: 'REPORTS_SUBMITTED',
        params: { department: '区交通局', year: 2025, month: 11, count: 2 },
        link: '/reports/board',
      },
    });
    return { id: n.id };
  },
  'notification.markAllRead': async () => ({}),
  'apiToken.issue': async () => ({ name: '性质测试令牌' }),
  'apiToken.revoke': async (db) => ({
    id: await idOf(
      db.apiToken.upsert({
        where: { tokenHash: 'pbt-token' },
        update: {},
        create: { name: '性质撤销', tokenHash: 'pbt-token', prefix: 'ks_pbt' },
      }),
    ),
  }),
  'bulletin.create': async () => ({ year: 2025, month: 9 }),
  // a month of its own each (bulletin.create runs after them: its accepted inputs draft other months)
  'bulletin.regenerate': async (db) => draftBulletin(db, 8),
  'bulletin.update': async (db) => ({ ...(await draftBulletin(db, 7)), title: '性质测试通报', body: '性质测试正文' }),
  'bulletin.publish': async (db) => draftBulletin(db, 6),
  // evidence on a draft of the department's: a photo to add, an attachment (the row only) to remove
  'attachment.add': async (db) => {
    const r = await db.monthlyReport.update({ where: { id: (await anyReport(db)).id }, data: { status: 'DRAFT' } });
    return { reportId: r.id, file: new File([new Uint8Array(await photo())], '现场.jpg', { type: 'image/jpeg' }) };
  },
  'attachment.remove': async (db) => {
    const r = await db.monthlyReport.update({ where: { id: (await anyReport(db)).id }, data: { status: 'DRAFT' } });
    const hash = createHash('sha256').update('property-remove').digest('hex');
    const found = await db.attachment.findFirst({ where: { reportId: r.id, contentHash: hash, removedAt: null } });
    const attachment =
      found ??
      (await db.attachment.create({
        data: {
          kind: 'PHOTO',
          contentHash: hash,
          contentType: 'image/jpeg',
          size: 1024,
          originalName: '现场.jpg',
          reportId: r.id,
        },
      }));
    return { attachmentId: attachment.id };
  },
};

function importFile(): File {
  const csv =
    '项目代码,项目名称,责任单位,项目类别,投资主体,投资方向,总投资\nPBT-IMPORT,性质导入测试项目,区住房城乡建委,前期,区级,基础设施,100.00\n';
  return new File([csv], 'pbt.csv', { type: 'text/csv' });
}

/** Seeds are read twice (the NUL check, then the generated inputs): records they need are made once. */
async function ownDepartment(db: Db, name: string): Promise<number> {
  return idOf(
    db.department.upsert({
      where: { name },
      update: {},
      create: { name, shortName: name.slice(3, 5), kind: 'DEPARTMENT' },
    }),
  );
}

async function draftBulletin(db: Db, month: number) {
  const planYear = await db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
  const b =
    (await db.bulletin.findFirst({ where: { planYearId: planYear.id, month } })) ??
    (await db.bulletin.create({ data: { planYearId: planYear.id, month, title: '性质测试', body: '性质测试' } }));
  return { id: b.id, version: b.version };
}
