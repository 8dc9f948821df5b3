import 'server-only';
import { NextResponse } from 'next/server';
import type { SessionActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { resolvePlanYear } from '@/lib/server/plan/resolve-plan-year';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The JSON error a download route answers with (a download has no page to show a message on). */
export function sheetError(status: 401 | 403 | 404 | 400, code: string) {
  return NextResponse.json({ ok: false, code }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** ?year=2025, or the default plan year; null when it names no plan year. */
export async function resolveSheetYear(actor: SessionActor, raw: string | null): Promise<number | null> {
  return (await resolvePlanYear(prisma, actor, raw))?.year ?? null;
}

/** An .xlsx download with a Chinese file name (RFC 6266 filename*, plus an ASCII fallback). */
export function xlsxResponse(buffer: Buffer, fileName: string, asciiName: string) {
  return downloadResponse(buffer, fileName, asciiName, XLSX_TYPE);
}

/** A file download of any type, named as xlsxResponse names it. */
export function downloadResponse(buffer: Buffer, fileName: string, asciiName: string, contentType: string) {
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': contentType,
      // a lone surrogate in a title (stored before the text rule) would make encodeURIComponent throw
      'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName.replace(/\p{Cs}/gu, '\uFFFD'))}`,
      'Cache-Control': 'no-store',
    },
  });
}
