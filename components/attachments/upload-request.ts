import type { AttachmentSummary } from '@/lib/server/attachments/attachment-summary';

export type AttachmentOwnerRef = { reportId: number } | { milestoneId: number };

export type UploadOutcome = { ok: true; attachment: AttachmentSummary } | { ok: false; message: string | null };

/**
 * Sends one file to POST /api/attachments with XMLHttpRequest, whose upload events (unlike fetch's) report how
 * much of the body has gone: `onProgress` gets 0…1. The answer is the new attachment, or the server's refusal in
 * the user's language; `message: null` when no answer came (the caller words the network failure).
 */
export function uploadFile(
  file: File,
  owner: AttachmentOwnerRef,
  onProgress: (fraction: number) => void,
): Promise<UploadOutcome> {
  const query = 'reportId' in owner ? `reportId=${owner.reportId}` : `milestoneId=${owner.milestoneId}`;
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/attachments?${query}`);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { ok?: boolean; attachment?: AttachmentSummary; message?: string } | null;
      if (xhr.status === 201 && body?.attachment) resolve({ ok: true, attachment: body.attachment });
      else resolve({ ok: false, message: typeof body?.message === 'string' ? body.message : null });
    };
    xhr.onerror = () => resolve({ ok: false, message: null });
    xhr.onabort = () => resolve({ ok: false, message: null });
    xhr.send(file);
  });
}
