/**
 * The authorization matrix's row for opening the next plan year with the carry-over: the reviewers' (the bureau's
 * planning section, and the administrator).
 */
import { closeDirectly, decisionsFor } from '../carry-over';
import { REVIEWERS, type ActionCase } from './matrix';

export const CARRY_OVER_ACTIONS: Record<string, ActionCase> = {
  'planYear.carryOver': {
    scoped: false,
    row: REVIEWERS,
    input: async (fx) => {
      // 2025 closed, and 2026 without carried plans each call: the bureau's allowed call carries, then the admin's
      await closeDirectly(fx.db, 2025);
      await fx.db.projectPlan.deleteMany({ where: { planYear: { year: 2026 } } });
      return { fromYear: 2025, decisions: await decisionsFor(fx.db, 2025) };
    },
  },
};
