/**
 * The columns of a project sheet (调度表 / 导入模板), by the Chinese header people actually use. Pure: no Prisma,
 * no Next. The same definitions drive header detection on import, the export layout and the template, so a
 * file Keystone writes always reads back.
 */
import type { BuildType, Direction, InvestorType, Stage } from '@/generated/prisma/enums';

export type ColumnKey =
  | 'seq'
  | 'code'
  | 'name'
  | 'department'
  | 'ownerUnit'
  | 'area'
  | 'buildType'
  | 'stage'
  | 'investorType'
  | 'direction'
  | 'scope'
  | 'totalInvestment'
  | 'cumulativeBeforeYear'
  | 'annualPlan'
  | 'plannedStart'
  | 'plannedCompletion'
  | 'leaderInCharge'
  | 'milestoneTarget'
  // written by the export, ignored by the import: they come from monthly reports, not from the plan
  | 'ytd'
  | 'rate'
  | 'progress'
  | 'problems';

export interface ColumnDef {
  key: ColumnKey;
  /** the header Keystone writes */
  header: string;
  /** other headers found in real files, compared after normalizeHeader */
  aliases: readonly (string | RegExp)[];
  /** 万元 amount */
  money?: boolean;
  /** read back by the import */
  imported: boolean;
  /** width in Excel character units for the export */
  width: number;
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: 'seq', header: '序号', aliases: ['编号'], imported: false, width: 6 },
  { key: 'code', header: '项目代码', aliases: ['项目编码', '项目编号', '代码'], imported: true, width: 14 },
  { key: 'name', header: '项目名称', aliases: [], imported: true, width: 32 },
  {
    key: 'department',
    header: '责任单位',
    aliases: [
      '牵头单位',
      '责任单位牵头',
      '牵头责任单位',
      '区级责任单位',
      '主管单位',
      '主管部门',
      '行业主管部门',
      '责任部门',
      '牵头部门',
      '区级牵头单位',
    ],
    imported: true,
    width: 18,
  },
  {
    key: 'scope',
    header: '建设内容',
    aliases: [
      '建设内容及规模',
      '主要建设内容',
      '建设规模及内容',
      '建设内容和规模',
      '建设规模和内容',
      '主要建设内容及规模',
      '建设规模',
    ],
    imported: true,
    width: 40,
  },
  {
    key: 'totalInvestment',
    header: '总投资',
    aliases: ['项目总投资', '计划总投资', '估算总投资', '概算总投资', '总投资额'],
    money: true,
    imported: true,
    width: 14,
  },
  {
    key: 'annualPlan',
    header: '年度计划投资',
    aliases: [
      /^\d{4}年(度)?计划投资(额)?$/,
      /^\d{4}年(度)?投资计划$/,
      '年度计划',
      '本年计划投资',
      '本年度计划投资',
      '年度投资计划',
      '年度计划投资额',
      '当年计划投资',
    ],
    money: true,
    imported: true,
    width: 14,
  },
  {
    key: 'ytd',
    header: '1-N月累计完成',
    aliases: [/^1-\d{1,2}月累计完成(投资)?$/, '累计完成投资'],
    money: true,
    imported: false,
    width: 14,
  },
  { key: 'rate', header: '完成率', aliases: ['年度计划完成率', '计划完成率'], imported: false, width: 10 },
  { key: 'progress', header: '形象进度', aliases: ['目前形象进度', '工程形象进度'], imported: false, width: 30 },
  { key: 'problems', header: '存在问题', aliases: ['存在的问题', '存在问题及建议'], imported: false, width: 30 },
  { key: 'stage', header: '项目类别', aliases: ['类别', '项目阶段', '项目类型'], imported: true, width: 10 },
  { key: 'investorType', header: '投资主体', aliases: [], imported: true, width: 10 },
  { key: 'direction', header: '投资方向', aliases: [], imported: true, width: 16 },
  { key: 'buildType', header: '建设性质', aliases: [], imported: true, width: 10 },
  {
    key: 'ownerUnit',
    header: '建设单位',
    aliases: ['项目业主', '建设单位项目业主', '业主单位', '项目业主单位', '项目建设单位', '项目法人', '项目法人单位'],
    imported: true,
    width: 24,
  },
  { key: 'area', header: '片区', aliases: ['建设地点', '建设地点片区', '所在片区'], imported: true, width: 12 },
  {
    key: 'cumulativeBeforeYear',
    header: '截至上年底累计完成投资',
    // 截至/截止/至 (the offices write all three), 上年底/上年末/2024年底, with or without 完成 and 投资
    aliases: [
      /^(截至|截止|至)?(上年|\d{4}年)(底|末)累计(完成)?(投资)?(额)?$/,
      '以前年度累计完成投资',
      '开工至上年底累计完成投资',
    ],
    money: true,
    imported: true,
    width: 16,
  },
  // in a plan file a bare 开工/竣工时间 is the planned one: actual dates come from the monthly reports
  {
    key: 'plannedStart',
    header: '计划开工时间',
    aliases: ['计划开工日期', '计划开工', '开工时间', '开工日期', '拟开工时间', '计划开工年月'],
    imported: true,
    width: 14,
  },
  {
    key: 'plannedCompletion',
    header: '计划竣工时间',
    aliases: [
      '计划竣工日期',
      '计划完工时间',
      '计划竣工',
      '竣工时间',
      '竣工日期',
      '计划完工',
      '完工时间',
      '计划完工日期',
      '计划竣工年月',
    ],
    imported: true,
    width: 14,
  },
  { key: 'leaderInCharge', header: '联系区领导', aliases: ['区领导'], imported: true, width: 12 },
  {
    key: 'milestoneTarget',
    header: '年度目标',
    aliases: ['年度形象进度目标', '年度建设目标'],
    imported: true,
    width: 24,
  },
];

export const COLUMN_BY_KEY = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, ColumnDef>;

/** 分月计划: one column per month, headed "1月" … "12月" (also "1月计划"; under a merged "分月计划" cell). */
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const monthHeader = (month: number) => `${month}月`;
const MONTH_HEADER = /^(\d{1,2})月(份)?(计划)?(投资)?$/;

/** Columns that must be in a sheet for it to be imported at all. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = [
  'code',
  'name',
  'department',
  'stage',
  'investorType',
  'direction',
  'totalInvestment',
];

/** Chinese labels as the plan report writes them; each enum also accepts its English key. */
export const STAGE_LABELS: Record<Stage, string> = {
  COMPLETION: '完工',
  ONGOING: '续建',
  NEW_START: '新开工',
  PRELIMINARY: '前期',
};
export const INVESTOR_LABELS: Record<InvestorType, string> = { MUNICIPAL: '市级', DISTRICT: '区级', SOCIAL: '社会' };
export const DIRECTION_LABELS: Record<Direction, string> = {
  INFRASTRUCTURE: '基础设施',
  PUBLIC_SERVICE: '公共服务设施',
  REAL_ESTATE: '房地产',
  INDUSTRY: '非房地产的产业',
};
export const BUILD_TYPE_LABELS: Record<BuildType, string> = { NEW: '新建', CONTINUED: '续建', EXPANSION: '改扩建' };

const STAGE_ALIASES: Record<string, Stage> = {
  完工项目: 'COMPLETION',
  竣工: 'COMPLETION',
  续建项目: 'ONGOING',
  新开工项目: 'NEW_START',
  前期项目: 'PRELIMINARY',
  前期工作: 'PRELIMINARY',
};
const INVESTOR_ALIASES: Record<string, InvestorType> = {
  市级投资: 'MUNICIPAL',
  区级投资: 'DISTRICT',
  社会投资: 'SOCIAL',
  市属: 'MUNICIPAL',
  区属: 'DISTRICT',
};
const DIRECTION_ALIASES: Record<string, Direction> = {
  公共服务: 'PUBLIC_SERVICE',
  非房地产产业: 'INDUSTRY',
  产业: 'INDUSTRY',
  基础设施建设: 'INFRASTRUCTURE',
};
const BUILD_TYPE_ALIASES: Record<string, BuildType> = { 改建: 'EXPANSION', 扩建: 'EXPANSION', 改扩建: 'EXPANSION' };

function enumLookup<E extends string>(labels: Record<E, string>, aliases: Record<string, E>) {
  const map = new Map<string, E>();
  for (const [key, label] of Object.entries(labels) as [E, string][]) {
    map.set(label, key);
    map.set(key.toLowerCase(), key);
  }
  for (const [alias, key] of Object.entries(aliases)) map.set(alias, key);
  return (text: string): E | undefined =>
    map.get(text.replace(/[\s\u3000]/g, '')) ?? map.get(text.trim().toLowerCase());
}

export const parseStage = enumLookup(STAGE_LABELS, STAGE_ALIASES);
export const parseInvestor = enumLookup(INVESTOR_LABELS, INVESTOR_ALIASES);
export const parseDirection = enumLookup(DIRECTION_LABELS, DIRECTION_ALIASES);
export const parseBuildType = enumLookup(BUILD_TYPE_LABELS, BUILD_TYPE_ALIASES);

/**
 * Header text as compared: no whitespace or line breaks (headers wrap inside cells), full-width brackets made
 * half-width, and a trailing unit "(万元)" dropped. A header in 亿元 is deliberately not recognised: its figures would
 * be off by 10,000.
 */
export function normalizeHeader(raw: string): string {
  return raw
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[—–－]/g, '-')
    .replace(/\(万元\)$|万元$/, '')
    .replace(/[()/、:：]/g, '');
}

export type HeaderMatch = { kind: 'column'; key: ColumnKey } | { kind: 'month'; month: number };

export function matchHeader(raw: string): HeaderMatch | null {
  const text = normalizeHeader(raw);
  if (!text) return null;
  const month = MONTH_HEADER.exec(text);
  if (month) {
    const m = Number(month[1]);
    if (m >= 1 && m <= 12) return { kind: 'month', month: m };
  }
  for (const column of COLUMNS) {
    if (normalizeHeader(column.header) === text) return { kind: 'column', key: column.key };
  }
  for (const column of COLUMNS) {
    for (const alias of column.aliases) {
      if (typeof alias === 'string' ? normalizeHeader(alias) === text : alias.test(text))
        return { kind: 'column', key: column.key };
    }
  }
  return null;
}
