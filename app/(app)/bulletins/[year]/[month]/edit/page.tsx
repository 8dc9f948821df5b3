import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { BulletinEditor } from '@/components/bulletins/bulletin-editor';
import { BulletinTables } from '@/components/bulletins/bulletin-tables';
import { CreateDraftForm } from '@/components/bulletins/create-draft-form';
import { Card, CardContent } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { getBulletin } from '@/lib/server/bulletins/get-bulletin';
import { listBulletins } from '@/lib/server/bulletins/list-bulletins';
import { parseBulletinParams } from '../../../params';

type Params = Promise<{ year: string; month: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { year, month } = parseBulletinParams(await params);
  const t = await getTranslations('bulletins.editor');
  return { title: t('metaTitle', { year: String(year), month }) };
}

/** The bureau's page for one month: draft it from the rollup, edit the text, regenerate, publish. */
export default async function EditBulletinPage({ params }: { params: Params }) {
  await connection();
  const { year, month } = parseBulletinParams(await params);
  const actor = await requireActor();
  // Only the bureau edits bulletins; anyone else finds no such page.
  if (!can(actor, 'bulletin.manage')) notFound();
  const list = await listBulletins(prisma, actor, { year });
  if (!list) notFound();
  const bulletin = await getBulletin(prisma, actor, { year, month });
  const t = await getTranslations('bulletins');

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <Link href={`/bulletins?year=${year}`} className="text-sm text-brand-700 hover:underline">
        ← {t('page.back')}
      </Link>
      <h1 className="text-2xl font-semibold text-slate-900">{t('editor.title', { year: String(year), month })}</h1>
      {!bulletin ? (
        <Card>
          <CardContent className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">{t('editor.notDrafted', { year: String(year), month })}</p>
            {month <= list.lastClosedMonth ? (
              <>
                <p className="text-sm text-slate-500">{t('editor.draftHint', { month })}</p>
                <CreateDraftForm year={year} months={[month]} />
              </>
            ) : (
              <p className="text-sm text-slate-500">{t('editor.notDraftable', { month })}</p>
            )}
          </CardContent>
        </Card>
      ) : bulletin.status === 'PUBLISHED' ? (
        <Card>
          <CardContent className="flex flex-col gap-2">
            <p className="text-sm text-slate-700">{t('editor.lockedPublished')}</p>
            <Link href={`/bulletins/${year}/${month}`} className="text-sm text-brand-700 hover:underline">
              {t('editor.preview')}
            </Link>
          </CardContent>
        </Card>
      ) : (
        <>
          <Card>
            <CardContent>
              <BulletinEditor
                bulletin={{
                  id: bulletin.id,
                  year,
                  month,
                  version: bulletin.version,
                  title: bulletin.title,
                  body: bulletin.body,
                }}
              />
            </CardContent>
          </Card>
          <div className="flex justify-end">
            <Link href={`/bulletins/${year}/${month}`} className="text-sm text-brand-700 hover:underline">
              {t('editor.preview')}
            </Link>
          </div>
          <Card>
            <CardContent>
              <p className="pb-2 text-right text-xs text-slate-500">{t('page.unit')}</p>
              <BulletinTables figures={bulletin.figures} />
            </CardContent>
          </Card>
        </>
      )}
    </div>
  );
}
