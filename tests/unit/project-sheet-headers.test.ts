/**
 * The headers the district's offices write in their plan files, each read as the Keystone field it means, and the
 * dry run's account of every header cell: mapped, a month, or listed as unmapped (never dropped silently).
 */
import { describe, expect, it } from 'vitest';
import { columnLetter, matchHeader, parseProjectSheet, type ColumnKey } from '@/lib/domain/project-sheet';

const SYNONYMS: [string, ColumnKey][] = [
  // owner unit
  ['建设单位', 'ownerUnit'],
  ['项目业主', 'ownerUnit'],
  ['业主单位', 'ownerUnit'],
  ['项目业主单位', 'ownerUnit'],
  ['项目建设单位', 'ownerUnit'],
  ['项目法人', 'ownerUnit'],
  ['建设单位/项目业主', 'ownerUnit'],
  // total investment
  ['总投资', 'totalInvestment'],
  ['计划总投资', 'totalInvestment'],
  ['项目总投资', 'totalInvestment'],
  ['估算总投资', 'totalInvestment'],
  ['概算总投资', 'totalInvestment'],
  ['总投资额（万元）', 'totalInvestment'],
  // annual plan
  ['年度计划投资', 'annualPlan'],
  ['年度投资计划', 'annualPlan'],
  ['年度计划投资额', 'annualPlan'],
  ['年度计划', 'annualPlan'],
  ['本年计划投资', 'annualPlan'],
  ['本年度计划投资', 'annualPlan'],
  ['当年计划投资', 'annualPlan'],
  ['2025年计划投资', 'annualPlan'],
  ['2025年度计划投资', 'annualPlan'],
  ['2025年投资计划', 'annualPlan'],
  ['2025年度投资计划（万元）', 'annualPlan'],
  // responsible department
  ['责任单位', 'department'],
  ['牵头单位', 'department'],
  ['主管单位', 'department'],
  ['主管部门', 'department'],
  ['行业主管部门', 'department'],
  ['责任部门', 'department'],
  ['牵头部门', 'department'],
  ['区级牵头单位', 'department'],
  // cumulative before the year
  ['截至上年底累计完成投资', 'cumulativeBeforeYear'],
  ['截至上年底累计完成', 'cumulativeBeforeYear'],
  ['截止上年底累计完成投资', 'cumulativeBeforeYear'],
  ['至上年底累计完成投资', 'cumulativeBeforeYear'],
  ['至上年底累计', 'cumulativeBeforeYear'],
  ['截至上年末累计完成投资', 'cumulativeBeforeYear'],
  ['截至2024年底累计完成投资', 'cumulativeBeforeYear'],
  ['截止2024年底累计完成', 'cumulativeBeforeYear'],
  ['上年底累计完成投资', 'cumulativeBeforeYear'],
  ['以前年度累计完成投资', 'cumulativeBeforeYear'],
  ['开工至上年底累计完成投资', 'cumulativeBeforeYear'],
  // scope
  ['建设内容', 'scope'],
  ['建设内容及规模', 'scope'],
  ['建设规模及内容', 'scope'],
  ['建设内容和规模', 'scope'],
  ['建设规模和内容', 'scope'],
  ['主要建设内容及规模', 'scope'],
  ['建设规模', 'scope'],
  // planned start and completion
  ['计划开工时间', 'plannedStart'],
  ['开工时间', 'plannedStart'],
  ['计划开工', 'plannedStart'],
  ['开工日期', 'plannedStart'],
  ['拟开工时间', 'plannedStart'],
  ['计划开工年月', 'plannedStart'],
  ['计划竣工时间', 'plannedCompletion'],
  ['竣工时间', 'plannedCompletion'],
  ['计划竣工', 'plannedCompletion'],
  ['竣工日期', 'plannedCompletion'],
  ['计划完工', 'plannedCompletion'],
  ['完工时间', 'plannedCompletion'],
  ['计划完工日期', 'plannedCompletion'],
];

describe('header synonyms the offices use', () => {
  it.each(SYNONYMS)('reads 「%s」 as %s', (header, key) => {
    expect(matchHeader(header)).toEqual({ kind: 'column', key });
  });

  it('reads them with line breaks and full-width brackets, as cells wrap', () => {
    expect(matchHeader('年度投资\n计划（万元）')).toEqual({ kind: 'column', key: 'annualPlan' });
    expect(matchHeader('截至上年底\n累计完成投资（万元）')).toEqual({ kind: 'column', key: 'cumulativeBeforeYear' });
  });

  it('does not take actual dates or the year-to-date for plan fields', () => {
    expect(matchHeader('实际开工时间')).toBeNull();
    expect(matchHeader('实际竣工时间')).toBeNull();
    expect(matchHeader('1-10月累计完成投资')).toEqual({ kind: 'column', key: 'ytd' });
    expect(matchHeader('总投资（亿元）')).toBeNull();
  });
});

describe('columnLetter', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('the header as the dry run reports it', () => {
  const header = [
    '序号',
    '项目代码',
    '项目名称',
    '牵头单位',
    '项目类别',
    '投资主体',
    '投资方向',
    '计划总投资',
    '年度投资计划',
    '项目业主',
    '建设起止年限',
    '备注',
    '项目名称',
  ];
  const sheet = parseProjectSheet({
    rows: [
      ['渝中区2026年重点项目计划表'],
      header,
      [1, 'H-1', '甲', '区教委', '续建', '区级', '基础设施', '1000', '120', '某公司', '2024-2027', '', '乙'],
    ],
  });

  it('maps every known header to its field, by column letter and the text in the file', () => {
    expect(sheet.issues).toEqual([]);
    expect(sheet.headers?.slice(0, 10)).toEqual([
      { letter: 'A', text: '序号', target: { kind: 'column', key: 'seq', imported: false } },
      { letter: 'B', text: '项目代码', target: { kind: 'column', key: 'code', imported: true } },
      { letter: 'C', text: '项目名称', target: { kind: 'column', key: 'name', imported: true } },
      { letter: 'D', text: '牵头单位', target: { kind: 'column', key: 'department', imported: true } },
      { letter: 'E', text: '项目类别', target: { kind: 'column', key: 'stage', imported: true } },
      { letter: 'F', text: '投资主体', target: { kind: 'column', key: 'investorType', imported: true } },
      { letter: 'G', text: '投资方向', target: { kind: 'column', key: 'direction', imported: true } },
      { letter: 'H', text: '计划总投资', target: { kind: 'column', key: 'totalInvestment', imported: true } },
      { letter: 'I', text: '年度投资计划', target: { kind: 'column', key: 'annualPlan', imported: true } },
      { letter: 'J', text: '项目业主', target: { kind: 'column', key: 'ownerUnit', imported: true } },
    ]);
    expect(sheet.rows[0]).toMatchObject({ department: '区教委', annualPlan: '120.00', ownerUnit: '某公司' });
  });

  it('lists unknown columns, and a second column for a field already read, as unmapped', () => {
    expect(sheet.headers?.slice(10)).toEqual([
      { letter: 'K', text: '建设起止年限', target: { kind: 'unmapped', duplicate: false } },
      { letter: 'L', text: '备注', target: { kind: 'unmapped', duplicate: false } },
      { letter: 'M', text: '项目名称', target: { kind: 'unmapped', duplicate: true } },
    ]);
  });

  it('lists the months of a two-row header one by one, not the merged title above them', () => {
    const twoRow = parseProjectSheet({
      rows: [
        [...header.slice(0, 9), '分月计划', ...Array.from({ length: 11 }, () => null), '备注'],
        [...Array.from({ length: 9 }, () => null), ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), null],
        [
          1,
          'H-1',
          '甲',
          '区教委',
          '续建',
          '区级',
          '基础设施',
          '1000',
          '120',
          ...Array.from({ length: 12 }, () => '10'),
        ],
      ],
    });
    expect(twoRow.issues).toEqual([]);
    const targets = twoRow.headers?.map((h) => h.target.kind);
    expect(targets?.filter((k) => k === 'month')).toHaveLength(12);
    expect(twoRow.headers?.find((h) => h.text === '分月计划')).toBeUndefined();
    expect(twoRow.headers?.at(-1)).toEqual({
      letter: 'V',
      text: '备注',
      target: { kind: 'unmapped', duplicate: false },
    });
  });
});
