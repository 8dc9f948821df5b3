/**
 * The authorization matrix's rows for the project actions: the bureau and the admin import, create and edit
 * projects; nobody else does.
 */
import { REVIEWERS, type ActionCase } from './matrix';

/** A one-row CSV of a new 前期 project (no annual plan, so the 2025 figures stay as published). */
function importFile(code: string): File {
  const csv = `项目代码,项目名称,责任单位,项目类别,投资主体,投资方向,总投资\n${code},矩阵导入测试项目,区住房城乡建委,前期,区级,基础设施,100.00\n`;
  return new File([csv], `${code}.csv`, { type: 'text/csv' });
}

export const PROJECT_ACTIONS: Record<string, ActionCase> = {
  // the bureau chooses how a year's imports derive a split the file lacks
  'planYear.splitProfile': {
    scoped: false,
    row: REVIEWERS,
    input: async (fx) => ({
      year: 2025,
      profile: fx.seq() % 2 ? 'S_CURVE' : 'EVEN',
      weights: ['3', '4', '7', '8', '9', '10', '10', '11', '11', '10', '9', String(8 + fx.seq())],
    }),
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
};
