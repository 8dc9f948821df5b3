import Decimal from 'decimal.js';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatCount, formatPercent, formatWan, MISSING } from '@/lib/format';
import { rankDepartments, type BulletinFigures } from '@/lib/server/bulletins/figures';
import { withPreliminaryLine, type RollupCut } from '@/lib/server/dashboard/get-rollup';
import { DocumentTable, type DocumentTableRow } from './document-table';

interface Line {
  key: string;
  label: string;
  count: number;
  annualPlan: string;
  completed: string;
  percent: string | null;
}

type CutColumns = { count: string; annualPlan: string; completed: string; percent: string };

/** One cut of the frozen rollup: a line per key, and the district total as a bold last line where given. */
function CutTable({
  testId,
  caption,
  labelHeader,
  lines,
  total,
  locale,
  columns,
}: {
  testId: string;
  caption: string;
  labelHeader: string;
  lines: Line[];
  total?: Line;
  locale: string;
  columns: CutColumns;
}) {
  const row = (line: Line, strong = false): DocumentTableRow => ({
    key: line.key,
    strong,
    cells: [
      line.label,
      formatCount(line.count, locale),
      line.percent === null && new Decimal(line.annualPlan).isZero()
        ? MISSING
        : formatWan(line.annualPlan, locale, { unit: false }),
      formatWan(line.completed, locale, { unit: false }),
      line.percent === null ? MISSING : formatPercent(line.percent, locale),
    ],
  });
  return (
    <DocumentTable
      testId={testId}
      caption={caption}
      className="break-inside-avoid"
      columns={[
        { header: labelHeader },
        { header: columns.count, numeric: true },
        { header: columns.annualPlan, numeric: true },
        { header: columns.completed, numeric: true },
        { header: columns.percent, numeric: true },
      ]}
      rows={[...lines.map((l) => row(l)), ...(total ? [row(total, true)] : [])]}
    />
  );
}

/** The bulletin's tables, from its frozen figures: amounts in 万元 with separators, % of plan to one decimal. */
export async function BulletinTables({ figures }: { figures: BulletinFigures }) {
  const [locale, t, tEnums] = await Promise.all([
    getLocale(),
    getTranslations('bulletins.tables'),
    getTranslations('enums'),
  ]);
  const r = figures.rollup;
  const columns = {
    count: t('columns.count'),
    annualPlan: t('columns.annualPlan'),
    completed: t('columns.completed'),
    percent: t('columns.percent'),
  };
  const total: Line = {
    key: 'total',
    label: t('total'),
    count: r.projectCount,
    annualPlan: r.annualPlan,
    completed: r.completed,
    percent: r.percentOfPlan,
  };
  const lines = <K extends string | number>(cuts: RollupCut<K>[], label: (key: K) => string): Line[] =>
    cuts.map((c) => ({ ...c, key: String(c.key), label: label(c.key) }));
  const { leading, lagging } = rankDepartments(figures);

  return (
    <div className="flex flex-col gap-6">
      <CutTable
        testId="bulletin-by-stage"
        caption={t('byStage')}
        labelHeader={t('columns.stage')}
        lines={lines(r.byStage, (k) => tEnums(`stage.${k}`))}
        total={total}
        locale={locale}
        columns={columns}
      />
      <CutTable
        testId="bulletin-by-investor"
        caption={t('byInvestor')}
        labelHeader={t('columns.investor')}
        lines={lines(withPreliminaryLine(r.byInvestor, r), (k) =>
          k === 'PRELIMINARY' ? t('preliminaryLine') : tEnums(`investor.${k}`),
        )}
        locale={locale}
        columns={columns}
      />
      <CutTable
        testId="bulletin-by-direction"
        caption={t('byDirection')}
        labelHeader={t('columns.direction')}
        lines={lines(withPreliminaryLine(r.byDirection, r), (k) =>
          k === 'PRELIMINARY' ? t('preliminaryLine') : tEnums(`direction.${k}`),
        )}
        locale={locale}
        columns={columns}
      />
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2 print:grid-cols-1">
        <CutTable
          testId="bulletin-leading"
          caption={t('leading')}
          labelHeader={t('columns.department')}
          lines={lines(leading, (k) => leading.find((d) => d.key === k)?.label ?? String(k))}
          locale={locale}
          columns={columns}
        />
        <CutTable
          testId="bulletin-lagging"
          caption={t('lagging')}
          labelHeader={t('columns.department')}
          lines={lines(lagging, (k) => lagging.find((d) => d.key === k)?.label ?? String(k))}
          locale={locale}
          columns={columns}
        />
      </div>
      <section data-testid="bulletin-red" className="flex flex-col gap-1.5">
        <h3 className="text-base font-semibold text-slate-900">{t('red')}</h3>
        {figures.redProjects.length === 0 ? (
          <p className="text-sm text-slate-600">{t('redNone')}</p>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              {t('redHint', { points: figures.paceRedPoints, count: figures.redProjects.length })}
            </p>
            <DocumentTable
              columns={[
                { header: t('columns.project') },
                { header: t('columns.department') },
                { header: t('columns.annualPlan'), numeric: true },
                { header: t('columns.completed'), numeric: true },
                { header: t('columns.percent'), numeric: true },
                { header: t('columns.behind'), numeric: true },
              ]}
              rows={figures.redProjects.map((p) => ({
                key: p.code,
                cells: [
                  p.name,
                  p.department,
                  formatWan(p.annualPlan, locale, { unit: false }),
                  formatWan(p.completed, locale, { unit: false }),
                  formatPercent(p.percent, locale),
                  new Decimal(p.behindPoints).toFixed(1, Decimal.ROUND_DOWN),
                ],
              }))}
            />
          </>
        )}
      </section>
    </div>
  );
}
