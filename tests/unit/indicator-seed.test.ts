/**
 * The 25 indicators Keystone seeds for 2025 are the plan report's 附件2, cell for cell: the report as issued is kept
 * in prisma/seed/source/plan-report-2025.txt, and this test reads its table back and compares.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTarget } from '@/lib/domain/indicators/target';
import { INDICATORS_2025 } from '@/lib/domain/plan-2025';
import { DEPARTMENTS } from '@/prisma/seed/catalog';
import { DEMO_INDICATOR_ACTUALS_2025, INDICATOR_DUTIES_2025 } from '@/prisma/seed/indicators';

const REPORT = readFileSync(path.resolve(import.meta.dirname, '../../prisma/seed/source/plan-report-2025.txt'), 'utf8');

/**
 * The rows of the annex table that starts at the line `title`: rows are separated by blank lines, each cell starts
 * with a tab, and a line without one continues the cell above (a cell wrapped in print, "保持全市" / "前列").
 */
function annexRows(title: string): string[][] {
  const lines = REPORT.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === title);
  expect(start).toBeGreaterThan(0);
  const rows: string[][] = [];
  let cells: string[] = [];
  const flush = () => {
    if (cells.length && /^\d+$/.test(cells[0]!)) rows.push(cells);
    cells = [];
  };
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('备注') || /^附件\d/.test(line.trim())) break;
    if (line === '')
      flush(); // a blank cell is a lone tab, a row's end an empty line
    else if (line.startsWith('\t')) cells.push(line.slice(1).trim());
    else if (cells.length) cells[cells.length - 1] += line.trim();
  }
  flush();
  return rows;
}

describe('the seeded 2025 indicators', () => {
  const rows = annexRows('附件2');

  it('are the 25 rows of 附件2, in order', () => {
    expect(rows).toHaveLength(25);
    expect(INDICATORS_2025.map((i) => i.seq)).toEqual(rows.map((r) => Number(r[0])));
  });

  it('have the category, name, unit, nature, 2024 outcome and 2025 target the report prints', () => {
    let category = '';
    const printed = rows.map(([seq, cat, name, unit, nature, previous, target]) => {
      category = cat || category; // a blank category cell continues the one above
      return {
        seq: Number(seq),
        category,
        name,
        unit,
        nature: nature === '约束性' ? 'BINDING' : nature === '预期性' ? 'EXPECTED' : nature,
        previousOutcome: previous,
        targetText: target,
      };
    });
    const seeded = INDICATORS_2025.map(({ targetValue: _number, ...rest }) => rest);
    expect(seeded).toEqual(printed);
  });

  it('count 18 预期性 and 7 约束性, as the report says', () => {
    expect(INDICATORS_2025.filter((i) => i.nature === 'EXPECTED')).toHaveLength(18);
    expect(INDICATORS_2025.filter((i) => i.nature === 'BINDING')).toHaveLength(7);
  });

  it('store as the target number the number the parsed target compares with', () => {
    for (const i of INDICATORS_2025) expect(parseTarget(i.targetText)?.value ?? null).toBe(i.targetValue);
  });

  it('each have a responsible department of the catalogue', () => {
    const names = new Set(DEPARTMENTS.map((d) => d.name));
    for (const i of INDICATORS_2025) {
      const duty = INDICATOR_DUTIES_2025[i.seq];
      expect(duty, `indicator ${i.seq}`).toBeDefined();
      expect(names.has(duty!.department), duty!.department).toBe(true);
    }
    expect(Object.keys(INDICATOR_DUTIES_2025)).toHaveLength(25);
  });

  it('have demo actuals only for periods their frequency has', () => {
    const periods = { MONTHLY: 12, QUARTERLY: 4, ANNUAL: 1 };
    for (const a of DEMO_INDICATOR_ACTUALS_2025) {
      expect(a.period).toBeLessThanOrEqual(periods[INDICATOR_DUTIES_2025[a.seq]!.frequency]);
    }
  });
});
