import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseProjectSheet } from '@/lib/domain/project-sheet';
import { apiIssues, rawQuery, ZApiProjectListQuery } from '@/lib/validations/api';
import { ZAuditLogFilter } from '@/lib/validations/audit';
import { ZSignIn } from '@/lib/validations/auth';
import { ZUpdateBulletin } from '@/lib/validations/bulletin';
import { parseProjectListParams } from '@/lib/validations/project-list';
import { ZReturnReport, ZSaveReportDraft } from '@/lib/validations/report';
import { cleanText, queryText, text, TEXT_INVALID_CHARACTERS, TEXT_TOO_LONG, xmlSafe } from '@/lib/validations/text';

const field = text(z.string().min(1, { error: 'required' }).max(10, { error: 'tooLong' }));
const messages = (r: { success: boolean; error?: z.ZodError }) => r.error?.issues.map((i) => i.message) ?? [];

describe('the shared text rule', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a C0 control (vertical tab)', 'a\u000Bb'],
    ['ESC', '\u001B[31m'],
    ['DEL', 'a\u007Fb'],
    ['a C1 control (CSI)', 'a\u009Bb'],
    ['U+FFFE', 'a\uFFFEb'],
    ['U+FFFF', 'a\uFFFFb'],
    ['U+FDD0', 'a\uFDD0b'],
    ['a plane-16 non-character', 'a\u{10FFFF}'],
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', 'a\uDC00b'],
  ])('refuses %s with the field message, never stripping it', (_, value) => {
    expect(cleanText(value)).toEqual({ ok: false, problem: TEXT_INVALID_CHARACTERS });
    expect(messages(field.safeParse(value))).toEqual([TEXT_INVALID_CHARACTERS]);
  });

  it('keeps tab, line feed, Chinese text and characters outside the BMP', () => {
    expect(cleanText('主体\t封顶\n😀')).toEqual({ ok: true, value: '主体\t封顶\n😀' });
  });

  it('normalises CRLF and CR to LF (a textarea posts CRLF) instead of refusing them', () => {
    expect(cleanText('一\r\n二\r三')).toEqual({ ok: true, value: '一\n二\n三' });
  });

  it('normalises to NFC, so one word typed two ways is one value', () => {
    const decomposed = 'Cafe\u0301';
    expect(cleanText(decomposed)).toEqual({ ok: true, value: 'Caf\u00E9' });
    expect(field.parse(decomposed)).toBe(field.parse('Caf\u00E9'));
  });

  it('trims, then applies the field’s own bounds to what it keeps', () => {
    expect(field.parse('  渝中  ')).toBe('渝中');
    expect(messages(field.safeParse('   '))).toEqual(['required']);
    expect(messages(field.safeParse('一二三四五六七八九十一'))).toEqual(['tooLong']);
  });

  it('refuses a huge text before scanning it', () => {
    expect(messages(field.safeParse('x'.repeat(200_001)))).toEqual([TEXT_TOO_LONG]);
  });

  it('refuses a value that is not text with the field’s own message', () => {
    const typed = text(z.string().max(5), { typeError: 'nameRequired' });
    for (const value of [undefined, null, 5, {}, ['a']])
      expect(messages(typed.safeParse(value))).toEqual(['nameRequired']);
  });

  it('queryText never cuts a surrogate pair in half', () => {
    expect(queryText(`${'a'.repeat(99)}😀`, 100)).toEqual({ ok: true, value: 'a'.repeat(99) });
    expect(queryText('a\u0000', 100)).toEqual({ ok: false });
  });

  it('xmlSafe removes only what XML 1.0 cannot hold', () => {
    expect(xmlSafe('a\u0000b\uFFFEc\uD800d\te\nf中')).toBe('abcd\te\nf中');
  });
});

describe('every kind of input goes through it', () => {
  it('report texts, return comments and sign-in usernames', () => {
    const draft = ZSaveReportDraft.safeParse({
      projectPlanId: 1,
      month: 1,
      version: 0,
      investedThisMonth: '1',
      progressText: '进度\u0000',
    });
    expect(draft.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['progressText', TEXT_INVALID_CHARACTERS],
    ]);
    expect(messages(ZReturnReport.safeParse({ reportId: 1, version: 1, comment: '\uFFFE' }))).toEqual([
      TEXT_INVALID_CHARACTERS,
    ]);
    expect(messages(ZSignIn.safeParse({ username: 'zjw\u0000', password: 'x' }))).toEqual([TEXT_INVALID_CHARACTERS]);
  });

  it('a bulletin body keeps its paragraphs as LF', () => {
    expect(ZUpdateBulletin.parse({ id: 1, version: 1, title: '通报', body: '第一段\r\n第二段' }).body).toBe(
      '第一段\n第二段',
    );
  });

  it('the audit viewer’s person filter gives a field message', () => {
    const parsed = ZAuditLogFilter.safeParse({ person: 'a\u0000' });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['person', TEXT_INVALID_CHARACTERS],
    ]);
  });

  it('the project list drops a refused ?q= or ?area= and names it', () => {
    const params = parseProjectListParams({ q: 'a\u0000', area: ['解放碑', 'x\uFFFF'] });
    expect(params.q).toBe('');
    expect(params.areas).toEqual(['解放碑']);
    expect(params.invalid).toEqual(['q', 'area']);
    expect(parseProjectListParams({ q: 'Cafe\u0301' })).toMatchObject({ q: 'Caf\u00E9' });
    expect(parseProjectListParams({ q: '渝中' }).invalid).toBeUndefined();
  });

  it('the API answers a refused ?q= / ?area= and a prototype key with a 400 naming the parameter', () => {
    const parse = (query: string) => ZApiProjectListQuery.safeParse(rawQuery(new URLSearchParams(query)));
    const parameters = (query: string) => apiIssues(parse(query).error!).map((i) => i.parameter);
    expect(parameters('q=a%00')).toEqual(['q']);
    expect(parameters('area=%EF%BF%BE')).toEqual(['area']);
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(parameters(`${key}=1`)).toEqual([key]);
    expect(parse('q=%E6%B8%9D%E4%B8%AD&area=%E8%A7%A3%E6%94%BE%E7%A2%91').data).toMatchObject({
      q: '渝中',
      area: ['解放碑'],
    });
  });

  it('a spreadsheet cell with a control character is an error of its row and column, not a silent change', () => {
    const sheet = parseProjectSheet({
      rows: [
        ['项目代码', '项目名称', '责任单位', '项目类别', '投资主体', '投资方向', '总投资'],
        ['P-1', '项目\u0000一', '区交通局', '前期', '区级', '基础设施', 100],
        ['P-2', 'Cafe\u0301', '区交通局', '前期', '区级', '基础设施', 100],
      ],
    });
    expect(sheet.issues).toEqual([{ row: 2, column: '项目名称', message: 'textInvalid' }]);
    expect(sheet.rows.map((r) => r.name)).toEqual(['Caf\u00E9']);
  });
});
