'use client';

import { Dialog } from 'radix-ui';
import { useTranslations } from 'next-intl';
import { useMemo, useRef } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import { attachmentUrl } from './attachment-url';
import { LightboxMonths } from './lightbox-months';

/** A month of a project's evidence as the lightbox steps through it. */
export interface LightboxMonth {
  month: number;
  attachments: AttachmentSummary[];
}

export interface LightboxItem {
  month: number;
  attachment: AttachmentSummary;
}

/** Every attachment of the months, month by month, each in the order added: what ← and → step through. */
export function flatten(months: readonly LightboxMonth[]): LightboxItem[] {
  return [...months]
    .sort((a, b) => a.month - b.month)
    .flatMap((m) => m.attachments.map((attachment) => ({ month: m.month, attachment })));
}

/**
 * The lightbox (Radix Dialog): one attachment at a time, large (the display variant), its file name and capture time
 * beneath, and for a PDF a link to the original. ← and → step through the project's year photo by photo, crossing
 * into the next month; the month buttons jump; Esc closes and focus returns to the thumbnail that opened it.
 * A removed file is shown to the reviewer marked 已删除.
 */
export function Lightbox({
  year,
  months,
  currentId,
  onCurrentChange,
  onClose,
  status,
}: {
  year: number;
  months: readonly LightboxMonth[];
  /** the attachment shown; null: closed */
  currentId: number | null;
  onCurrentChange: (id: number) => void;
  onClose: () => void;
  /** a line under the months while the rest of the year loads, or why it did not */
  status?: string | null;
}) {
  const t = useTranslations('evidence.lightbox');
  const items = useMemo(() => flatten(months), [months]);
  const opened = useRef<number | null>(null);
  const index = items.findIndex((i) => i.attachment.id === currentId);
  const item = items[index];
  const step = (by: number) => {
    const next = items[index + by];
    if (next) onCurrentChange(next.attachment.id);
  };
  const close = () => {
    const id = opened.current;
    onClose();
    // Radix gives focus back to a Dialog.Trigger only; the thumbnail that opened the lightbox gets it instead, found
    // by its file's id once the dialog is gone (the caller may have unmounted it, or rendered the row anew)
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-testid="evidence-thumbnail"][data-attachment-id="${id}"]`)?.focus(),
    );
  };
  const monthItems = item ? items.filter((i) => i.month === item.month) : [];

  return (
    <Dialog.Root open={currentId !== null} onOpenChange={(open) => !open && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-950/80" />
        <Dialog.Content
          data-testid="lightbox"
          data-month={item?.month}
          data-attachment-id={item?.attachment.id}
          onKeyDown={(event) => {
            if (event.key === 'ArrowLeft') step(-1);
            else if (event.key === 'ArrowRight') step(1);
            else return;
            event.preventDefault();
          }}
          aria-describedby={undefined}
          onOpenAutoFocus={() => {
            opened.current = currentId;
          }}
          className="fixed inset-2 z-50 m-auto flex max-h-[calc(100vh-1rem)] max-w-5xl flex-col gap-3 rounded-lg bg-white p-4 shadow-xl sm:inset-6"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Dialog.Title className="text-base font-semibold text-slate-900" data-testid="lightbox-title">
              {item
                ? t('title', {
                    year: String(year),
                    month: item.month,
                    index: monthItems.indexOf(item) + 1,
                    count: monthItems.length,
                  })
                : t('empty')}
            </Dialog.Title>
            <Dialog.Close asChild>
              <Button type="button" variant="ghost" size="sm" data-testid="lightbox-close">
                {t('close')}
              </Button>
            </Dialog.Close>
          </div>
          <LightboxMonths
            months={months}
            current={item?.month ?? null}
            onJump={(month) => {
              const first = items.find((i) => i.month === month);
              if (first) onCurrentChange(first.attachment.id);
            }}
          />
          {status && (
            <p className="text-xs text-slate-500" data-testid="lightbox-status">
              {status}
            </p>
          )}
          <div className="flex min-h-0 flex-1 items-center gap-2">
            <Button
              type="button"
              variant="secondary"
              size="sm"
              disabled={index <= 0}
              onClick={() => step(-1)}
              aria-label={t('previous')}
              data-testid="lightbox-previous"
            >
              ←
            </Button>
            <div className="flex min-h-0 min-w-0 flex-1 items-center justify-center self-stretch">
              {item && <LightboxStage attachment={item.attachment} />}
            </div>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              disabled={index < 0 || index >= items.length - 1}
              onClick={() => step(1)}
              aria-label={t('next')}
              data-testid="lightbox-next"
            >
              →
            </Button>
          </div>
          {item && <LightboxCaption attachment={item.attachment} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The attachment itself: the display image, or what stands for a file without one. */
function LightboxStage({ attachment }: { attachment: AttachmentSummary }) {
  const t = useTranslations('evidence.lightbox');
  if (attachment.hasPreview)
    return (
      // eslint-disable-next-line @next/next/no-img-element -- served after an access check; next/image would cache it publicly
      <img
        key={attachment.id}
        src={attachmentUrl(attachment.id, 'display')}
        alt={attachment.originalName}
        data-testid="lightbox-image"
        className="max-h-[70vh] max-w-full object-contain"
      />
    );
  return (
    <div className="flex flex-col items-center gap-3 rounded-md border border-slate-200 p-8 text-sm text-slate-600">
      {attachment.kind === 'DOCUMENT' ? (
        <>
          <span className="text-3xl font-semibold text-slate-400">PDF</span>
          <a
            href={attachmentUrl(attachment.id, 'original')}
            target="_blank"
            rel="noopener"
            className="font-medium text-brand-700 underline"
            data-testid="lightbox-original"
          >
            {t('openOriginal')}
          </a>
        </>
      ) : (
        <span>{t('noPreview')}</span>
      )}
    </div>
  );
}

function LightboxCaption({ attachment }: { attachment: AttachmentSummary }) {
  const t = useTranslations('evidence');
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="lightbox-caption">
      <span className="font-medium break-all">{attachment.originalName}</span>
      <span className="text-slate-500">
        {attachment.capturedAt
          ? t('lightbox.capturedAt', { time: attachment.capturedAt })
          : t('lightbox.noCaptureTime')}
      </span>
      {attachment.removed && (
        <Badge variant="danger" data-testid="lightbox-removed">
          {t('removed')}
        </Badge>
      )}
    </p>
  );
}
