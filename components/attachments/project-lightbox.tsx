'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import type { MonthAttachments } from '@/lib/server/attachments/list-project-attachments';
import { Lightbox, type LightboxMonth } from './lightbox';

/** What a thumbnail in the review queue opens: its report's month, what the queue already has, and where to start. */
export interface ProjectLightboxTarget {
  projectId: number;
  year: number;
  month: number;
  /** the files the queue row already lists: shown at once, replaced by the whole year once it has loaded */
  attachments: AttachmentSummary[];
  startId: number;
}

type Loaded = { months: LightboxMonth[] } | { failed: true };

/**
 * The lightbox opened from the review queue: it starts on the clicked file with the row's own files, then loads the
 * project's whole year (GET /api/projects/<id>/attachments, the same rule as the project page) so the reviewer can
 * step back through the earlier months. Mounted per opening (the caller keys it), so each opening starts afresh.
 */
export function ProjectLightbox({ target, onClose }: { target: ProjectLightboxTarget; onClose: () => void }) {
  const t = useTranslations('evidence.lightbox');
  const [currentId, setCurrentId] = useState(target.startId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const { projectId, year } = target;

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/projects/${projectId}/attachments?year=${year}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { months: MonthAttachments[] };
        setLoaded({ months: body.months });
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ failed: true });
      });
    return () => controller.abort();
  }, [projectId, year]);

  // until the year has loaded (or if it fails), the row's own files
  const months: LightboxMonth[] =
    loaded && 'months' in loaded ? loaded.months : [{ month: target.month, attachments: target.attachments }];
  const status = !loaded ? t('loading') : 'failed' in loaded ? t('loadFailed') : null;

  return (
    <Lightbox
      year={year}
      months={months}
      currentId={currentId}
      onCurrentChange={setCurrentId}
      onClose={onClose}
      status={status}
    />
  );
}
