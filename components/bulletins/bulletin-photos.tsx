import { getTranslations } from 'next-intl/server';
import { attachmentUrl } from '@/components/attachments/attachment-url';
import type { BulletinPhoto } from '@/lib/server/attachments/list-bulletin-photos';

/**
 * One site photo per project the bulletin names (its red-warning list), for the printed copy: the display image at
 * a size that reads on A4 (two to a row, at most 60 mm high), each figure kept whole on one page, captioned with the
 * project and the month of the approved report it comes from.
 */
export async function BulletinPhotos({
  projects,
  photos,
}: {
  projects: readonly { code: string; name: string }[];
  photos: Readonly<Record<string, BulletinPhoto>>;
}) {
  const t = await getTranslations('evidence.bulletin');
  const shown = projects.filter((p) => photos[p.code]);
  return (
    <section
      data-testid="bulletin-photos"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white px-6 py-6 sm:px-10 print:break-before-auto print:border-0 print:p-0"
    >
      <h2 className="text-base font-semibold text-slate-900">{t('title')}</h2>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">{t('none')}</p>
      ) : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 print:grid-cols-2">
          {shown.map((p) => {
            const photo = photos[p.code]!;
            return (
              <figure
                key={p.code}
                data-testid="bulletin-photo"
                className="flex break-inside-avoid flex-col items-center gap-1"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- served after an access check; next/image would cache it publicly */}
                <img
                  src={attachmentUrl(photo.attachmentId, 'display')}
                  alt={photo.originalName}
                  className="max-h-64 w-auto max-w-full object-contain print:max-h-[60mm]"
                />
                <figcaption className="text-center text-xs text-slate-700">
                  {t('caption', {
                    name: p.name,
                    month: photo.month,
                    time: photo.capturedAt ? t('capturedAt', { time: photo.capturedAt }) : '',
                  })}
                </figcaption>
              </figure>
            );
          })}
        </div>
      )}
    </section>
  );
}
