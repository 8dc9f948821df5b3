'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import {
  MAX_BYTES_PER_MILESTONE,
  MAX_BYTES_PER_REPORT,
  MAX_DOCUMENT_BYTES,
  MAX_FILES_PER_MILESTONE,
  MAX_FILES_PER_REPORT,
  MAX_PHOTO_BYTES,
  megabytes,
} from '@/lib/domain/attachments/limits';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import { cn } from '@/lib/utils';
import { AttachmentThumbs } from './attachment-thumbs';
import { uploadFile, type AttachmentOwnerRef } from './upload-request';

/** Not image/heic: iPhone Safari then converts a HEIC photo to JPEG, which every browser can show. */
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';
/** Two files at a time: the server decodes two images at once per process, the rest would only queue there. */
const PARALLEL = 2;

interface Item {
  key: number;
  name: string;
  progress: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  message?: string;
}

/**
 * Adds files to a monthly report or a 前期 milestone: drop them or pick them (several at once; on a phone the camera
 * too), each sent in its own request with its own progress bar and its own result or refusal line. The limits are
 * said up front. Above it, the strip of what is already attached, removable while `editable`.
 */
export function AttachmentUpload({
  owner,
  initial,
  editable,
  onCountChange,
  testId = 'attachment-upload',
}: {
  owner: AttachmentOwnerRef;
  initial: readonly AttachmentSummary[];
  /** the report is a draft or returned (the milestone not done): files may be added and removed */
  editable: boolean;
  onCountChange?: (count: number) => void;
  testId?: string;
}) {
  const t = useTranslations('attachmentUpload');
  const tLimits = useTranslations('attachments');
  const [attachments, setAttachments] = useState<AttachmentSummary[]>(() => [...initial]);
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const nextKey = useRef(0);

  const setList = (next: (list: AttachmentSummary[]) => AttachmentSummary[]) =>
    setAttachments((list) => {
      const updated = next(list);
      onCountChange?.(updated.length);
      return updated;
    });
  const update = (key: number, patch: Partial<Item>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  async function send(files: readonly File[]) {
    const queued = files.map((file) => ({ file, key: nextKey.current++ }));
    setItems((list) => [
      ...list.filter((item) => item.state !== 'done'),
      ...queued.map(({ file, key }) => ({ key, name: file.name, progress: 0, state: 'waiting' as const })),
    ]);
    const work = [...queued];
    const worker = async () => {
      for (let next = work.shift(); next; next = work.shift()) {
        const { file, key } = next;
        update(key, { state: 'uploading' });
        const outcome = await uploadFile(file, owner, (progress) => update(key, { progress }));
        if (outcome.ok) {
          update(key, { state: 'done', progress: 1 });
          setList((list) => [...list, outcome.attachment]);
        } else {
          update(key, { state: 'failed', message: outcome.message ?? t('networkError', { name: file.name }) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queued.length) }, worker));
  }

  const limits =
    'reportId' in owner
      ? tLimits('limits', {
          photoMb: megabytes(MAX_PHOTO_BYTES),
          documentMb: megabytes(MAX_DOCUMENT_BYTES),
          reportFiles: MAX_FILES_PER_REPORT,
          reportMb: megabytes(MAX_BYTES_PER_REPORT),
        })
      : t('milestoneLimits', {
          photoMb: megabytes(MAX_PHOTO_BYTES),
          documentMb: megabytes(MAX_DOCUMENT_BYTES),
          files: MAX_FILES_PER_MILESTONE,
          mb: megabytes(MAX_BYTES_PER_MILESTONE),
        });

  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      <AttachmentThumbs
        attachments={attachments}
        removable={editable}
        onRemoved={(id) => setList((list) => list.filter((a) => a.id !== id))}
      />
      {attachments.length === 0 && !editable && <p className="text-xs text-slate-500">{t('none')}</p>}
      {editable && (
        <div
          className={cn(
            'flex flex-col gap-1 rounded-md border border-dashed p-3 text-sm',
            dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300',
          )}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            void send([...event.dataTransfer.files]);
          }}
          data-testid="attachment-drop"
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-slate-600">{t('drop')}</span>
            <FilePicker label={t('pick')} onFiles={send} testId="attachment-pick" />
            {/* capture opens the camera directly; offered on a phone-width screen only, where the camera is */}
            <FilePicker label={t('camera')} onFiles={send} capture className="sm:hidden" testId="attachment-camera" />
          </div>
          <p className="text-xs text-slate-500" data-testid="attachment-limits">
            {limits}
          </p>
        </div>
      )}
      {items.length > 0 && (
        <UploadList
          items={items}
          labels={{ uploaded: t('uploaded'), uploading: (percent) => t('uploading', { percent }) }}
        />
      )}
    </div>
  );
}

function FilePicker({
  label,
  onFiles,
  capture = false,
  className,
  testId,
}: {
  label: string;
  onFiles: (files: File[]) => void;
  capture?: boolean;
  className?: string;
  testId: string;
}) {
  return (
    <label
      className={cn(
        'inline-flex h-8 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 focus-within:ring-2 focus-within:ring-brand-600 hover:bg-slate-50',
        className,
      )}
    >
      {label}
      <input
        type="file"
        className="sr-only"
        multiple={!capture}
        accept={capture ? 'image/jpeg,image/png,image/webp' : ACCEPT}
        {...(capture ? { capture: 'environment' as const } : {})}
        data-testid={testId}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </label>
  );
}

function UploadList({
  items,
  labels,
}: {
  items: Item[];
  labels: { uploaded: string; uploading: (percent: number) => string };
}) {
  return (
    <ul className="flex flex-col gap-1 text-xs" data-testid="attachment-progress">
      {items.map((item) => (
        <li key={item.key} className="flex flex-col gap-0.5" data-testid="attachment-item" data-state={item.state}>
          <div className="flex items-center gap-2">
            <span className="max-w-56 truncate text-slate-700" title={item.name}>
              {item.name}
            </span>
            {item.state === 'done' && <span className="text-emerald-700">{labels.uploaded}</span>}
            {(item.state === 'uploading' || item.state === 'waiting') && (
              <span className="text-slate-500">{labels.uploading(Math.round(item.progress * 100))}</span>
            )}
          </div>
          {item.state !== 'failed' && (
            <progress className="h-1.5 w-56" max={1} value={item.progress} aria-label={item.name} />
          )}
          {item.state === 'failed' && (
            <p role="alert" className="text-red-700" data-testid="attachment-error">
              {item.message}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
