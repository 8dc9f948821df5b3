/**
 * npm run plan:check -- 2025
 * Prints every figure the plan report publishes beside the same figure summed from the database, and exits
 * 1 on any difference (2 if the plan year does not exist, or its published figures are not entered as its
 * PlanFigure rows). Any year works, e.g. a 2026 opened by the carry-over once its figures are entered. It also
 * compares the dashboard's own cuts (getRollup, which the API and the bulletins read too), so it runs server code
 * outside Next with the benchmark's stubs for `server-only` and the request (package.json).
 */
import Decimal from 'decimal.js';
import { DIRECTION_LABELS, INVESTOR_LABELS, STAGE_LABELS } from '../lib/domain/plan-2025';
import type { ReconciliationLine } from '../lib/domain/reconciliation';
import { createPrismaClient } from '../lib/prisma';
import { getPlanReconciliation, getRollupReconciliation } from '../lib/server/plan/get-plan-reconciliation';
import { resolveAppDatabase } from './lib/postgres';

const year = Number(process.argv[2] ?? new Date().getFullYear());
if (!Number.isInteger(year)) {
  console.error('Usage: npm run plan:check -- <year>');
  process.exit(2);
}

const CUT_LABELS = {
  TOTAL: '合计（建设项目）',
  STAGE: '按项目类别',
  INVESTOR: '按投资主体',
  DIRECTION: '按投资方向',
} as const;
const KEY_LABELS: Record<string, string> = {
  ALL: '年度计划投资',
  ...STAGE_LABELS,
  ...INVESTOR_LABELS,
  ...DIRECTION_LABELS,
};

/** 万元 → "247.80亿 (2478000.00万)" */
const money = (wan: string | null) =>
  wan === null ? '—' : `${new Decimal(wan).div(10_000).toFixed(2)}亿 (${new Decimal(wan).toFixed(2)}万)`;
const count = (n: number | null) => (n === null ? '—' : `${n} 个`);
const share = (s: string | null) => (s === null ? '—' : `${s}%`);
/** pads by display width: CJK characters take two columns in a terminal */
const width = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

function row(line: ReconciliationLine) {
  const label = KEY_LABELS[line.key] ?? line.key;
  const pub = `${count(line.published.projectCount)}  ${money(line.published.amount)}  ${share(line.published.sharePercent)}`;
  const act = `${count(line.actual.projectCount)}  ${money(line.actual.amount)}  ${share(line.actual.sharePercent)}`;
  return `  ${pad(label, 18)}${pad(pub, 44)}${pad(act, 44)}${line.matches ? '✓' : '✗ 不一致 DIFFERENT'}`;
}

const { url, cluster } = await resolveAppDatabase();
const db = createPrismaClient(url);
try {
  const rec = await getPlanReconciliation(db, null, year);
  // any year works once its published figures are entered (PlanFigure); without them there is nothing to check,
  // which must not read as a pass
  const published = rec ? await db.planFigure.count({ where: { planYear: { year } } }) : 0;
  if (!rec) {
    console.error(`没有${year}年的计划年度 (no plan year ${year} in the database)`);
    process.exitCode = 2;
  } else if (published === 0) {
    console.error(`${year}年计划报告的发布数字尚未录入，无可核对 (no published figures of ${year} are entered)`);
    process.exitCode = 2;
  } else {
    console.log(`${rec.title}：${rec.projectCount}个项目，总投资${money(rec.totalInvestment)}\n`);
    console.log(`  ${pad('', 18)}${pad('计划报告 published', 44)}${pad('数据库 database', 44)}`);
    for (const cut of ['TOTAL', 'STAGE', 'INVESTOR', 'DIRECTION'] as const) {
      console.log(CUT_LABELS[cut]);
      for (const line of rec.lines.filter((l) => l.cut === cut)) console.log(row(line));
    }
    // The same figures as the dashboard, the API and the bulletins cut them (getRollup), read as a leader reads.
    const reader = {
      id: 0,
      username: 'plan:check',
      displayName: 'plan:check',
      role: 'LEADER' as const,
      departmentId: null,
    };
    const cuts = await getRollupReconciliation(db, reader, year);
    console.log(`\n看板、接口与通报的分类 (the dashboard's, the API's and the bulletins' cuts)`);
    for (const cut of ['TOTAL', 'STAGE', 'INVESTOR', 'DIRECTION'] as const) {
      console.log(CUT_LABELS[cut]);
      for (const line of cuts?.lines.filter((l) => l.cut === cut) ?? []) console.log(row(line));
    }
    const bad = [...rec.lines, ...(cuts?.lines ?? [])].filter((l) => !l.matches).length;
    console.log(
      bad
        ? `\n✗ ${bad} figure(s) differ from the published plan.`
        : `\n✓ Every published figure of ${year} is reproduced exactly, by the plan and by the dashboard's cuts.`,
    );
    process.exitCode = bad ? 1 : 0;
  }
} finally {
  await db.$disconnect();
  await cluster.stop();
}
process.exit(process.exitCode ?? 0); // see startEmbeddedCluster: its exit hook would report 0
