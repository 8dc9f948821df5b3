/**
 * Plan files people actually have: no monthly split (the year's profile derives one, marked derived, until someone
 * edits it on the form) and the headers the offices write (the dry run says what each column was read as, and lists
 * the ones it does not know instead of dropping them).
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_S_WEIGHTS, evenSplit, weightedSplit } from '@/lib/domain/monthly-split';
import { signIn } from '../helpers/actors';
import { projectEditForm } from '../helpers/project-forms';
import { commitForm, createDraftYear2026, importForm } from '../helpers/project-sheets';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/project-import');
let projects: typeof import('@/lib/actions/projects');

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/project-import');
  projects = await import('@/lib/actions/projects');
  await createDraftYear2026(t.db);
});

afterAll(async () => t?.drop());

/** A plan file in the offices' words, without months, with two columns Keystone has no field for. */
const HEADER = [
  '序号',
  '项目编号',
  '项目名称',
  '牵头单位',
  '项目业主',
  '项目类别',
  '投资主体',
  '投资方向',
  '计划总投资（万元）',
  '至上年底累计',
  '年度投资计划（万元）',
  '计划开工',
  '竣工时间',
  '建设起止年限',
  '备注',
];

async function planFile(lines: [code: string, stage: string, annual: string][], name = 'plan.xlsx'): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('计划表');
  ws.addRow(['渝中区2026年重点项目计划表']);
  ws.addRow(HEADER);
  lines.forEach(([code, stage, annual], i) =>
    ws.addRow([
      i + 1,
      code,
      `分月推算项目${code}`,
      '区住房城乡建委',
      '重庆渝中城市建设发展有限公司',
      stage,
      '区级',
      '基础设施',
      '50000',
      '100',
      stage === '前期' ? '' : annual,
      '2026-03-01',
      '2027-12-31',
      '2026-2027',
      '新增',
    ]),
  );
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], name);
}

async function checkAndCommit(file: File) {
  const dry = await actions.importProjectsDryRun(importForm(2026, file));
  if (!dry.ok) throw new Error(dry.message);
  const commit = await actions.importProjectsCommit(commitForm(2026, file, dry.data));
  if (!commit.ok) throw new Error(commit.message);
  return { dry: dry.data, commit: commit.data };
}

async function planOf(code: string) {
  return t.db.projectPlan.findFirstOrThrow({
    where: { project: { code }, planYear: { year: 2026 } },
    include: { project: true, monthlyPlan: { orderBy: { month: 'asc' } } },
  });
}

const amounts = (plan: { monthlyPlan: { amount: Decimal }[] }) => plan.monthlyPlan.map((m) => m.amount.toFixed(2));
const sumOf = (list: string[]) => list.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2);

describe('a plan file without a monthly split', () => {
  it('says in the dry run what each header was read as, and lists the unmapped columns', async () => {
    await signIn(t.db, 'bureau');
    const dry = await actions.importProjectsDryRun(importForm(2026, await planFile([['DS-001', '新开工', '1000']])));
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    expect(dry.data.errorCount).toBe(0);
    const mapped = Object.fromEntries(
      dry.data.headers.map((h) => [h.text, h.target.kind === 'column' ? h.target.key : h.target.kind]),
    );
    expect(mapped).toEqual({
      序号: 'seq',
      项目编号: 'code',
      项目名称: 'name',
      牵头单位: 'department',
      项目业主: 'ownerUnit',
      项目类别: 'stage',
      投资主体: 'investorType',
      投资方向: 'direction',
      '计划总投资（万元）': 'totalInvestment',
      至上年底累计: 'cumulativeBeforeYear',
      '年度投资计划（万元）': 'annualPlan',
      计划开工: 'plannedStart',
      竣工时间: 'plannedCompletion',
      建设起止年限: 'unmapped',
      备注: 'unmapped',
    });
    expect(dry.data.unmapped).toEqual([
      { letter: 'N', text: '建设起止年限' },
      { letter: 'O', text: '备注' },
    ]);
    expect(dry.data.split).toEqual({ profile: 'EVEN', derived: 1 });
    expect(dry.data.changes).toMatchObject([{ code: 'DS-001', kind: 'create', derived: 'EVEN' }]);
    // the dry run's trail names the columns it left out
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: 'project.importDryRun' },
      orderBy: { id: 'desc' },
    });
    expect(audit.after).toMatchObject({ unmapped: ['建设起止年限', '备注'], splitProfile: 'EVEN', derivedSplits: 1 });
  });

  it('creates derived monthly items (even) that add up to the plan, 前期 rows without any', async () => {
    await signIn(t.db, 'bureau');
    const { commit } = await checkAndCommit(
      await planFile([
        ['DS-010', '新开工', '1000'],
        ['DS-011', '续建', '0.01'],
        ['DS-012', '前期', ''],
      ]),
    );
    expect(commit).toMatchObject({ committed: true, create: 3, split: { profile: 'EVEN', derived: 2 } });

    const even = await planOf('DS-010');
    expect(even.monthlySplitDerived).toBe('EVEN');
    expect(amounts(even)).toEqual(evenSplit('1000.00'));
    expect(sumOf(amounts(even))).toBe('1000.00');
    expect(even.project.ownerUnit).toBe('重庆渝中城市建设发展有限公司');
    expect(even.cumulativeBeforeYear.toFixed(2)).toBe('100.00');

    const tiny = await planOf('DS-011');
    expect(amounts(tiny)).toEqual([...Array.from({ length: 11 }, () => '0.00'), '0.01']);

    const preliminary = await planOf('DS-012');
    expect(preliminary.monthlyPlan).toHaveLength(0);
    expect(preliminary.monthlySplitDerived).toBeNull();
  });

  it('uses the S-profile the bureau chose for the year, audited, and the same file twice changes nothing', async () => {
    await signIn(t.db, 'bureau');
    const weights = [...DEFAULT_S_WEIGHTS.slice(0, 11), '8.5'];
    const set = await actions.setSplitProfile({ year: 2026, profile: 'S_CURVE', weights });
    expect(set).toMatchObject({ ok: true, data: { changed: true } });
    const year = await t.db.planYear.findUniqueOrThrow({ where: { year: 2026 } });
    expect(year.splitProfile).toBe('S_CURVE');
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'planYear.splitProfile' } });
    expect(audit).toMatchObject({
      entity: 'PlanYear',
      entityId: String(year.id),
      before: { profile: 'EVEN' },
      after: { profile: 'S_CURVE', weights: weights.join(' ') },
    });

    // per year: 2025 keeps its own (the default, even)
    expect(await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).toMatchObject({ splitProfile: 'EVEN' });

    const file = await planFile([['DS-020', '新开工', '2478.31']]);
    const { dry } = await checkAndCommit(file);
    expect(dry.changes).toMatchObject([{ code: 'DS-020', derived: 'S_CURVE' }]);
    const plan = await planOf('DS-020');
    expect(plan.monthlySplitDerived).toBe('S_CURVE');
    expect(amounts(plan)).toEqual(weightedSplit('2478.31', weights));
    expect(sumOf(amounts(plan))).toBe('2478.31');

    const again = await actions.importProjectsDryRun(importForm(2026, file));
    expect(again).toMatchObject({ ok: true, data: { create: 0, update: 0, unchanged: 1, split: { derived: 0 } } });
  });

  it('refuses weights it cannot use, with nothing written', async () => {
    await signIn(t.db, 'bureau');
    const before = await t.db.auditLog.count();
    const zero = await actions.setSplitProfile({
      year: 2026,
      profile: 'S_CURVE',
      weights: Array.from({ length: 12 }, () => '0'),
    });
    expect(zero).toMatchObject({ ok: false, fieldErrors: { weights: ['weightsZero'] } });
    const short = await actions.setSplitProfile({ year: 2026, profile: 'EVEN', weights: ['1'] });
    expect(short).toMatchObject({ ok: false, fieldErrors: { weights: ['weightsCount'] } });
    expect(await t.db.auditLog.count()).toBe(before);
  });

  it('a closed year refuses a new profile', async () => {
    await t.db.planYear.create({
      data: { year: 2019, title: '已关闭年度', approvedInvestment: '1', status: 'CLOSED' },
    });
    await signIn(t.db, 'bureau');
    const result = await actions.setSplitProfile({ year: 2019, profile: 'S_CURVE', weights: [...DEFAULT_S_WEIGHTS] });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await t.db.planYear.findUniqueOrThrow({ where: { year: 2019 } })).toMatchObject({ splitProfile: 'EVEN' });
  });

  it('a manual edit on the form clears derived, and a later file without months keeps the edited split', async () => {
    await signIn(t.db, 'bureau');
    await checkAndCommit(await planFile([['DS-030', '新开工', '1200']], 'first.xlsx'));
    const derived = await planOf('DS-030');
    expect(derived.monthlySplitDerived).not.toBeNull();

    const edited = projectEditForm(derived);
    edited.area = '解放碑';
    edited.monthly = [...Array.from({ length: 11 }, () => '0.00'), '1200.00'];
    const saved = await projects.updateProject(edited);
    expect(saved).toMatchObject({ ok: true });
    const after = await planOf('DS-030');
    expect(after.monthlySplitDerived).toBeNull();
    expect(amounts(after)[11]).toBe('1200.00');

    // the same plan file again: the edited split still adds up, so it stays, not derived
    const dry = await actions.importProjectsDryRun(
      importForm(2026, await planFile([['DS-030', '新开工', '1200']], 'again.xlsx')),
    );
    expect(dry).toMatchObject({ ok: true, data: { unchanged: 1, update: 0, split: { derived: 0 } } });
  });

  it('a form save that leaves the split alone keeps it derived', async () => {
    await signIn(t.db, 'bureau');
    await checkAndCommit(await planFile([['DS-040', '新开工', '600']], 'keep.xlsx'));
    const derived = await planOf('DS-040');
    const form = projectEditForm(derived);
    form.name = '分月推算项目（改名）';
    form.area = '解放碑'; // the form requires a 片区, which this plan file has no column for
    expect(await projects.updateProject(form)).toMatchObject({ ok: true });
    expect((await planOf('DS-040')).monthlySplitDerived).toBe(derived.monthlySplitDerived);
  });

  it('a file that carries a split must still add up to the annual plan', async () => {
    await signIn(t.db, 'bureau');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('计划表');
    ws.addRow([...HEADER.slice(0, 11), ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)]);
    ws.addRow([
      1,
      'DS-050',
      '分月不平',
      '区住房城乡建委',
      '某公司',
      '新开工',
      '区级',
      '基础设施',
      '5000',
      '0',
      '1200',
      ...Array.from({ length: 12 }, () => '1'),
    ]);
    const file = new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'split.xlsx');
    const dry = await actions.importProjectsDryRun(importForm(2026, file));
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    expect(dry.data.errors.map((e) => e.message)).toEqual(['monthlyPlanMismatch']);
    expect(dry.data.split.derived).toBe(0);
  });
});
