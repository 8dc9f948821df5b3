import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

/**
 * The annual report's download on the year-end page (docs/year-cycle.md, "Annual report"): a draft while the year
 * is closing, the final figures once it is closed. A plain link: the route answers with the .docx.
 */
export async function AnnualReportCard({ year, closed }: { year: number; closed: boolean }) {
  const t = await getTranslations('plan.annualReport');
  const y = String(year);
  return (
    <Card className="flex flex-col gap-2 p-4" data-testid="annual-report">
      <h2 className="font-semibold">{t('heading')}</h2>
      <p className="text-sm text-slate-600">{closed ? t('finalHint', { year: y }) : t('draftHint', { year: y })}</p>
      <div>
        <Button asChild variant="secondary">
          <a href={`/api/plan-years/${year}/annual-report`} download>
            {t('download', { year: y })}
          </a>
        </Button>
      </div>
    </Card>
  );
}
