'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { callAction } from '@/components/forms/action-result';
import { removeAttachment } from '@/lib/actions/attachments';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import { attachmentUrl } from './attachment-url';

/**
 * A strip of the attachments already there: a photo's thumbnail, a document's name (opening the PDF through the
 * serving route), a HEIC without preview by its name. With `removable` each has a remove button, for the
 * department while its report is a draft or returned; a removed one leaves the strip (`onRemoved`).
 */
export function AttachmentThumbs({
  attachments,
  removable = false,
  onRemoved,
}: {
  attachments: readonly AttachmentSummary[];
  removable?: boolean;
  onRemoved?: (id: number) => void;
}) {
  const t = useTranslations('attachmentUpload');
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(id: number) {
    setBusy(id);
    setError(null);
    const result = await callAction(() => removeAttachment({ attachmentId: id }), t('removeFailed'));
    setBusy(null);
    if (result.ok) onRemoved?.(id);
    else setError(result.message);
  }

  if (attachments.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <ul className="flex flex-wrap gap-2" data-testid="attachment-thumbs">
        {attachments.map((a) => (
          <li
            key={a.id}
            className="relative flex h-20 w-20 items-center justify-center overflow-hidden rounded border border-slate-200 bg-slate-50"
            data-testid="attachment-thumb"
            data-kind={a.kind}
            title={a.originalName}
          >
            <Tile attachment={a} noPreview={t('noPreview')} />
            {removable && (
              <button
                type="button"
                className="absolute top-0.5 right-0.5 rounded bg-white/90 px-1 text-xs text-red-700 shadow hover:bg-white disabled:opacity-60"
                aria-label={t('removeLabel', { name: a.originalName })}
                disabled={busy !== null}
                onClick={() => remove(a.id)}
                data-testid="attachment-remove"
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-xs text-red-700" data-testid="attachment-remove-error">
          {error}
        </p>
      )}
    </div>
  );
}

function Tile({ attachment: a, noPreview }: { attachment: AttachmentSummary; noPreview: string }) {
  if (a.kind === 'DOCUMENT') {
    return (
      <a
        href={attachmentUrl(a.id, 'original')}
        target="_blank"
        rel="noopener"
        className="line-clamp-3 p-1 text-center text-xs break-all text-brand-700 underline"
      >
        PDF · {a.originalName}
      </a>
    );
  }
  if (!a.hasPreview) {
    return (
      <span className="line-clamp-3 p-1 text-center text-xs break-all text-slate-600">{`${noPreview} · ${a.originalName}`}</span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- served by our own authorized route, not next/image's optimizer
    <img
      src={attachmentUrl(a.id, 'thumbnail')}
      alt={a.originalName}
      className="h-full w-full object-cover"
      loading="lazy"
    />
  );
}
