'use client';

import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/data-table/data-table';
import type { SheetHeader } from '@/lib/domain/project-sheet/header';
import type { ImportSummary } from '@/lib/server/projects/import-projects';

/**
 * File header → Keystone field, for every column of the file, and the unmapped ones named in a sentence above the
 * table: a clerk whose 备注 or 建设起止年限 column is not imported reads so here rather than finding out later.
 */
export function ImportMapping({ summary }: { summary: Pick<ImportSummary, 'headers' | 'unmapped'> }) {
  const t = useTranslations('projectImport');
  if (summary.headers.length === 0) return null;

  const fieldText = ({ target }: SheetHeader) => {
    switch (target.kind) {
      case 'month':
        return t('mapping.month', { month: target.month });
      case 'column': {
        const field = t(`fieldNames.${target.key}`);
        return target.imported ? field : t('mapping.notImported', { field });
      }
      case 'unmapped':
        return target.duplicate ? t('mapping.duplicate') : t('mapping.unmapped');
    }
  };

  return (
    <details className="rounded-md border border-slate-200 px-3 py-2" open={summary.unmapped.length > 0}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">{t('mapping.title')}</summary>
      <div className="mt-2 flex flex-col gap-2">
        <p className="text-xs text-slate-600">{t('mapping.description')}</p>
        <p
          data-testid="import-unmapped"
          className={summary.unmapped.length ? 'text-sm text-amber-800' : 'text-sm text-slate-700'}
        >
          {summary.unmapped.length
            ? t('mapping.unmappedList', {
                columns: summary.unmapped
                  .map((u) => t('mapping.unmappedColumn', { text: u.text, letter: u.letter }))
                  .join(t('mapping.separator')),
              })
            : t('mapping.allMapped')}
        </p>
        <DataTable
          testId="import-mapping"
          ariaLabel={t('mapping.title')}
          className="max-h-[24rem] overflow-auto rounded-md border border-slate-200"
          headClassName="sticky top-0 text-slate-700"
          columns={[
            { id: 'letter', header: t('mapping.letter'), className: 'py-1.5 font-mono text-xs' },
            { id: 'header', header: t('mapping.header'), className: 'py-1.5' },
            { id: 'field', header: t('mapping.field'), className: 'py-1.5' },
          ]}
          rows={summary.headers.map((h) => ({
            id: `${h.letter}-${h.text}`,
            cells: {
              letter: h.letter,
              header: h.text,
              field:
                h.target.kind === 'unmapped' ? <span className="text-amber-800">{fieldText(h)}</span> : fieldText(h),
            },
          }))}
        />
      </div>
    </details>
  );
}
