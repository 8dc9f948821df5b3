/**
 * How good are the entry flags (issue 14, item 8)? Plants each kind of known reporting error into copies of the
 * demo's monthly reports, runs what a save runs — the form's schema (lib/validations/report.ts), then the entry
 * checks (lib/domain/report-checks.ts) — and counts, per kind, the share caught; and, over the same months left
 * clean, the share flagged for nothing. A planted report counts as caught when it is refused or carries a flag its
 * clean copy does not: a flag the month had anyway says nothing about the error.
 */
import { centsToWan } from '@/lib/domain/money';
import { checkReport } from '@/lib/domain/report-checks';
import { ZSaveReportDraft } from '@/lib/validations/report';
import { mulberry32, generateSeedData, type SeedProject } from '@/prisma/seed/generate';
import { cleanCase, ERROR_KINDS, plantError, type ErrorKind, type ReportCase } from './plant';

export interface EvalOptions {
  /** reports sampled for each error kind, and clean reports sampled */
  size: number;
  /** the random seed of the sample (the demo itself is the default seed's) */
  seed: number;
}

export interface KindResult {
  kind: ErrorKind;
  planted: number;
  caught: number;
  /** what caught them: a refusal's message key or a flag code, with counts */
  by: Record<string, number>;
}

export interface EvalResult {
  kinds: KindResult[];
  clean: { reports: number; flagged: number; by: Record<string, number> };
}

/** Goals of the issue: at least 95% of each kind caught, at most 5% of clean reports flagged. */
export const CAUGHT_GOAL = 0.95;
export const FALSE_ALARM_GOAL = 0.05;

/** What a save makes of a report: the refusals of the form's schema, else the entry checks' flags. */
export function verdict(c: ReportCase): { refused: string[]; flags: string[] } {
  const parsed = ZSaveReportDraft.safeParse({
    projectPlanId: 1,
    month: c.month,
    version: 0,
    investedThisMonth: c.investedText,
    actualStart: c.actualStart,
    actualCompletion: c.actualCompletion,
  });
  if (!parsed.success) return { refused: parsed.error.issues.map((i) => i.message), flags: [] };
  const p = c.project;
  const { flags } = checkReport({
    stage: p.stage,
    totalInvestment: centsToWan(p.totalInvestment),
    cumulativeBeforeYear: centsToWan(p.cumulativeBeforeYear),
    annualPlan: p.annualPlan === null ? null : centsToWan(p.annualPlan),
    month: c.month,
    investedThisMonth: parsed.data.investedThisMonth,
    priorMonths: p.reports
      .filter((r) => r.month < c.month)
      .map((r) => ({ month: r.month, invested: centsToWan(r.invested) })),
    actualStart: parsed.data.actualStart,
    plannedThisMonth: p.annualPlan === null ? null : centsToWan(p.monthlyPlan[c.month - 1]!),
  });
  return { refused: [], flags: flags.map((f) => f.code) };
}

export function evaluateEntryChecks(options: EvalOptions): EvalResult {
  const data = generateSeedData();
  const rnd = mulberry32(options.seed);
  const planted = new Set(data.anomalies.map((a) => `${a.projectCode}:${a.month}`));
  // every month the demo holds, but the seed's own planted anomalies: those are not clean
  const months: { project: SeedProject; month: number }[] = data.projects.flatMap((project) =>
    project.reports.filter((r) => !planted.has(`${project.code}:${r.month}`)).map((r) => ({ project, month: r.month })),
  );
  const draw = () => months[Math.floor(rnd() * months.length)]!;

  const kinds = ERROR_KINDS.map((kind): KindResult => {
    const result: KindResult = { kind, planted: 0, caught: 0, by: {} };
    // draw until `size` months could take the error (bounded: a kind with no eligible month stops)
    for (let tries = 0; result.planted < options.size && tries < options.size * 200; tries++) {
      const { project, month } = draw();
      const bad = plantError(kind, project, month);
      if (!bad) continue;
      result.planted++;
      const before = new Set(verdict(cleanCase(project, month)).flags);
      const after = verdict(bad);
      const reasons = [...after.refused, ...after.flags.filter((f) => !before.has(f))];
      if (reasons.length > 0) result.caught++;
      for (const r of new Set(reasons)) result.by[r] = (result.by[r] ?? 0) + 1;
    }
    return result;
  });

  const clean = { reports: 0, flagged: 0, by: {} as Record<string, number> };
  for (let i = 0; i < options.size; i++) {
    const { project, month } = draw();
    const v = verdict(cleanCase(project, month));
    const reasons = [...v.refused, ...v.flags];
    clean.reports++;
    if (reasons.length > 0) clean.flagged++;
    for (const r of new Set(reasons)) clean.by[r] = (clean.by[r] ?? 0) + 1;
  }
  return { kinds, clean };
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const reasons = (by: Record<string, number>) =>
  Object.entries(by)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

/** The result as a Markdown table (the command prints it; docs/entry-checks.md shows it). */
export function formatTable(result: EvalResult): string {
  const lines = [
    '| Planted error | Reports | Caught | Share caught | Caught by |',
    '| --- | ---: | ---: | ---: | --- |',
    ...result.kinds.map(
      (k) => `| ${k.kind} | ${k.planted} | ${k.caught} | ${pct(k.caught, k.planted)} | ${reasons(k.by) || '—'} |`,
    ),
    `| clean reports (false alarms) | ${result.clean.reports} | ${result.clean.flagged} | ${pct(result.clean.flagged, result.clean.reports)} | ${reasons(result.clean.by) || '—'} |`,
  ];
  return lines.join('\n');
}

/** The kinds below the catch goal and whether clean reports are flagged above the false-alarm goal. */
export function missedGoals(result: EvalResult): string[] {
  const missed = result.kinds
    .filter((k) => k.planted === 0 || k.caught / k.planted < CAUGHT_GOAL)
    .map((k) => `${k.kind}: ${pct(k.caught, k.planted)} caught`);
  if (result.clean.flagged / result.clean.reports > FALSE_ALARM_GOAL) {
    missed.push(`clean reports: ${pct(result.clean.flagged, result.clean.reports)} flagged`);
  }
  return missed;
}
