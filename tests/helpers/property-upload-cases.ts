/**
 * The cases of tests/integration/property-routes.test.ts for the two routes that take a file: the month sheet's
 * upload (its walls, then the actions with hostile fields and bytes) and a photo's upload. The reading routes'
 * cases and the world both read are in ./property-route-cases.ts.
 */
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import type { Role } from '@/generated/prisma/enums';
import { actAs } from './actors';
import { PBT_RUNS, weirdString } from './property-inputs';
import { queryAround } from './property-requests';
import { role, type RouteCase, type RouteWorld } from './property-route-cases';
import { answer } from './route-calls';

const uploadName = fc.oneof(
  weirdString.map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return '%ED%A0%80'; // a lone surrogate does not encode: send its raw bytes instead
    }
  }),
  fc.constantFrom('%E7%8E%B0%E5%9C%BA.jpg', '%', '%FF', 'a%00b.jpg', ''),
);

export function uploadRouteCases(w: RouteWorld): Record<string, RouteCase> {
  return {
    // the month sheet's upload: its walls (origin, sign-in, mode, length) and then the actions themselves, with a
    // form of hostile fields and bytes; a twentieth of the runs, as an accepted file costs a parse worker
    'POST /api/reports/month-sheet/upload': {
      runs: Math.max(1, Math.ceil(PBT_RUNS / 20)),
      arbitrary: fc.tuple(
        // mostly past the walls, so that most requests reach the action
        fc.oneof({ weight: 3, arbitrary: fc.constant<Role>('DEPARTMENT') }, role),
        fc.constantFrom('check', 'commit', 'check', 'commit', 'x', '__proto__'),
        fc.constantFrom('http://localhost', 'http://localhost', 'http://localhost', 'https://evil.example', null),
        fc.record({
          year: fc.oneof(weirdString, fc.constantFrom('2025', '1999')),
          month: fc.oneof(weirdString, fc.constantFrom('11', '13')),
          file: fc.option(
            fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('表.xlsx', '表.csv', '表.xls', 'x')),
          ),
        }),
        fc.constantFrom('true', 'true', 'true', 'over', 'none'),
      ),
      call: async ([r, mode, origin, fields, length]: [
        Role | null,
        string,
        string | null,
        { year: string; month: string; file: [Uint8Array, string] | null },
        string,
      ]) => {
        await w.asRole(r);
        actAs(r === null ? null : w.actors.get(r)!);
        const form = new FormData();
        form.set('year', fields.year);
        form.set('month', fields.month);
        if (fields.file) form.set('file', new File([new Uint8Array(fields.file[0])], fields.file[1]));
        const encoded = new Response(form);
        const body = new Uint8Array(await encoded.arrayBuffer());
        const headers: Record<string, string> = {
          host: 'localhost',
          'content-type': encoded.headers.get('content-type')!,
        };
        if (origin) headers.origin = origin;
        if (length !== 'none') headers['content-length'] = length === 'over' ? '99999999' : String(body.length);
        const request = new NextRequest(`http://localhost/api/reports/month-sheet/upload?mode=${mode}`, {
          method: 'POST',
          body,
          headers,
        });
        return answer(await w.mod.monthSheetUpload.POST(request));
      },
    },
    // one file per request to a report or a milestone; a 201 only for the department's own draft and a real photo
    'POST /api/attachments': {
      runs: Math.max(1, Math.ceil(PBT_RUNS / 10)),
      arbitrary: fc.tuple(
        role,
        // half of them well-formed, so that the department's requests reach the file checks and the attaching
        fc.oneof(
          queryAround(['reportId', 'milestoneId'], {
            reportId: ['OWN', '1', '99999999999', '0'],
            milestoneId: ['1', '2'],
          }),
          fc.constant('reportId=OWN'),
        ),
        fc.constantFrom('photo', 'html', 'empty', 'bomb'),
        uploadName,
        fc.constantFrom('actual', 'huge', 'none', 'lie'),
      ),
      call: async ([r, q, body, name, length]: [Role | null, string, string, string, string]) => {
        await w.asRole(r);
        actAs(r === null ? null : w.actors.get(r)!);
        const bytes = w.uploads.get(body)!;
        const declared = { actual: String(bytes.length), huge: '99999999999', none: null, lie: '3' }[length];
        const request = new NextRequest(
          `http://localhost/api/attachments?${q.replaceAll('OWN', String(w.ownDraftId))}`,
          {
            method: 'POST',
            body: new Uint8Array(bytes),
            headers: {
              host: 'localhost',
              origin: 'http://localhost',
              'x-file-name': name,
              ...(declared === null ? {} : { 'content-length': declared }),
            },
          },
        );
        return answer(await w.mod.attachmentUpload.POST(request));
      },
    },
  };
}
