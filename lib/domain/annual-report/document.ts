/**
 * The annual report as a document model: title, sections of paragraphs and the two annexed tables, in the layout of
 * the district's plan report (一、…执行情况 · 二(三) 重点项目安排 · 附件1 · 附件2). Pure: the .docx is laid out from this
 * by lib/server/plan/annual-report-docx.ts, and the tests read the sentences here.
 */
import type { IndicatorNature } from '@/generated/prisma/enums';
import type { AnnualIndicator, AnnualReportFigures, NextYearIndicator } from './figures';
import {
  executionStagesSentence,
  executionTotalsSentence,
  indicatorsSentence,
  nextYearPlanParagraph,
  nextYearPlanPlaceholder,
  problemsSentence,
} from './text';

export interface AnnualReportSection {
  /** "一、2025年计划执行情况" (黑体) */
  heading: string;
  /** "（三）重点项目安排" (楷体 in the official style) */
  subheading: string;
  paragraphs: string[];
}

export interface AnnualReportTable {
  /** "附件1" */
  label: string;
  title: string;
  headers: string[];
  rows: string[][];
}

export interface AnnualReportDocument {
  /** the title as printed, one entry per line */
  title: string[];
  /** for a year not closed yet: says the figures may still move */
  draftNote: string | null;
  sections: AnnualReportSection[];
  /** "附件：1.…" then "2.…" */
  annexList: string[];
  annexes: AnnualReportTable[];
}

const NATURE_ZH: Record<IndicatorNature, string> = { EXPECTED: '预期性', BINDING: '约束性' };
const QUARTERS = ['一', '二', '三', '四'] as const;

/** An approved figure as the table prints it; one short of the year's last period says how far it reaches. */
export function outcomeText(outcome: AnnualIndicator['outcome']): string {
  if (!outcome) return '暂无数据';
  if (outcome.period >= outcome.periodsPerYear) return outcome.value;
  const upTo =
    outcome.periodsPerYear === 4 ? `${QUARTERS[outcome.period - 1] ?? outcome.period}季度` : `${outcome.period}月`;
  return `${outcome.value}（截至${upTo}）`;
}

/** A printed table's category column: named on the first row of each category, blank below it, as the report does. */
function categoryCells<T extends { category: string }>(rows: readonly T[]): string[] {
  return rows.map((r, i) => (i > 0 && rows[i - 1]!.category === r.category ? '' : r.category));
}

function annex1(year: number, indicators: readonly AnnualIndicator[]): AnnualReportTable {
  const rows = [...indicators].sort((a, b) => a.seq - b.seq);
  const categories = categoryCells(rows);
  return {
    label: '附件1',
    title: `${year}年经济社会发展主要目标完成情况表`,
    headers: ['序号', '指标类别', '指标名称', '单位', '指标属性', `${year}年预期目标`, `${year}年完成情况`],
    rows: rows.map((r, i) => [
      String(r.seq),
      categories[i]!,
      r.name,
      r.unit,
      NATURE_ZH[r.nature],
      r.targetText,
      outcomeText(r.outcome),
    ]),
  };
}

const TARGET_TO_FILL = '待填写';

/**
 * 附件2: the next year's targets where they are in Keystone, the year's outcome beside each (by the indicator's
 * name, else as entered with the new plan); otherwise the year's own indicators with the targets left to fill in.
 */
function annex2(
  year: number,
  next: AnnualReportFigures['nextYear'],
  current: readonly AnnualIndicator[],
): AnnualReportTable {
  const byName = new Map(current.map((i) => [i.name, i]));
  const source: NextYearIndicator[] =
    next.indicators.length > 0
      ? [...next.indicators].sort((a, b) => a.seq - b.seq)
      : [...current]
          .sort((a, b) => a.seq - b.seq)
          .map((i) => ({ ...i, previousOutcome: outcomeText(i.outcome), targetText: TARGET_TO_FILL }));
  const categories = categoryCells(source);
  return {
    label: '附件2',
    title: `${next.year}年经济社会发展主要目标预期建议表`,
    headers: ['序号', '指标类别', '指标名称', '单位', '指标属性', `${year}年完成情况`, `${next.year}年预期目标`],
    rows: source.map((r, i) => {
      const mine = byName.get(r.name);
      return [
        String(r.seq),
        categories[i]!,
        r.name,
        r.unit,
        NATURE_ZH[r.nature],
        mine?.outcome ? outcomeText(mine.outcome) : r.previousOutcome,
        r.targetText,
      ];
    }),
  };
}

/** The whole draft from the figures. */
export function annualReportDocument(f: AnnualReportFigures): AnnualReportDocument {
  const next = f.nextYear.year;
  const execution = [
    executionTotalsSentence(f.year, f.execution),
    executionStagesSentence(f.execution),
    f.problems ? problemsSentence(f.problems) : '',
    indicatorsSentence(f.indicators) ?? '',
  ].filter((p) => p !== '');
  const annexes = [annex1(f.year, f.indicators), annex2(f.year, f.nextYear, f.indicators)];
  return {
    title: [
      `重庆市渝中区${f.year}年国民经济和社会发展计划执行情况`,
      `及${next}年计划草案的报告（重点项目及计划指标部分）${f.final ? '' : '（草稿）'}`,
    ],
    draftNote: f.final ? null : `说明：${f.year}年度尚未关闭，本稿数据为生成时已审核通过的数据，年度关闭后请重新生成。`,
    sections: [
      { heading: `一、${f.year}年计划执行情况`, subheading: '（一）重点项目建设', paragraphs: execution },
      {
        heading: `二、${next}年经济社会发展计划安排`,
        subheading: '（三）重点项目安排',
        paragraphs: [f.nextYear.plan ? nextYearPlanParagraph(next, f.nextYear.plan) : nextYearPlanPlaceholder(next)],
      },
    ],
    annexList: annexes.map((a, i) => `${i === 0 ? '附件：' : ''}${i + 1}.${a.title}`),
    annexes,
  };
}
