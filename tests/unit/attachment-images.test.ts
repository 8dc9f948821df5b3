import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '@/lib/domain/attachments/limits';
import { inspectUpload } from '@/lib/server/attachments/inspect-upload';
import { processPhoto } from '@/lib/server/attachments/process-image';
import {
  CAMERA_EXIF,
  decompressionBombPng,
  heicContainer,
  hostile,
  minimalPdf,
  photo,
} from '../helpers/attachment-fixtures';

const now = new Date('2025-12-03T01:00:00Z');

describe('type by content (magic bytes), not by name', () => {
  it.each([
    ['a JPEG', () => photo({ format: 'jpeg' }), 'image/jpeg', 'PHOTO'],
    ['a PNG', () => photo({ format: 'png' }), 'image/png', 'PHOTO'],
    ['a WebP', () => photo({ format: 'webp' }), 'image/webp', 'PHOTO'],
    ['a HEIC container', async () => heicContainer(), 'image/heic', 'PHOTO'],
    ['a PDF', async () => minimalPdf(), 'application/pdf', 'DOCUMENT'],
  ])('accepts %s', async (_, make, type, kind) => {
    expect(await inspectUpload(await make())).toEqual({ ok: true, type, kind });
  });

  it.each([
    ['a PHP file named .jpg', hostile.phpNamedJpg],
    ['an HTML file named .jpg', hostile.htmlNamedJpg],
    ['an SVG with script', hostile.svgWithScript],
    ['a renamed .exe', hostile.renamedExe],
    ['HTML with a PDF after it (polyglot)', hostile.htmlPdfPolyglot],
  ])('refuses %s, naming the accepted types', async (_, make) => {
    expect(await inspectUpload(make())).toEqual({
      ok: false,
      problem: 'typeRefused',
      accepted: 'JPEG, PNG, WebP, HEIC, PDF',
    });
  });

  it('refuses a 0-byte file as empty', async () => {
    expect(await inspectUpload(hostile.empty())).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses a JPEG one byte over the photo limit', async () => {
    const head = await photo();
    const big = Buffer.concat([head, Buffer.alloc(MAX_PHOTO_BYTES + 1 - head.length)]);
    expect(await inspectUpload(big)).toMatchObject({ ok: false, problem: 'tooLarge', limitMb: 10 });
  });
});

describe('re-encoding a photo', () => {
  it('turns the photo upright by its EXIF orientation (6: rotated 90° clockwise)', async () => {
    const result = await processPhoto(await photo({ width: 60, height: 40, orientation: 6 }), 'image/jpeg', {
      keepLocation: false,
      now,
    });
    expect(result).toMatchObject({ ok: true, preview: { width: 40, height: 60 } });
    if (!result.ok || !result.preview) throw new Error('no preview');
    const meta = await sharp(result.preview.display).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 40, 60]);
    // orientation 6 puts the left (red) half on top
    const { data } = await sharp(result.preview.display)
      .extract({ left: 20, top: 5, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(150);
    expect(data[2]).toBeLessThan(100);
  });

  it('serves no metadata: no EXIF, no device, no location in the display image or the thumbnail', async () => {
    const result = await processPhoto(await photo({ exif: CAMERA_EXIF }), 'image/jpeg', { keepLocation: true, now });
    if (!result.ok || !result.preview) throw new Error('no preview');
    for (const served of [result.preview.display, result.preview.thumbnail]) {
      const meta = await sharp(served).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(served.includes('ExamplePhone')).toBe(false);
      expect(served.includes('Secret-Serial')).toBe(false);
    }
  });

  it('keeps the capture time as evidence, and the location only when the setting allows it', async () => {
    const bytes = await photo({ exif: CAMERA_EXIF });
    const without = await processPhoto(bytes, 'image/jpeg', { keepLocation: false, now });
    expect(without).toMatchObject({
      ok: true,
      evidence: { capturedAt: new Date('2025-11-20T02:11:12Z'), location: null },
    });
    const withLocation = await processPhoto(bytes, 'image/jpeg', { keepLocation: true, now });
    expect(withLocation).toMatchObject({ evidence: { location: { latitude: 29.558333, longitude: 106.58 } } });
  });

  it('bounds the display image to 1600 px and the thumbnail to 320 px on the longer side, never enlarging', async () => {
    const large = await processPhoto(await photo({ width: 2400, height: 1800 }), 'image/png', {
      keepLocation: false,
      now,
    });
    if (!large.ok || !large.preview) throw new Error('no preview');
    expect([large.preview.width, large.preview.height]).toEqual([1600, 1200]);
    const thumb = await sharp(large.preview.thumbnail).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    const small = await processPhoto(await photo({ width: 200, height: 100 }), 'image/webp', {
      keepLocation: false,
      now,
    });
    expect(small).toMatchObject({ preview: { width: 200, height: 100 } });
  });

  it('strips a script riding in a JPEG (polyglot) from what is served', async () => {
    const polyglot = Buffer.concat([await photo(), Buffer.from('<script>alert(1)</script>')]);
    expect(await inspectUpload(polyglot)).toMatchObject({ ok: true, type: 'image/jpeg' });
    const result = await processPhoto(polyglot, 'image/jpeg', { keepLocation: false, now });
    if (!result.ok || !result.preview) throw new Error('no preview');
    expect(result.preview.display.includes('<script>')).toBe(false);
  });

  it('refuses a decompression-bomb PNG from its header, without decoding it', async () => {
    const bomb = decompressionBombPng();
    expect(bomb.length).toBeLessThan(10_000);
    expect(await inspectUpload(bomb)).toMatchObject({ ok: true, type: 'image/png' });
    expect(await processPhoto(bomb, 'image/png', { keepLocation: false, now })).toEqual({
      ok: false,
      problem: 'tooManyPixels',
      limitMegapixels: 60,
    });
  });

  it('refuses a JPEG that does not decode', async () => {
    const truncated = (await photo()).subarray(0, 200);
    expect(await processPhoto(truncated, 'image/jpeg', { keepLocation: false, now })).toEqual({
      ok: false,
      problem: 'undecodable',
    });
  });

  it('keeps a HEIC this libvips cannot read as an original without a preview (no HEVC decoder in the prebuilt sharp)', async () => {
    expect(await processPhoto(heicContainer(), 'image/heic', { keepLocation: false, now })).toEqual({
      ok: true,
      preview: null,
      evidence: { capturedAt: null, location: null },
    });
  });
});
