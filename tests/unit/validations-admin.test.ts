import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import {
  ADMIN_MESSAGES,
  normaliseMoneyInput,
  parseMoneyInput,
  toWholeNumber,
  ZCreateDepartment,
  ZCreatePlanYear,
  ZCreateUser,
  ZResetPassword,
  ZUpdatePlanYear,
  ZUpdateUser,
} from '@/lib/validations/admin';

type Issues = Record<string, string[]>;

/** field → message keys, the way the action wrapper reports them */
function issuesOf(
  schema: {
    safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
): Issues {
  const result = schema.safeParse(input);
  const out: Issues = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join('.') || '_form'] ??= []).push(issue.message);
  return out;
}

const validUser = {
  username: 'wang.fang-01',
  displayName: '王芳',
  role: 'BUREAU',
  departmentId: 1,
  password: 'Chongqing#2026',
};

describe('ZCreateUser', () => {
  it('accepts a well-formed user, trimming the names', () => {
    const result = ZCreateUser.safeParse({ ...validUser, username: ' wang.fang-01 ', displayName: ' 王芳 ' });
    expect(result.success && result.data).toEqual({ ...validUser, displayName: '王芳' });
  });

  it('allows lower-case letters, digits, dot, underscore and hyphen, 3 to 32 characters', () => {
    for (const username of ['abc', 'a_b', 'x.y-z_1', 'a'.repeat(32)]) {
      expect(issuesOf(ZCreateUser, { ...validUser, username }).username).toBeUndefined();
    }
  });

  it('refuses capitals, Chinese, spaces and symbols rather than rewriting them', () => {
    for (const username of ['Wang', '王芳芳', 'wang fang', 'wang@fang', 'a/bc']) {
      expect(issuesOf(ZCreateUser, { ...validUser, username }).username).toEqual(['usernameCharacters']);
    }
  });

  it('refuses usernames shorter than 3 or longer than 32, and asks for a missing one', () => {
    expect(issuesOf(ZCreateUser, { ...validUser, username: 'ab' }).username).toEqual(['usernameLength']);
    expect(issuesOf(ZCreateUser, { ...validUser, username: 'a'.repeat(33) }).username).toEqual(['usernameLength']);
    expect(issuesOf(ZCreateUser, { ...validUser, username: '   ' }).username).toEqual(['newUsernameRequired']);
  });

  it('needs a department for a department user, and only for one', () => {
    expect(issuesOf(ZCreateUser, { ...validUser, role: 'DEPARTMENT', departmentId: null })).toEqual({
      departmentId: ['departmentRequiredForRole'],
    });
    expect(issuesOf(ZCreateUser, { ...validUser, role: 'DEPARTMENT', departmentId: 7 })).toEqual({});
    for (const role of ['ADMIN', 'BUREAU', 'LEADER']) {
      expect(issuesOf(ZCreateUser, { ...validUser, role, departmentId: null })).toEqual({});
    }
  });

  it('refuses an unknown role and a department id that is not a positive whole number', () => {
    expect(issuesOf(ZCreateUser, { ...validUser, role: 'ROOT' }).role).toEqual(['roleRequired']);
    expect(issuesOf(ZCreateUser, { ...validUser, departmentId: '3' }).departmentId).toBeDefined();
    expect(issuesOf(ZCreateUser, { ...validUser, departmentId: -1 }).departmentId).toBeDefined();
  });

  it('applies the password policy to the initial password', () => {
    expect(issuesOf(ZCreateUser, { ...validUser, password: 'Short#1' }).password).toEqual(['passwordTooShort']);
    expect(issuesOf(ZCreateUser, { ...validUser, password: 'alllowercase' }).password).toEqual(['passwordTooWeak']);
    expect(
      issuesOf(ZCreateUser, { ...validUser, password: 'X' + validUser.username.toUpperCase() + '9' }).password,
    ).toEqual(['passwordContainsUsername']);
    expect(issuesOf(ZCreateUser, { ...validUser, password: undefined }).password).toEqual(['passwordRequired']);
  });
});

describe('ZUpdateUser and ZResetPassword', () => {
  it('keeps the department rule when a role changes', () => {
    expect(issuesOf(ZUpdateUser, { id: 3, displayName: '李', role: 'DEPARTMENT', departmentId: null })).toEqual({
      departmentId: ['departmentRequiredForRole'],
    });
    expect(issuesOf(ZUpdateUser, { id: 3, displayName: '李', role: 'LEADER', departmentId: null })).toEqual({});
  });

  it('does not take a username: it cannot be changed', () => {
    const result = ZUpdateUser.safeParse({
      id: 3,
      displayName: '李',
      role: 'LEADER',
      departmentId: null,
      username: 'x',
    });
    expect(result.success && 'username' in result.data).toBe(false);
  });

  it('applies the password policy to a reset', () => {
    expect(issuesOf(ZResetPassword, { id: 3, password: 'weakweakweak' }).password).toEqual(['passwordTooWeak']);
    expect(issuesOf(ZResetPassword, { id: 3, password: 'Strong#Pass1' })).toEqual({});
  });
});

describe('ZCreateDepartment', () => {
  it('asks for name, short name and kind', () => {
    expect(issuesOf(ZCreateDepartment, { name: ' ', shortName: '', kind: 'X' })).toEqual({
      name: ['departmentNameRequired'],
      shortName: ['shortNameRequired'],
      kind: ['departmentKindRequired'],
    });
    expect(issuesOf(ZCreateDepartment, { name: '区大数据局', shortName: '大数据局', kind: 'DEPARTMENT' })).toEqual({});
  });
});

describe('money input', () => {
  it('normalises full-width digits, full-width punctuation and spaces', () => {
    expect(normaliseMoneyInput('２,４７８,０００.００')).toBe('2,478,000.00');
    expect(normaliseMoneyInput('２４７８０００．５')).toBe('2478000.5');
    expect(normaliseMoneyInput(' 1 234。5\u3000')).toBe('1234.5');
    expect(normaliseMoneyInput('１２，３４５')).toBe('12,345');
  });

  it('turns a typed amount into the exact two-decimal string the database stores', () => {
    expect(parseMoneyInput('２,４７８,０００.００')).toEqual({ ok: true, value: '2478000.00' });
    expect(parseMoneyInput('2478000')).toEqual({ ok: true, value: '2478000.00' });
    expect(parseMoneyInput('0012.3')).toEqual({ ok: true, value: '12.30' });
    expect(parseMoneyInput('１２，３４５.６７')).toEqual({ ok: true, value: '12345.67' });
  });

  it('keeps every digit of a sixteen-digit figure, which a float would round', () => {
    expect(parseMoneyInput('9,999,999,999,999,999.99')).toEqual({ ok: true, value: '9999999999999999.99' });
    expect(parseMoneyInput('99999999999999999')).toEqual({ ok: false, message: 'moneyTooLarge' });
  });

  it('refuses more than two decimals rather than rounding them away', () => {
    expect(parseMoneyInput('1.005')).toEqual({ ok: false, message: 'moneyTooManyDecimals' });
  });

  it('refuses misplaced separators, signs, exponents and words', () => {
    for (const text of ['24,78000', '1,23', ',123', '1.2.3', '-5', '1e6', '12万', 'abc']) {
      expect(parseMoneyInput(text)).toEqual({ ok: false, message: 'moneyInvalid' });
    }
    // the one parser every form shares (lib/domain/money-text.ts) reads these as people mean them
    expect(parseMoneyInput('.5')).toEqual({ ok: true, value: '0.50' });
    expect(parseMoneyInput('+5')).toEqual({ ok: true, value: '5.00' });
    expect(parseMoneyInput('  ')).toEqual({ ok: false, message: 'moneyRequired' });
  });
});

describe('ZCreatePlanYear and ZUpdatePlanYear', () => {
  const validYear = { year: 2026, title: '渝中区2026年重点项目计划', approvedInvestment: '２,４７８,０００.００' };

  it('hands the action the normalised amount', () => {
    const result = ZCreatePlanYear.safeParse(validYear);
    expect(result.success && result.data).toEqual({ ...validYear, approvedInvestment: '2478000.00' });
  });

  it('takes years 2000 to 2100 only', () => {
    expect(issuesOf(ZCreatePlanYear, { ...validYear, year: 2000 })).toEqual({});
    expect(issuesOf(ZCreatePlanYear, { ...validYear, year: 2100 })).toEqual({});
    expect(issuesOf(ZCreatePlanYear, { ...validYear, year: 1999 }).year).toEqual(['planYearRange']);
    expect(issuesOf(ZCreatePlanYear, { ...validYear, year: 2101 }).year).toEqual(['planYearRange']);
    expect(issuesOf(ZCreatePlanYear, { ...validYear, year: Number.NaN }).year).toEqual(['planYearInvalid']);
    expect(issuesOf(ZCreatePlanYear, { ...validYear, year: 2026.5 }).year).toEqual(['planYearInvalid']);
  });

  it('refuses a zero or malformed amount', () => {
    expect(issuesOf(ZCreatePlanYear, { ...validYear, approvedInvestment: '0.00' }).approvedInvestment).toEqual([
      'moneyNotPositive',
    ]);
    expect(issuesOf(ZCreatePlanYear, { ...validYear, approvedInvestment: 2478000 }).approvedInvestment).toEqual([
      'moneyRequired',
    ]);
  });

  it('bounds the reporting month to 1–12 and the deadline day to 1–28', () => {
    const settings = { id: 1, title: 't', approvedInvestment: '1.00', currentMonth: 1, reportDeadlineDay: 1 };
    expect(issuesOf(ZUpdatePlanYear, settings)).toEqual({});
    expect(issuesOf(ZUpdatePlanYear, { ...settings, currentMonth: 12, reportDeadlineDay: 28 })).toEqual({});
    expect(issuesOf(ZUpdatePlanYear, { ...settings, currentMonth: 0, reportDeadlineDay: 0 })).toEqual({
      currentMonth: ['monthRange'],
      reportDeadlineDay: ['deadlineDayRange'],
    });
    expect(issuesOf(ZUpdatePlanYear, { ...settings, currentMonth: 13, reportDeadlineDay: 29 })).toEqual({
      currentMonth: ['monthRange'],
      reportDeadlineDay: ['deadlineDayRange'],
    });
  });

  it('reads whole numbers typed with full-width digits, and nothing else', () => {
    expect(toWholeNumber('２０２６')).toBe(2026);
    expect(toWholeNumber(' 2026 ')).toBe(2026);
    expect(toWholeNumber('2026年')).toBeNaN();
    expect(toWholeNumber('')).toBeNaN();
  });
});

describe('messages', () => {
  it('translates every key the schemas and actions report, in both languages', () => {
    for (const key of ADMIN_MESSAGES) {
      expect(zhCN.validation).toHaveProperty(key);
      expect(en.validation).toHaveProperty(key);
    }
    for (const key of [
      'cannotDeactivateSelf',
      'cannotRemoveOwnAdmin',
      'departmentHasProjects',
      'departmentHasUsers',
      'planYearAlreadyActive',
      'planYearNotDraft',
      'planYearClosed',
    ]) {
      expect(zhCN.validation).toHaveProperty(key);
      expect(en.validation).toHaveProperty(key);
    }
  });
});
