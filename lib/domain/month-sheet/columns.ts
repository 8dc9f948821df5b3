/**
 * The layout of a department's month as a spreadsheet (月报填报表): one definition that the download writes
 * (lib/server/reports/get-month-sheet.ts) and the upload reads (./parse.ts), so a file Keystone
 * wrote always reads back. Pure: no Prisma, no Next, no spreadsheet library.
 *
 * Rows 1–3 are a title, a note and the header; data starts on row 4. The last column is hidden: its row-1 cell
 * carries the file's identity (plan year, month, department) and its data cells the version of each report the
 * file was made from, so an upload can refuse another month's file and name a concurrent edit.
 */
import type { MilestoneKind, Stage } from '@/generated/prisma/enums';

export const MONTH_SHEET_TITLE_ROW = 1;
export const MONTH_SHEET_NOTE_ROW = 2;
export const MONTH_SHEET_HEADER_ROW = 3;
export const MONTH_SHEET_FIRST_DATA_ROW = 4;

export const MILESTONE_ORDER: readonly MilestoneKind[] = [
  'APPROVAL',
  'LAND',
  'PLANNING_PERMIT',
  'EIA',
  'CONSTRUCTION_PERMIT',
];

/** The words the 前期 screen uses for each milestone (messages enums.milestoneKind). */
export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  APPROVAL: '立项/可研批复',
  LAND: '用地',
  PLANNING_PERMIT: '规划许可',
  EIA: '环评',
  CONSTRUCTION_PERMIT: '施工许可',
};

export const STAGE_NAMES: Record<Stage, string> = {
  COMPLETION: '完工',
  ONGOING: '续建',
  NEW_START: '新开工',
  PRELIMINARY: '前期',
};

/** 是否具备开工条件 as the drop-down offers it; blank is "not said". */
export const READY_CHOICES = { 是: true, 否: false } as const;

export type MilestoneColumnKey = `milestone.${MilestoneKind}`;

export type MonthSheetKey =
  | 'seq'
  | 'code'
  | 'name'
  | 'stage'
  | 'annualPlan'
  | 'priorYtd'
  | 'invested'
  | 'ytd'
  | 'progressText'
  | 'percentComplete'
  | 'actualStart'
  | 'actualCompletion'
  | 'problems'
  | 'coordinationNeeded'
  | 'nextSteps'
  | 'explanation'
  | MilestoneColumnKey
  | 'blockers'
  | 'readyToStart'
  | 'version';

/**
 * How a column is written and read: `fixed` columns are Keystone's (locked, shaded, ignored on upload but for the
 * code), `input` ones the department fills. `preliminary` inputs are for 前期 rows only (locked on other rows).
 */
export type MonthSheetValue = 'index' | 'text' | 'money' | 'percent' | 'date' | 'choice' | 'formula' | 'version';

export interface MonthSheetColumn {
  key: MonthSheetKey;
  header: (month: number) => string;
  value: MonthSheetValue;
  input: boolean;
  /** an input of 前期 rows only */
  preliminary?: boolean;
  /** Excel character units */
  width: number;
}

const fixed = (header: string) => () => header;

export const MONTH_SHEET_COLUMNS: readonly MonthSheetColumn[] = [
  { key: 'seq', header: fixed('序号'), value: 'index', input: false, width: 6 },
  { key: 'code', header: fixed('项目代码'), value: 'text', input: false, width: 16 },
  { key: 'name', header: fixed('项目名称'), value: 'text', input: false, width: 30 },
  { key: 'stage', header: fixed('项目类别'), value: 'text', input: false, width: 9 },
  { key: 'annualPlan', header: fixed('年度计划'), value: 'money', input: false, width: 13 },
  {
    key: 'priorYtd',
    // January has no months before it: the column then holds 0 under a header that says so
    header: (m) => (m > 1 ? `1-${m - 1}月累计（已审定）` : '上月累计（已审定）'),
    value: 'money',
    input: false,
    width: 15,
  },
  { key: 'invested', header: fixed('本月完成投资'), value: 'money', input: true, width: 14 },
  { key: 'ytd', header: (m) => `1-${m}月累计`, value: 'formula', input: false, width: 14 },
  { key: 'progressText', header: fixed('形象进度'), value: 'text', input: true, width: 30 },
  { key: 'percentComplete', header: fixed('完成%'), value: 'percent', input: true, width: 8 },
  { key: 'actualStart', header: fixed('实际开工'), value: 'date', input: true, width: 12 },
  { key: 'actualCompletion', header: fixed('实际竣工'), value: 'date', input: true, width: 12 },
  { key: 'problems', header: fixed('存在问题'), value: 'text', input: true, width: 26 },
  { key: 'coordinationNeeded', header: fixed('需协调事项'), value: 'text', input: true, width: 26 },
  { key: 'nextSteps', header: fixed('下步计划'), value: 'text', input: true, width: 26 },
  { key: 'explanation', header: fixed('情况说明'), value: 'text', input: true, width: 20 },
  ...MILESTONE_ORDER.map((kind): MonthSheetColumn => ({
    key: `milestone.${kind}`,
    header: fixed(`${MILESTONE_LABELS[kind]}完成日期`),
    value: 'date',
    input: true,
    preliminary: true,
    width: 13,
  })),
  { key: 'blockers', header: fixed('制约问题'), value: 'text', input: true, preliminary: true, width: 20 },
  { key: 'readyToStart', header: fixed('具备开工条件'), value: 'choice', input: true, preliminary: true, width: 10 },
  { key: 'version', header: fixed('版本（勿改）'), value: 'version', input: false, width: 8 },
];

export const MONTH_SHEET_COLUMN_INDEX: Readonly<Record<MonthSheetKey, number>> = Object.fromEntries(
  MONTH_SHEET_COLUMNS.map((c, i) => [c.key, i]),
) as Record<MonthSheetKey, number>;

/** The columns an upload must have: the code, the version and every input. */
export const REQUIRED_ON_UPLOAD: readonly MonthSheetKey[] = MONTH_SHEET_COLUMNS.filter(
  (c) => c.input || c.key === 'code' || c.key === 'version',
).map((c) => c.key);

export interface MonthSheetIdentity {
  year: number;
  month: number;
  departmentId: number;
}

const IDENTITY_PATTERN = /^keystone-month-sheet:v1:(\d{4}):(\d{1,2}):(\d{1,9})$/;

/** The text of the identity cell. */
export function identityText(identity: MonthSheetIdentity): string {
  return `keystone-month-sheet:v1:${identity.year}:${identity.month}:${identity.departmentId}`;
}

/** The identity a cell's text names, or null. */
export function parseIdentity(text: string): MonthSheetIdentity | null {
  const m = IDENTITY_PATTERN.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month, departmentId: Number(m[3]) };
}

export function monthSheetTitle(department: string, year: number, month: number): string {
  return `${department}${year}年${month}月重点项目进展填报表`;
}

/** The note row: the unit and what may be changed, as a clerk reads it before filling in. */
export const MONTH_SHEET_NOTE =
  '单位：万元。白色单元格可填写，灰色为系统数据不可修改；完成%填0-100的数字；日期格式2025-03-01；' +
  '前期项目填写完成的前期工作节点日期。本月完成投资未填的行不导入。';

/** Spreadsheet column letters for a 0-based index (A, …, Z, AA, …). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
