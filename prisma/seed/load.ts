/**
 * Writes the generated demo dataset into an empty database, in one transaction with bulk inserts.
 * It never overwrites: if the database already has a plan year or a user, it does nothing.
 */
import { hash } from '@node-rs/argon2';
import { fromDateOnly, toDateOnly } from '@/lib/domain/date-only';
import { SEED_DEMO_DATE } from '@/lib/domain/demo-date';
import { centsToWan } from '@/lib/domain/money';
import { checkReport } from '@/lib/domain/report-checks';
import type { Db } from '@/lib/prisma';
import { DEMO_PASSWORD } from './demo-logins';
import { DEFAULT_SEED, generateSeedData, type SeedData } from './generate';
import { DEMO_INDICATOR_ACTUALS_2025, INDICATOR_DUTIES_2025 } from './indicators';
import { loadProblems } from './load-problems';
import { loadYear2024 } from './load-year-2024';

export interface SeedResult {
  seeded: boolean;
  counts?: Record<string, number>;
}

const wan = (cents: number) => centsToWan(cents);

/** `previousYear: false` leaves out the closed 2024 (the benchmark's database, whose figures compare across runs). */
export async function seedDatabase(
  db: Db,
  options: { seed?: number; data?: SeedData; previousYear?: boolean } = {},
): Promise<SeedResult> {
  const [planYears, users] = await Promise.all([db.planYear.count(), db.user.count()]);
  if (planYears > 0 || users > 0) return { seeded: false };

  const data = options.data ?? generateSeedData(options.seed ?? DEFAULT_SEED);
  // One hash for all demo users: they share the demo password, and argon2 is deliberately slow.
  const passwordHash = await hash(DEMO_PASSWORD);

  const counts = await db.$transaction(
    async (tx) => {
      // A concurrent first start may have seeded meanwhile; the lock makes the check and the writes one step.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(20250124)`;
      if ((await tx.planYear.count()) > 0 || (await tx.user.count()) > 0) return null;

      await tx.department.createMany({
        data: data.departments.map((d, i) => ({
          name: d.name,
          shortName: d.shortName,
          kind: d.kind,
          sortOrder: i + 1,
        })),
      });
      const departmentId = new Map(
        (await tx.department.findMany({ select: { id: true, name: true } })).map((d) => [d.name, d.id]),
      );
      const deptId = (name: string) => {
        const id = departmentId.get(name);
        if (id === undefined) throw new Error(`seed names an unknown department: ${name}`);
        return id;
      };

      await tx.user.createMany({
        data: data.users.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          passwordHash,
          role: u.role,
          departmentId: u.department ? deptId(u.department) : null,
          passwordChangedAt: new Date(Date.UTC(2025, 0, 2)),
        })),
      });
      const userRows = await tx.user.findMany({ select: { id: true, role: true, departmentId: true } });
      const bureauUser = userRows.find((u) => u.role === 'BUREAU')?.id ?? null;
      const reporterOf = new Map(userRows.filter((u) => u.role === 'DEPARTMENT').map((u) => [u.departmentId, u.id]));

      const planYear = await tx.planYear.create({
        data: {
          year: data.year,
          title: '渝中区2025年重点项目计划',
          approvedInvestment: '2478000.00',
          status: 'ACTIVE',
          currentMonth: 11,
          reportDeadlineDay: 5,
        },
      });
      await tx.planFigure.createMany({
        data: data.figures.map((f) => ({
          planYearId: planYear.id,
          cut: f.cut,
          key: f.key,
          projectCount: f.projectCount,
          amount: f.amount,
          sharePercent: f.sharePercent,
        })),
      });
      await tx.indicator.createMany({
        data: data.indicators.map((i) => {
          const duty = INDICATOR_DUTIES_2025[i.seq];
          if (!duty) throw new Error(`indicator ${i.seq} has no responsible department`);
          const { department, ...rest } = duty;
          return { planYearId: planYear.id, ...i, ...rest, departmentId: deptId(department) };
        }),
      });
      const indicatorOf = new Map(
        (
          await tx.indicator.findMany({
            where: { planYearId: planYear.id },
            select: { id: true, seq: true, departmentId: true },
          })
        ).map((i) => [i.seq, i]),
      );
      const indicatorDay = new Date(Date.UTC(data.year, 10, 6, 2));
      await tx.indicatorActual.createMany({
        data: DEMO_INDICATOR_ACTUALS_2025.map(({ seq, judgement, ...a }) => {
          const indicator = indicatorOf.get(seq)!;
          const enteredBy = reporterOf.get(indicator.departmentId) ?? bureauUser;
          return {
            ...a,
            indicatorId: indicator.id,
            enteredById: enteredBy,
            submittedById: enteredBy,
            judgement: judgement ?? null,
            enteredAt: indicatorDay,
            submittedAt: indicatorDay,
            reviewedAt: a.status === 'APPROVED' ? indicatorDay : null,
            reviewedById: a.status === 'APPROVED' ? bureauUser : null,
          };
        }),
      });

      await tx.project.createMany({
        data: data.projects.map((p) => ({
          code: p.code,
          name: p.name,
          departmentId: deptId(p.department),
          ownerUnit: p.ownerUnit,
          area: p.area,
          buildType: p.buildType,
          scope: p.scope,
          totalInvestment: wan(p.totalInvestment),
          plannedStart: p.plannedStart,
          plannedCompletion: p.plannedCompletion,
          actualStart: p.actualStart,
          actualCompletion: p.actualCompletion,
          leaderInCharge: p.leaderInCharge,
          contactName: p.contactName,
          contactPhone: p.contactPhone,
        })),
      });
      const projectId = new Map(
        (await tx.project.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]),
      );

      await tx.projectPlan.createMany({
        data: data.projects.map((p) => ({
          projectId: projectId.get(p.code)!,
          planYearId: planYear.id,
          stage: p.stage,
          investorType: p.investor,
          direction: p.direction,
          cumulativeBeforeYear: wan(p.cumulativeBeforeYear),
          annualPlan: p.annualPlan === null ? null : wan(p.annualPlan),
          milestoneTarget: p.milestoneTarget,
        })),
      });
      const planId = new Map(
        (
          await tx.projectPlan.findMany({ where: { planYearId: planYear.id }, select: { id: true, projectId: true } })
        ).map((p) => [p.projectId, p.id]),
      );
      const planOf = (code: string) => planId.get(projectId.get(code)!)!;

      const monthly = data.projects.flatMap((p) =>
        p.annualPlan === null
          ? []
          : p.monthlyPlan.map((amount, i) => ({ planId: planOf(p.code), month: i + 1, amount: wan(amount) })),
      );
      await tx.monthlyPlanItem.createMany({ data: monthly });

      const reports = data.projects.flatMap((p) => {
        const reporter = reporterOf.get(deptId(p.department)) ?? null;
        return p.reports.map((r) => ({
          planId: planOf(p.code),
          month: r.month,
          investedThisMonth: wan(r.invested),
          progressText: r.progressText,
          percentComplete: r.percentComplete,
          actualStart: r.actualStart,
          actualCompletion: r.actualCompletion,
          problems: r.problems,
          coordinationNeeded: r.coordinationNeeded,
          nextSteps: r.nextSteps,
          explanation: r.explanation,
          status: r.status,
          flags: r.status === 'APPROVED' ? [] : entryFlags(p, r.month),
          approvedInvested: r.status === 'APPROVED' ? wan(r.invested) : null,
          submittedById: r.submittedAt ? reporter : null,
          submittedAt: r.submittedAt,
          reviewedById: r.reviewedAt ? bureauUser : null,
          reviewedAt: r.reviewedAt,
          reviewComment: r.reviewComment,
        }));
      });
      await tx.monthlyReport.createMany({ data: reports });

      const milestones = data.projects.flatMap((p) =>
        p.milestones.map((m) => ({ projectId: projectId.get(p.code)!, ...m })),
      );
      await tx.preliminaryMilestone.createMany({ data: milestones });

      const problems = await loadProblems(tx, data, { planYearId: planYear.id, departmentId: deptId, planOf });
      // the closed year before, for 同比 and the projects' multi-year history (after 2025, which keeps its ids)
      const bureau = await tx.user.findFirstOrThrow({
        where: { role: 'BUREAU' },
        orderBy: { id: 'asc' },
        select: { id: true, username: true, displayName: true, role: true, departmentId: true },
      });
      const previous =
        options.previousYear === false
          ? {}
          : await loadYear2024(tx, data, {
              projectId: (code) => projectId.get(code)!,
              departmentId: deptId,
              reporterOf: (id) => reporterOf.get(id) ?? null,
              bureau,
            });

      // The data is the November 2025 round in flight: the clock shows that week, not the calendar's
      // (README "The demo date"; `npm run demo:date -- off` returns to real time).
      await tx.appSetting.upsert({
        where: { id: 1 },
        create: { id: 1, demoDate: fromDateOnly(SEED_DEMO_DATE) },
        update: { demoDate: fromDateOnly(SEED_DEMO_DATE) },
      });
      await tx.auditLog.create({
        data: {
          actor: 'system',
          action: 'seed',
          entity: 'PlanYear',
          entityId: String(planYear.id),
          after: {
            year: data.year,
            projects: data.projects.length,
            reports: reports.length,
            problems: problems.problems,
            demoDate: SEED_DEMO_DATE,
          },
        },
      });
      return {
        departments: data.departments.length,
        users: data.users.length,
        projects: data.projects.length,
        monthlyPlanItems: monthly.length,
        reports: reports.length,
        milestones: milestones.length,
        indicators: data.indicators.length,
        ...problems,
        ...previous,
      };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  return counts ? { seeded: true, counts } : { seeded: false };
}

/**
 * The entry checks' verdict on a seeded report still under review, as the app would have stored it: the planted
 * anomalies must reach the review queue flagged.
 */
function entryFlags(p: SeedData['projects'][number], month: number): string[] {
  const report = p.reports.find((r) => r.month === month)!;
  const { flags } = checkReport({
    stage: p.stage,
    totalInvestment: wan(p.totalInvestment),
    cumulativeBeforeYear: wan(p.cumulativeBeforeYear),
    annualPlan: p.annualPlan === null ? null : wan(p.annualPlan),
    month,
    investedThisMonth: wan(report.invested),
    priorMonths: p.reports.filter((r) => r.month < month).map((r) => ({ month: r.month, invested: wan(r.invested) })),
    actualStart: toDateOnly(report.actualStart ?? null) ?? toDateOnly(p.actualStart ?? null),
    plannedThisMonth: p.annualPlan === null ? null : wan(p.monthlyPlan[month - 1]!),
  });
  return flags.map((f) => f.code);
}
