import 'server-only';
import type ExcelJS from 'exceljs';
import { xmlSafe } from '@/lib/validations/text';

/**
 * Removes from every text cell of a workbook the characters XML 1.0 cannot hold (C0 controls but tab and line
 * breaks, U+FFFE/U+FFFF, lone surrogates). Inputs refuse them (lib/validations/text.ts), but data stored before that
 * rule, or written around it, must not make a download unreadable: Excel refuses the whole file for one such cell.
 */
export function makeWorkbookXmlSafe(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (typeof value === 'string') {
          const safe = xmlSafe(value);
          if (safe !== value) cell.value = safe;
        } else if (value && typeof value === 'object' && 'richText' in value) {
          cell.value = { ...value, richText: value.richText.map((r) => ({ ...r, text: xmlSafe(r.text) })) };
        }
      });
    });
  });
}
