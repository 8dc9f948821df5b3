/**
 * The authorization matrix's rows for the administration actions: users, departments, plan years and API tokens
 * are the admin's alone; a year's warning lines are the reviewers' too.
 */
import { ADMIN_ONLY, REVIEWERS, type ActionCase } from './matrix';
import { approveDecember } from '../closed-year-story';

export const ADMIN_ACTIONS: Record<string, ActionCase> = {
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
    row: REVIEWERS,
    input: async (fx) => {
      const { id } = await fx.db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
      // an open year each call: the bureau's allowed close would leave it closed for the admin's
      await fx.db.planYearSnapshot.deleteMany({ where: { planYearId: id } });
      await fx.db.planYear.update({ where: { id }, data: { status: 'ACTIVE' } });
      await approveDecember(fx.db, id);
      return { id, confirmYear: 2025 };
    },
  },
  'planYear.setWarningThresholds': {
    scoped: false,
    row: REVIEWERS,
    // a different line each call, so an allowed call changes something (and is audited)
    input: async (fx) => ({ year: 2025, yellowPoints: String(10 + fx.seq()), redPoints: '40' }),
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
};
