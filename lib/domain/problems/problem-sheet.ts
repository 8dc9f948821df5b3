/**
 * The 问题清单 layout people circulate in Excel, and the Chinese words of the official documents (the sheet, the
 * bulletin): these are the documents' own wording, not the interface's, so they do not follow the user's language.
 * Pure.
 */
import type { ProblemLevel, ProblemStatus } from './flow';

export const PROBLEM_STATUS_LABELS: Readonly<Record<ProblemStatus, string>> = {
  PENDING: '待交办',
  IN_PROGRESS: '办理中',
  CLOSE_PROPOSED: '待确认办结',
  CLOSED: '已办结',
};

export const PROBLEM_LEVEL_LABELS: Readonly<Record<ProblemLevel, string>> = {
  NORMAL: '一般',
  KEY: '重点',
  SUPERVISED: '挂牌督办',
};

/** The sheet's columns in order, with their widths in Excel character units. */
export const PROBLEM_SHEET_COLUMNS = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'number', header: '问题编号', width: 20 },
  { key: 'project', header: '项目名称', width: 28 },
  { key: 'category', header: '问题类别', width: 12 },
  { key: 'description', header: '问题描述', width: 44 },
  { key: 'raisedBy', header: '提出单位', width: 16 },
  { key: 'lead', header: '牵头单位', width: 16 },
  { key: 'supporting', header: '配合单位', width: 22 },
  { key: 'leader', header: '联系区领导', width: 12 },
  { key: 'dueDate', header: '办理时限', width: 14 },
  { key: 'level', header: '督办级别', width: 10 },
  { key: 'status', header: '办理状态', width: 12 },
  { key: 'progress', header: '最新进展', width: 36 },
  { key: 'closure', header: '办结情况', width: 30 },
] as const;

export type ProblemSheetKey = (typeof PROBLEM_SHEET_COLUMNS)[number]['key'];

/** "2025-12-03" → "2025年12月3日", the documents' way of writing a date. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The sheet's title row: 渝中区重点项目协调问题清单（截至2025年12月3日）. */
export function problemSheetTitle(asOf: string): string {
  return `渝中区重点项目协调问题清单（截至${chineseDate(asOf)}）`;
}
