/**
 * A .docx read back as text, for the tests of the annual report (tests/integration/annual-report.test.ts,
 * e2e/annual-report.spec.ts): the package is unzipped (jszip, which exceljs brings) and word/document.xml's
 * paragraphs joined from their runs, in order; a table cell's paragraph is one of them.
 */
import JSZip from 'jszip';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

export async function docxParagraphs(buffer: Buffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const document = zip.file('word/document.xml');
  if (!document) throw new Error('not a Word document: no word/document.xml');
  const xml = await document.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1]!.replace(/&(?:lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e]!))
      .join(''),
  );
}
