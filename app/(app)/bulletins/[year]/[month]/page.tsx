import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import { BulletinDocument } from '@/components/bulletins/bulletin-document';
import { BulletinPhotoToggle } from '@/components/bulletins/bulletin-photo-toggle';
import { BulletinPhotos } from '@/components/bulletins/bulletin-photos';
import { PrintButton } from '@/components/bulletins/print-button';
import { BulletinPrintStyles } from '@/components/bulletins/print-styles';
import { Button } from '@/components/ui/button';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { listBulletinPhotos } from '@/lib/server/attachments/list-bulletin-photos';
import { getBulletin } from '@/lib/server/bulletins/get-bulletin';
import type { SearchParams } from '@/lib/search-params';
import { parseBulletinParams } from '../../params';

type Params = Promise<{ year: string; month: string }>;

const load = cache(async (year: number, month: number) => {
  const actor = await requireActor();
  return { actor, bulletin: await getBulletin(prisma, actor, { year, month }) };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { year, month } = parseBulletinParams(await params);
  const { bulletin } = await load(year, month);
  const t = await getTranslations('bulletins');
  return { title: bulletin?.title ?? t('metaTitle') };
}

/**
 * One month's bulletin, as read on screen and printed on A4; with ?photos=1, one site photo per project it names
 * (its red-warning list) follows the document.
 */
export default async function BulletinPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection();
  const { year, month } = parseBulletinParams(await params);
  const { actor, bulletin } = await load(year, month);
  if (!bulletin) notFound();
  const t = await getTranslations('bulletins');
  const canManage = can(actor, 'bulletin.manage');
  const withPhotos = (await searchParams).photos === '1';
  const named = bulletin.figures.redProjects;
  const photos = withPhotos
    ? await listBulletinPhotos(prisma, actor, { year, month, projectCodes: named.map((p) => p.code) })
    : null;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4 print:max-w-none">
      <BulletinPrintStyles />
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden" data-print-hidden>
        <Link href={`/bulletins?year=${year}`} className="text-sm text-brand-700 hover:underline">
          ← {t('page.back')}
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <BulletinPhotoToggle checked={withPhotos} />
          {canManage && bulletin.status === 'DRAFT' && (
            <Button asChild variant="secondary">
              <Link href={`/bulletins/${year}/${month}/edit`}>{t('page.edit')}</Link>
            </Button>
          )}
          <Button asChild variant="secondary">
            <a href={`/api/bulletins/${year}/${month}/xlsx`} download>
              {t('page.export')}
            </a>
          </Button>
          <PrintButton label={t('page.print')} />
        </div>
      </div>
      <BulletinDocument bulletin={bulletin} />
      {photos && <BulletinPhotos projects={named} photos={photos} />}
    </div>
  );
}
