/**
 * Every server action, called as the public POST endpoint it is with thousands of generated hostile inputs
 * (tests/helpers/property-inputs.ts: arbitrary Unicode with NUL and lone surrogates, huge strings, numbers at every
 * edge, unknown and prototype keys, arrays where objects are expected, form posts), by a user whose role holds the
 * action's permission. The property: the answer is a success or a typed refusal ({ ok: false, code } other than
 * INTERNAL), never a throw, and a refusal leaves every table as it was.
 *
 * The actions are found by reading lib/actions: one added later is tried too, and fails here until it has a seed
 * input (a valid call the generated inputs are built around, so they reach past the schema). KEYSTONE_PBT_RUNS sets
 * the number of generated inputs per action.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import type { ActionMeta, ActionResult } from '@/lib/actions/safe-action';
import { scopeOf, type Permission } from '@/lib/auth/permissions';
import type { Db } from '@/lib/prisma';
import { actAs, actorOf } from '../helpers/actors';
import { Fingerprint, Tally } from '../helpers/property-fingerprint';
import { inputsAround, PBT_RUNS, setAt, stringPaths } from '../helpers/property-inputs';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const ROOT = path.resolve(import.meta.dirname, '../..');
type AnyAction = ((input: unknown) => Promise<ActionResult<unknown>>) & { meta: ActionMeta };
const TYPED_REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION', 'CONFLICT', 'RATE_LIMITED'];

/** The user each action is tried as: the widest scope of its permission, so the generated inputs reach the record. */
const USER_OF: Record<Role, string> = { ADMIN: 'admin', BUREAU: 'bureau', DEPARTMENT: 'zjw', LEADER: 'leader' };
function roleFor(permission: Permission): Role {
  const roles: Role[] = ['ADMIN', 'BUREAU', 'DEPARTMENT', 'LEADER'];
  return (
    roles.find((r) => scopeOf({ role: r, departmentId: 1 }, permission) === 'all') ??
    roles.find((r) => scopeOf({ role: r, departmentId: 1 }, permission) === 'own')!
  );
}

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
const SEEDS: Record<string, (db: Db) => Promise<unknown>> = {
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
  'planYear.close': async (db) => ({ id: await idOf(db.planYear.findUniqueOrThrow({ where: { year: 2025 } })) }),
  'planYear.setWarningThresholds': async () => ({ year: 2025, yellowPoints: '12', redPoints: '40' }),
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

/** Imports every "use server" module afresh (so lib/db binds to the current DATABASE_URL) and finds actions by name. */
async function loadActions(): Promise<Map<string, AnyAction>> {
  const found = new Map<string, AnyAction>();
  for (const file of readdirSync(path.join(ROOT, 'lib/actions')).filter(
    (f) => f.endsWith('.ts') && f !== 'safe-action.ts',
  )) {
    const exports = (await import(path.join(ROOT, 'lib/actions', file))) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      const meta = (value as { meta?: ActionMeta }).meta;
      if (typeof value === 'function' && meta) found.set(meta.name, value as AnyAction);
    }
  }
  return found;
}

/**
 * One database for every action (a fresh copy each costs more than all of an action's inputs). What an accepted
 * input changes stays; the actions that would starve the others run last: drafting bulletins of any month, changing
 * the plan year's reporting month, then closing it (after which report and project writes are refused).
 */
const RUN_LAST = ['bulletin.create', 'planYear.activate', 'planYear.create', 'planYear.update', 'planYear.close'];
const order = (names: string[]) => [
  ...names.filter((n) => !RUN_LAST.includes(n)).sort(),
  ...RUN_LAST.filter((n) => names.includes(n)),
];

let t: TestDatabase;

/** Every following call comes from a user whose role holds the action's permission; that role. */
async function signInFor(action: AnyAction): Promise<Role> {
  const role = roleFor(action.meta.permission);
  // as a session past any forced password change: another action's accepted input may have reset this user's password
  actAs({ ...(await actorOf(t.db, USER_OF[role])), mustChangePassword: false });
  return role;
}
let actions: Map<string, AnyAction>;
const summary = new Tally();

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await loadActions();
}, 120_000);

afterAll(async () => {
  await t?.drop();
  console.log(
    `[property-actions] ${summary.total} generated inputs over ${actions?.size ?? 0} actions (${PBT_RUNS} each): ${summary}`,
  );
});

describe('every server action answers hostile input with a success or a typed refusal, and a refusal writes nothing', () => {
  it('has a seed input for every action in lib/actions, and no seed of an action that does not exist', () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(SEEDS).sort());
  });

  // before the generated inputs change the data the seeds were read from
  it.each(order(Object.keys(SEEDS)))(
    '%s: a NUL in any of its texts is a field message on that field, and writes nothing',
    async (name) => {
      const action = actions.get(name)!;
      await signInFor(action);
      const seed = await SEEDS[name]!(t.db);
      const fingerprint = new Fingerprint(t.db);
      await fingerprint.start();
      for (const at of stringPaths(seed)) {
        const value = at.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], seed) as string;
        const result = await action(setAt(seed, at, `${value}\u0000`));
        expect(result, `${name} with a NUL in ${at.join('.')}`).toMatchObject({ ok: false, code: 'VALIDATION' });
        if (!result.ok)
          expect(Object.keys(result.fieldErrors ?? {}), `${name} ${at.join('.')}`).toContain(at.join('.'));
        expect((await fingerprint.settle()).changed).toBe(false);
      }
    },
  );

  it.each(order(Object.keys(SEEDS)))(
    `%s: ${PBT_RUNS} generated inputs`,
    async (name) => {
      const action = actions.get(name);
      expect(action, `no action named ${name}`).toBeDefined();
      const role = await signInFor(action!);
      const seed = await SEEDS[name]!(t.db);
      const fingerprint = new Fingerprint(t.db);
      await fingerprint.start();
      const tally = new Tally();
      await fc.assert(
        fc.asyncProperty(inputsAround(seed), async (input) => {
          const result = await action!(input);
          const outcome = result.ok ? 'ok' : result.code;
          tally.add(outcome);
          summary.add(outcome);
          expect(result.ok || TYPED_REFUSALS.includes(result.code), `${name} answered ${JSON.stringify(result)}`).toBe(
            true,
          );
          if (!result.ok) expect(typeof result.message).toBe('string');
          const written = await fingerprint.settle();
          if (!result.ok && written.changed && result.code === 'RATE_LIMITED') {
            // the one write a refusal may make: the attempt that starts a lock leaves one summary audit row
            expect(Fingerprint.changedTables(written.before, written.after)).toEqual(['AuditLog']);
            const last = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' }, select: { action: true } });
            expect(last.action).toMatch(/Throttled$/);
          } else if (!result.ok) {
            expect(
              written.changed,
              `${name} refused (${outcome}) but wrote: ${written.before} → ${written.after}`,
            ).toBe(false);
          }
        }),
        { numRuns: PBT_RUNS },
      );
      console.log(`[property-actions] ${name} as ${role}: ${tally.total} inputs: ${tally}`);
    },
    600_000,
  );
});
