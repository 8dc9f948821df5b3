import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { AuditFilterOptions } from '@/lib/server/audit/get-audit-filter-options';
import { cn } from '@/lib/utils';
import { getAuditLabels } from './audit-labels';

/** The filters as raw URL values, so what the user typed comes back even when it did not parse. */
export type AuditFilterValues = Partial<Record<'person' | 'department' | 'entity' | 'action' | 'from' | 'to', string>>;

const selectClass = cn(
  'h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs',
  'focus-visible:border-brand-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-600/30',
);

/**
 * A plain GET form: filters live in the URL, work without JavaScript, and a filtered view can be bookmarked.
 * Errors are keyed by field, already in the user's language.
 */
export async function AuditFilterForm({
  values,
  options,
  errors,
}: {
  values: AuditFilterValues;
  options: AuditFilterOptions;
  errors: Partial<Record<keyof AuditFilterValues, string>>;
}) {
  const [t, labels] = await Promise.all([getTranslations('audit.filters'), getAuditLabels()]);
  const field = (name: keyof AuditFilterValues) => ({
    id: `audit-${name}`,
    name,
    defaultValue: values[name] ?? '',
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `audit-${name}-error` : undefined,
    'data-testid': `audit-filter-${name}`,
  });
  const error = (name: keyof AuditFilterValues) =>
    errors[name] ? (
      <p id={`audit-${name}-error`} className="text-sm text-red-700">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form
      method="get"
      action="/audit"
      className="flex flex-col gap-4"
      data-testid="audit-filters"
      aria-label={t('label')}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-person">{t('person')}</Label>
          <Input {...field('person')} placeholder={t('personPlaceholder')} autoComplete="off" />
          {error('person')}
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-department">{t('department')}</Label>
          <select {...field('department')} className={selectClass}>
            <option value="">{t('any')}</option>
            {options.departments.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {d.name}
              </option>
            ))}
          </select>
          {error('department')}
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-entity">{t('entity')}</Label>
          <select {...field('entity')} className={selectClass}>
            <option value="">{t('any')}</option>
            {options.entities.map((e) => (
              <option key={e} value={e}>
                {labels.entity(e)}
              </option>
            ))}
          </select>
          {error('entity')}
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-action">{t('action')}</Label>
          <select {...field('action')} className={selectClass}>
            <option value="">{t('any')}</option>
            {options.actions.map((a) => (
              <option key={a} value={a}>
                {labels.action(a)}
              </option>
            ))}
          </select>
          {error('action')}
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-from">{t('from')}</Label>
          <Input {...field('from')} type="date" />
          {error('from')}
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-to">{t('to')}</Label>
          <Input {...field('to')} type="date" />
          {error('to')}
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" data-testid="audit-filter-apply">
          {t('apply')}
        </Button>
        <Button variant="ghost" asChild>
          <Link href="/audit">{t('reset')}</Link>
        </Button>
      </div>
    </form>
  );
}
