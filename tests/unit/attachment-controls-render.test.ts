import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { AttachmentUpload } from '@/components/attachments/attachment-upload';
import { ReportForm } from '@/components/reports/report-form';
import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';
import zhCN from '@/messages/zh-CN.json';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }) }));
vi.mock('@/lib/actions/reports', () => ({ saveReportDraft: vi.fn(), submitReport: vi.fn() }));
vi.mock('@/lib/actions/attachments', () => ({ removeAttachment: vi.fn(), addAttachment: vi.fn() }));

/**
 * The upload control and the thumbnail strip as the server first sends them: what the phone's file picker is told
 * (types, several files, the camera), the limits said up front, remove offered only while editable, and a month
 * not yet saved asking for its figures first instead of making a report.
 */
const render = (element: ReactElement) =>
  renderToStaticMarkup(
    h(NextIntlClientProvider, { locale: 'zh-CN', messages: zhCN, timeZone: 'Asia/Shanghai', children: element }),
  );
const count = (html: string, testId: string) => html.split(`data-testid="${testId}"`).length - 1;

const attached = (over: Partial<AttachmentSummary>): AttachmentSummary => ({
  id: 1,
  kind: 'PHOTO',
  contentType: 'image/jpeg',
  originalName: '封顶.jpg',
  size: 1000,
  capturedAt: null,
  hasPreview: true,
  reportId: 9,
  milestoneId: null,
  removed: false,
  ...over,
});
const files = [
  attached({ id: 1 }),
  attached({
    id: 2,
    kind: 'DOCUMENT',
    contentType: 'application/pdf',
    originalName: '施工许可证.pdf',
    hasPreview: false,
  }),
  attached({ id: 3, contentType: 'image/heic', originalName: 'IMG_1.HEIC', hasPreview: false }),
];

describe('the upload control', () => {
  it('picks several photos or PDFs (never HEIC, so iPhone Safari sends JPEG), offers the camera, says the limits', () => {
    const html = render(h(AttachmentUpload, { owner: { reportId: 9 }, initial: [], editable: true }));
    expect(html).toMatch(
      /<input type="file" class="sr-only" multiple="" accept="image\/jpeg,image\/png,image\/webp,application\/pdf" data-testid="attachment-pick"/,
    );
    expect(html).toMatch(
      /accept="image\/jpeg,image\/png,image\/webp" capture="environment" data-testid="attachment-camera"/,
    );
    expect(html).not.toContain('heic');
    expect(html).toContain(
      '照片（JPEG、PNG、WebP、HEIC）每张不超过 10 MB，PDF 文件每份不超过 20 MB；每月报最多 30 个文件、合计 100 MB。',
    );
  });

  it('says a milestone’s own limits', () => {
    const html = render(h(AttachmentUpload, { owner: { milestoneId: 4 }, initial: [], editable: true }));
    expect(html).toContain('每项前期工作最多 10 个文件、合计 60 MB');
  });

  it('shows what is attached: a thumbnail, a PDF by its link, a HEIC without preview by its name; each removable', () => {
    const html = render(h(AttachmentUpload, { owner: { reportId: 9 }, initial: files, editable: true }));
    expect(count(html, 'attachment-thumb')).toBe(3);
    expect(count(html, 'attachment-remove')).toBe(3);
    expect(html).toContain('src="/api/attachments/1/thumbnail"');
    expect(html).toContain('href="/api/attachments/2/original"');
    expect(html).not.toContain('/api/attachments/3/');
    expect(html).toContain('无预览 · IMG_1.HEIC');
  });

  it('offers neither adding nor removing once the report is no longer editable', () => {
    const html = render(h(AttachmentUpload, { owner: { reportId: 9 }, initial: files, editable: false }));
    expect(count(html, 'attachment-thumb')).toBe(3);
    expect(count(html, 'attachment-remove')).toBe(0);
    expect(count(html, 'attachment-pick')).toBe(0);
  });
});

describe('the report form', () => {
  const props = {
    projectPlanId: 12,
    month: 11,
    canSubmit: true,
    project: { stage: 'ONGOING' as const, actualStart: null, actualCompletion: null, milestones: [] },
  };

  it('asks for the month’s figures first while there is no report to attach to', () => {
    const html = render(h(ReportForm, { ...props, report: null }));
    expect(html).toContain('先保存本月数据再添加照片');
    expect(count(html, 'attachment-pick')).toBe(0);
  });
});
