import Decimal from 'decimal.js';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatCount, formatPercent, formatWan, MISSING } from '@/lib/format';
import { rankDepartments, type BulletinFigures } from '@/lib/server/bulletins/figures';
import type { RollupCut } from '@/lib/server/dashboard/get-rollup';

const TH = 'border border-slate-300 bg-slate-50 px-2 py-1.5 text-center font-medium print:bg-white';
const TD = 'border border-slate-300 px-2 py-1.5';
const NUM = `${TD} text-right tabular-nums`;

interface Line {
  key: string;
  label: string;
  count: number;
  annualPlan: string;
  completed: string;
  percent: string | null;
}

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
  columns: { count: string; annualPlan: string; completed: string; percent: string };
}) {
  const row = (line: Line, strong = false) => (
    <tr key={line.key} className={strong ? 'font-semibold' : undefined}>
      <td className={TD}>{line.label}</td>
      <td className={NUM}>{formatCount(line.count, locale)}</td>
      <td className={NUM}>{line.percent === null && new Decimal(line.annualPlan).isZero() ? MISSING : formatWan(line.annualPlan, locale, { unit: false })}</td>
      <td className={NUM}>{formatWan(line.completed, locale, { unit: false })}</td>
      <td className={NUM}>{line.percent === null ? MISSING : formatPercent(line.percent, locale)}</td>
    </tr>
  );
  return (
    <table data-testid={testId} className="w-full border-collapse text-sm break-inside-avoid">
      <caption className="pb-1.5 text-left text-base font-semibold text-slate-900">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={TH}>{labelHeader}</th>
          <th scope="col" className={TH}>{columns.count}</th>
          <th scope="col" className={TH}>{columns.annualPlan}</th>
          <th scope="col" className={TH}>{columns.completed}</th>
          <th scope="col" className={TH}>{columns.percent}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => row(l))}
        {total && row(total, true)}
      </tbody>
    </table>
  );
}

/** The bulletin's tables, from its frozen figures: amounts in 万元 with separators, % of plan to one decimal. */
export async function BulletinTables({ figures }: { figures: BulletinFigures }) {
  const [locale, t, tEnums] = await Promise.all([getLocale(), getTranslations('bulletins.tables'), getTranslations('enums')]);
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
        lines={lines(r.byInvestor, (k) => tEnums(`investor.${k}`))}
        locale={locale}
        columns={columns}
      />
      <CutTable
        testId="bulletin-by-direction"
        caption={t('byDirection')}
        labelHeader={t('columns.direction')}
        lines={lines(r.byDirection, (k) => tEnums(`direction.${k}`))}
        locale={locale}
        columns={columns}
      />
      <div className="grid gap-6 md:grid-cols-2 print:grid-cols-1">
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
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr>
                  <th scope="col" className={TH}>{t('columns.project')}</th>
                  <th scope="col" className={TH}>{t('columns.department')}</th>
                  <th scope="col" className={TH}>{t('columns.annualPlan')}</th>
                  <th scope="col" className={TH}>{t('columns.completed')}</th>
                  <th scope="col" className={TH}>{t('columns.percent')}</th>
                  <th scope="col" className={TH}>{t('columns.behind')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.redProjects.map((p) => (
                  <tr key={p.code} className="break-inside-avoid">
                    <td className={TD}>{p.name}</td>
                    <td className={TD}>{p.department}</td>
                    <td className={NUM}>{formatWan(p.annualPlan, locale, { unit: false })}</td>
                    <td className={NUM}>{formatWan(p.completed, locale, { unit: false })}</td>
                    <td className={NUM}>{formatPercent(p.percent, locale)}</td>
                    <td className={NUM}>{new Decimal(p.behindPoints).toFixed(1, Decimal.ROUND_DOWN)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
