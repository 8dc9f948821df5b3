import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { AuditFilterForm, type AuditFilterValues } from '@/components/audit/audit-filter-form';
import { AuditLogTable } from '@/components/audit/audit-log-table';
import { Pager } from '@/components/navigation/pager';
import { Card, CardContent } from '@/components/ui/card';
import { scopeOf } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { formatCount } from '@/lib/format';
import { getAuditFilterOptions } from '@/lib/server/audit/get-audit-filter-options';
import { listAuditLog } from '@/lib/server/audit/list-audit-log';
import { isAuditMessageKey, ZAuditLogFilter } from '@/lib/validations/audit';
import type { SearchParams } from '@/lib/search-params';

const FILTER_KEYS = ['person', 'department', 'entity', 'action', 'from', 'to'] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('metaTitle') };
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const actor = await requireActor();
  // Like another department's project: a page this role may not see is a page that does not exist.
  if (scopeOf(actor, 'audit.read') !== 'all') notFound();

  const query = await searchParams;
  const [t, tv, locale] = await Promise.all([getTranslations('audit'), getTranslations('validation'), getLocale()]);
  const values: AuditFilterValues = {};
  for (const key of FILTER_KEYS) {
    const raw = query[key];
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first) values[key] = first;
  }

  const parsed = ZAuditLogFilter.safeParse(query);
  const errors: Partial<Record<keyof AuditFilterValues, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && (FILTER_KEYS as readonly string[]).includes(field)) {
        errors[field as keyof AuditFilterValues] = isAuditMessageKey(issue.message) ? tv(issue.message) : issue.message;
      }
    }
  }

  const [options, log] = await Promise.all([
    getAuditFilterOptions(prisma, actor),
    parsed.success ? listAuditLog(prisma, actor, parsed.data) : null,
  ]);

  const pageHref = (page: number) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (values[key]) search.set(key, values[key]);
    search.set('page', String(page));
    return `/audit?${search.toString()}`;
  };

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-500">{t('description')}</p>
      </div>
      <Card>
        <CardContent>
          <AuditFilterForm values={values} options={options} errors={errors} />
        </CardContent>
      </Card>
      {!log ? (
        <Card className="p-6 text-sm text-red-700" role="alert" data-testid="audit-invalid">
          {t('invalid')}
        </Card>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="audit-count">
            {t('count', { count: formatCount(log.total, locale) })}
          </p>
          {log.rows.length === 0 ? (
            <Card className="p-6 text-center text-sm text-slate-600" data-testid="audit-empty">
              {t('empty')}
            </Card>
          ) : (
            <Card>
              <AuditLogTable rows={log.rows} />
            </Card>
          )}
          <Pager page={log.page} pageSize={log.pageSize} total={log.total} hrefFor={pageHref} testId="audit-pager" />
        </>
      )}
    </div>
  );
}
