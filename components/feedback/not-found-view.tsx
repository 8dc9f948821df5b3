import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';

export async function NotFoundView() {
  const t = await getTranslations('errors');
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-lg font-semibold text-slate-900">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('notFoundDescription')}</p>
      <Button className="mt-6" variant="secondary" asChild>
        <Link href="/">{t('home')}</Link>
      </Button>
    </div>
  );
}
