/**
 * The authorization matrix's rows for the problem (协调问题) actions: a department raises on its own projects and
 * works the problems it takes part in; leaders reply (批示); the bureau and the admin manage everything. The
 * fixture's problem of each department is raised and led by it (./matrix.ts problemOf).
 */
import {
  departmentOf,
  problemOf,
  projectOf,
  REVIEWERS,
  row,
  type ActionCase,
  type Fixtures,
  type Target,
} from './matrix';

/** A November report of the target department not yet turned into a problem, submitted, with 需协调事项 text. */
async function reportWithCoordination(fx: Fixtures, target: Target) {
  const report = await fx.db.monthlyReport.findFirstOrThrow({
    where: {
      month: 11,
      plan: { project: { departmentId: departmentOf(fx, target) } },
      NOT: {
        id: {
          in: (await fx.db.problem.findMany({ select: { sourceReportId: true } })).flatMap(
            (p) => p.sourceReportId ?? [],
          ),
        },
      },
    },
    orderBy: { id: 'asc' },
  });
  await fx.db.monthlyReport.update({
    where: { id: report.id },
    data: { status: 'SUBMITTED', coordinationNeeded: '需协调解决施工临时用地' },
  });
  return { reportId: report.id, field: 'COORDINATION' };
}

const firstCategory = async (fx: Fixtures) =>
  (await fx.db.problemCategory.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } })).id;

const text = (problem: { problemId: number; version: number }, value: string) => ({ ...problem, text: value });

export const PROBLEM_ACTIONS: Record<string, ActionCase> = {
  'problem.raise': {
    scoped: true,
    row: row('-', 'own', 'all', 'all'),
    input: async (fx, target) => ({
      projectId: await projectOf(fx, target),
      categoryId: await firstCategory(fx),
      title: '施工临时用地未落实',
      description: '需协调规划自然资源局办理临时用地手续',
    }),
  },
  'problem.raiseFromReport': { scoped: true, row: REVIEWERS, input: reportWithCoordination },
  'problem.assign': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => ({
      ...(await problemOf(fx, target, 'PENDING')),
      leadDepartmentId: departmentOf(fx, target),
      supportingDepartmentIds: [],
      leaderId: (await fx.db.user.findUniqueOrThrow({ where: { username: 'leader' } })).id,
      dueDate: '2099-06-30',
      level: 'KEY',
    }),
  },
  // leaders post instructions (批示); a department replies on the problems it takes part in
  'problem.reply': {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    input: async (fx, target) => text(await problemOf(fx, target, 'IN_PROGRESS'), '已约谈业主单位，本周内完成签约'),
  },
  'problem.proposeClose': {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    refusedByFlow: ['LEADER', 'BUREAU', 'ADMIN'],
    input: async (fx, target) => text(await problemOf(fx, target, 'IN_PROGRESS'), '3户已全部签约并腾空'),
  },
  'problem.close': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => text(await problemOf(fx, target, 'CLOSE_PROPOSED'), '经核实已全部签约'),
  },
  'problem.sendBack': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => text(await problemOf(fx, target, 'CLOSE_PROPOSED'), '请附签约材料'),
  },
  'problem.reopen': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => text(await problemOf(fx, target, 'CLOSED'), '仍有1户反悔'),
  },
  'problem.escalate': {
    scoped: true,
    row: REVIEWERS,
    input: async (fx, target) => ({
      ...(await problemOf(fx, target, 'IN_PROGRESS')),
      requirement: '请于12月31日前办结并书面报告',
    }),
  },
  'problemCategory.add': { scoped: false, row: REVIEWERS, input: async (fx) => ({ name: `类别${fx.seq()}` }) },
  'problemCategory.rename': {
    scoped: false,
    row: REVIEWERS,
    input: async (fx) => ({ id: await firstCategory(fx), name: `征地拆迁${fx.seq()}` }),
  },
  'problemCategory.move': {
    scoped: false,
    row: REVIEWERS,
    input: async (fx) => ({ id: await firstCategory(fx), direction: 'down' }),
  },
  'problemCategory.setActive': {
    scoped: false,
    row: REVIEWERS,
    input: async (fx) => ({
      id: (await fx.db.problemCategory.findFirstOrThrow({ orderBy: { id: 'desc' } })).id,
      active: false,
    }),
  },
  'problem.setEscalationDays': { scoped: false, row: REVIEWERS, input: async () => ({ days: 10 }) },
  // the other section of the bureau's settings page (the property test's seed comes from here too)
  'attachment.setKeepLocation': { scoped: false, row: REVIEWERS, input: async () => ({ keepLocation: true }) },
};
