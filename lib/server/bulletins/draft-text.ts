import 'server-only';
import { bulletinDraft } from '@/lib/domain/bulletin-text';
import { RANKED_DEPARTMENTS, type BulletinFigures } from './figures';

/**
 * The draft of a bulletin in the official wording (lib/domain/bulletin-text.ts), from the frozen figures. A
 * bulletin is a Chinese government document whatever language the bureau's screen is in, so the draft is always
 * Chinese; the bureau edits it before publishing. The title is kept apart from the text.
 */
export function bulletinDraftText(figures: BulletinFigures): { title: string; body: string } {
  const r = figures.rollup;
  const draft = bulletinDraft({
    year: r.year,
    month: r.month,
    ytd: r.completed,
    annualPlan: r.annualPlan,
    stages: r.byStage.map((s) => ({
      stage: s.key,
      projectCount: s.count,
      annualPlan: s.annualPlan,
      ytd: s.completed,
      ...(s.key === 'COMPLETION' ? { completedCount: r.completions.completed } : {}),
      ...(s.key === 'NEW_START' ? { startedCount: r.starts.started } : {}),
      ...(s.key === 'PRELIMINARY' ? { readyToStartCount: r.preliminary.readyToStart } : {}),
    })),
    departments: r.byDepartment.map((d) => ({ name: d.label, ytd: d.completed, annualPlan: d.annualPlan })),
    redWarningProjects: figures.redProjects.map((p) => p.name),
    // a bulletin frozen before 同比 existed has no yearOnYear and keeps its sentence
    yearOnYearPercent: r.yearOnYear?.percent ?? null,
    rankCount: RANKED_DEPARTMENTS,
    ...(figures.problems
      ? {
          problems: {
            month: r.month,
            total: figures.problems.total,
            closed: figures.problems.closed,
            overdue: figures.problems.overdue,
            supervisedOverdue: figures.problems.supervisedOverdue,
          },
        }
      : {}),
  });
  return { title: draft.title, body: draft.paragraphs.join('\n\n') };
}
