import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Small files made by the tests themselves (no binary blobs in the repository): photos with chosen EXIF, and the
 * hostile set of issue 18 (a PHP or HTML file named .jpg, an SVG with script, polyglots, a decompression bomb,
 * an empty file, an over-size file).
 */
export interface PhotoOptions {
  width?: number;
  height?: number;
  /** EXIF orientation 1–8 */
  orientation?: number;
  /** EXIF IFD0/IFD2 (Exif)/IFD3 (GPS) tags, as sharp's withExif takes them */
  exif?: Record<string, Record<string, string>>;
  format?: 'jpeg' | 'png' | 'webp';
}

export async function photo(options: PhotoOptions = {}): Promise<Buffer> {
  const { width = 60, height = 40, format = 'jpeg' } = options;
  // left half red, right half blue, so a rotation is visible in the pixels too
  const left = await sharp({ create: { width: Math.ceil(width / 2), height, channels: 3, background: '#d00' } })
    .png()
    .toBuffer();
  let image = sharp({ create: { width, height, channels: 3, background: '#00d' } }).composite([
    { input: left, left: 0, top: 0 },
  ]);
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  if (options.exif) image = image.withExif(options.exif);
  return image.toFormat(format).toBuffer();
}

/** A camera's EXIF: device, capture time with its zone, and a location in 渝中区. */
export const CAMERA_EXIF = {
  IFD0: { Make: 'ExamplePhone', Model: 'Model X Secret-Serial-123' },
  IFD2: { DateTimeOriginal: '2025:11:20 10:11:12', OffsetTimeOriginal: '+08:00' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '29/1 33/1 30/1',
    GPSLongitudeRef: 'E',
    GPSLongitude: '106/1 34/1 48/1',
  },
};

export const minimalPdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
  );

/** An ISO-BMFF box header with the iPhone's `heic` brand, then bytes no decoder reads. */
export function heicContainer(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(512, 0x5a)]);
}

/** A PNG whose header claims width × height pixels over a tiny compressed body: decoding it would take gigabytes. */
export function decompressionBombPng(width = 100_000, height = 100_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = deflateSync(Buffer.alloc(1024 * 1024, 0));
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export const hostile = {
  phpNamedJpg: () => Buffer.from('<?php system($_GET["c"]); ?>\n'),
  htmlNamedJpg: () => Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'),
  svgWithScript: () =>
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
  /** a Windows executable renamed .jpg (MZ header, PE signature) */
  renamedExe: () => {
    const exe = Buffer.alloc(512, 0);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'latin1');
    return exe;
  },
  /** HTML first, a PDF after it: a browser sniffing would render the HTML */
  htmlPdfPolyglot: () => Buffer.concat([Buffer.from('<html><script>alert(1)</script></html>\n'), minimalPdf()]),
  empty: () => Buffer.alloc(0),
};
