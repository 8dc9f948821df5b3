import { describe, expect, it } from 'vitest';
import { translateMessage } from '@/i18n/translate-message';
import { checkBudget } from '@/lib/domain/attachments/budget';
import { checkContent, extensionOf } from '@/lib/domain/attachments/content-type';
import { evidenceFromExif } from '@/lib/domain/attachments/evidence';
import {
  MAX_BYTES_PER_REPORT,
  MAX_DOCUMENT_BYTES,
  MAX_FILES_PER_MILESTONE,
  MAX_FILES_PER_REPORT,
  MAX_PHOTO_BYTES,
  MB,
} from '@/lib/domain/attachments/limits';
import { fileProblemMessage, limitsMessage, ownerProblemMessage } from '@/lib/server/attachments/messages';

describe('content rule', () => {
  it.each([
    ['image/jpeg', 'PHOTO'],
    ['image/png', 'PHOTO'],
    ['image/webp', 'PHOTO'],
    ['image/heic', 'PHOTO'],
    ['image/heif', 'PHOTO'],
    ['application/pdf', 'DOCUMENT'],
  ])('accepts %s as a %s', (type, kind) => {
    expect(checkContent(1000, type)).toEqual({ ok: true, type, kind });
  });

  it.each(['image/svg+xml', 'text/html', 'application/x-msdownload', 'image/gif', 'application/zip', null])(
    'refuses %s, naming the accepted types',
    (type) => {
      expect(checkContent(1000, type)).toEqual({
        ok: false,
        problem: 'typeRefused',
        accepted: 'JPEG, PNG, WebP, HEIC, PDF',
      });
    },
  );

  it('refuses an empty file as empty, whatever its type', () => {
    expect(checkContent(0, null)).toEqual({ ok: false, problem: 'empty' });
  });

  it('takes a photo of exactly 10 MB and refuses one byte more, saying both sizes', () => {
    expect(checkContent(MAX_PHOTO_BYTES, 'image/jpeg').ok).toBe(true);
    expect(checkContent(MAX_PHOTO_BYTES + 1, 'image/jpeg')).toEqual({
      ok: false,
      problem: 'tooLarge',
      sizeMb: 10.1,
      limitMb: 10,
    });
  });

  it('takes a PDF of 20 MB (a scanned approval) where a photo of that size is refused', () => {
    expect(checkContent(MAX_DOCUMENT_BYTES, 'application/pdf').ok).toBe(true);
    expect(checkContent(MAX_DOCUMENT_BYTES, 'image/png')).toMatchObject({ problem: 'tooLarge', limitMb: 10 });
  });

  it('serves every accepted type under an extension of its detected type only', () => {
    expect(
      ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'].map((t) => extensionOf(t as never)),
    ).toEqual(['jpg', 'png', 'webp', 'heic', 'pdf']);
  });
});

describe('files per report and per milestone', () => {
  it('takes the 30th file of a report and refuses the 31st', () => {
    expect(checkBudget('report', { files: 29, bytes: 0 }, { files: 1, bytes: MB })).toEqual({ ok: true });
    expect(checkBudget('report', { files: 30, bytes: 0 }, { files: 1, bytes: MB })).toEqual({
      ok: false,
      problem: 'tooManyFiles',
      limit: MAX_FILES_PER_REPORT,
    });
  });

  it('refuses a batch that would take a report past 100 MB', () => {
    expect(checkBudget('report', { files: 3, bytes: MAX_BYTES_PER_REPORT - MB }, { files: 1, bytes: MB })).toEqual({
      ok: true,
    });
    expect(checkBudget('report', { files: 3, bytes: MAX_BYTES_PER_REPORT - MB }, { files: 2, bytes: MB + 1 })).toEqual({
      ok: false,
      problem: 'ownerTooLarge',
      limitMb: 100,
    });
  });

  it('holds a milestone to 10 files', () => {
    expect(
      checkBudget('milestone', { files: MAX_FILES_PER_MILESTONE, bytes: 0 }, { files: 1, bytes: 1 }),
    ).toMatchObject({
      problem: 'tooManyFiles',
      limit: 10,
    });
  });
});

describe('evidence from EXIF', () => {
  const now = new Date('2025-12-03T01:00:00Z');
  const tags = {
    Photo: { DateTimeOriginal: new Date('2025-11-20T10:11:12Z'), OffsetTimeOriginal: '+08:00' },
    GPSInfo: { GPSLatitudeRef: 'N', GPSLatitude: [29, 33, 30], GPSLongitudeRef: 'E', GPSLongitude: [106, 34, 48] },
  };

  it('reads the capture time in the zone the camera recorded', () => {
    expect(evidenceFromExif(tags, { keepLocation: false, now }).capturedAt).toEqual(new Date('2025-11-20T02:11:12Z'));
    const newYork = { Photo: { ...tags.Photo, OffsetTimeOriginal: '-05:00' } };
    expect(evidenceFromExif(newYork, { keepLocation: false, now }).capturedAt).toEqual(
      new Date('2025-11-20T15:11:12Z'),
    );
  });

  it('takes a capture time without a zone as Chongqing time (UTC+8)', () => {
    const noZone = { Photo: { DateTimeOriginal: new Date('2025-11-20T10:11:12Z') } };
    expect(evidenceFromExif(noZone, { keepLocation: false, now }).capturedAt).toEqual(new Date('2025-11-20T02:11:12Z'));
  });

  it('keeps no capture time from a camera with a reset clock or one in the future', () => {
    for (const at of ['1970-01-01T00:00:00Z', '2080-01-01T00:00:00Z']) {
      expect(
        evidenceFromExif({ Photo: { DateTimeOriginal: new Date(at) } }, { keepLocation: false, now }).capturedAt,
      ).toBeNull();
    }
    expect(evidenceFromExif(null, { keepLocation: false, now })).toEqual({ capturedAt: null, location: null });
  });

  it('keeps the location only when the setting allows it', () => {
    expect(evidenceFromExif(tags, { keepLocation: false, now }).location).toBeNull();
    expect(evidenceFromExif(tags, { keepLocation: true, now }).location).toEqual({
      latitude: 29.558333,
      longitude: 106.58,
    });
  });

  it('signs southern and western coordinates and drops a (0, 0) or malformed fix', () => {
    const south = {
      GPSInfo: { GPSLatitudeRef: 'S', GPSLatitude: [33, 52, 0], GPSLongitudeRef: 'W', GPSLongitude: [70, 40, 0] },
    };
    expect(evidenceFromExif(south, { keepLocation: true, now }).location).toEqual({
      latitude: -33.866667,
      longitude: -70.666667,
    });
    const nowhere = {
      GPSInfo: { GPSLatitudeRef: 'N', GPSLatitude: [0, 0, 0], GPSLongitudeRef: 'E', GPSLongitude: [0, 0, 0] },
    };
    expect(evidenceFromExif(nowhere, { keepLocation: true, now }).location).toBeNull();
    const broken = {
      GPSInfo: { GPSLatitudeRef: 'N', GPSLatitude: [95, 0, 0], GPSLongitudeRef: 'E', GPSLongitude: [106, 0, 0] },
    };
    expect(evidenceFromExif(broken, { keepLocation: true, now }).location).toBeNull();
  });
});

describe('refusals in both languages', () => {
  const problems = [
    fileProblemMessage('工地.jpg', { problem: 'empty' }),
    fileProblemMessage('工地.jpg', { problem: 'typeRefused', accepted: 'JPEG, PNG, WebP, HEIC, PDF' }),
    fileProblemMessage('工地.jpg', { problem: 'tooLarge', sizeMb: 12.5, limitMb: 10 }),
    fileProblemMessage('工地.jpg', { problem: 'undecodable' }),
    fileProblemMessage('工地.jpg', { problem: 'tooManyPixels', limitMegapixels: 60 }),
    ownerProblemMessage({ ok: false, problem: 'tooManyFiles', limit: 30 }),
    ownerProblemMessage({ ok: false, problem: 'ownerTooLarge', limitMb: 100 }),
  ];

  it('names the accepted types and the file in Chinese and in English', () => {
    const refused = problems[1]!;
    expect(translateMessage('zh-CN', refused)).toBe(
      '“工地.jpg”不是可接受的文件：只接受 JPEG, PNG, WebP, HEIC, PDF（按文件内容识别，与文件名无关）。',
    );
    expect(translateMessage('en', refused)).toContain('only JPEG, PNG, WebP, HEIC, PDF are accepted');
  });

  it('says the size and the limit of a file over it', () => {
    expect(translateMessage('zh-CN', problems[2]!)).toBe('“工地.jpg”有 12.5 MB，超过了 10 MB 的上限。');
    expect(translateMessage('en', problems[2]!)).toBe('“工地.jpg” is 12.5 MB, over the limit of 10 MB.');
  });

  it('translates every refusal and the limits in both languages, every value filled in', () => {
    for (const message of [...problems, limitsMessage()]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = translateMessage(locale, message);
        expect(text).not.toContain('{');
        expect(text).not.toContain('attachments.');
      }
    }
    expect(translateMessage('zh-CN', limitsMessage())).toBe(
      '照片（JPEG、PNG、WebP、HEIC）每张不超过 10 MB，PDF 文件每份不超过 20 MB；每月报最多 30 个文件、合计 100 MB。',
    );
  });
});
