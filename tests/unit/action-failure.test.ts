import { describe, expect, it } from 'vitest';
import type { ErrorOption } from 'react-hook-form';
import { applyActionFailure, callAction, failureMessage, type ActionFailure } from '@/components/forms/action-result';

type Values = {
  id: number;
  name: string;
  monthly: string[];
  milestoneUpdates: { kind: string; date: string }[];
};

/** The part of a react-hook-form form applyActionFailure uses, recording what it was told. */
function fakeForm(values: Values) {
  const calls: { name: string; error: ErrorOption; focus: boolean }[] = [];
  return {
    calls,
    getValues: () => values,
    setError: (name: string, error: ErrorOption, options?: { shouldFocus?: boolean }) => {
      calls.push({ name, error, focus: options?.shouldFocus ?? false });
    },
  };
}

const values: Values = { id: 4, name: '', monthly: ['1', '2', '3'], milestoneUpdates: [{ kind: 'LAND', date: 'x' }] };

const failure = (over: Partial<ActionFailure> = {}): ActionFailure => ({
  ok: false,
  code: 'VALIDATION',
  message: '输入有误，请按提示修改后重试',
  ...over,
});

describe('applyActionFailure', () => {
  it('puts each field error on its field, the first message of each, and focuses the first field only', () => {
    const form = fakeForm(values);
    const text = applyActionFailure(
      form,
      failure({ fieldErrors: { name: ['请填写名称', '太长'], 'monthly.1': ['金额有误'] } }),
    );
    expect(form.calls).toEqual([
      { name: 'name', error: { type: 'server', message: '请填写名称' }, focus: true },
      { name: 'monthly.1', error: { type: 'server', message: '金额有误' }, focus: false },
    ]);
    expect(text).toBe('输入有误，请按提示修改后重试');
  });

  it('reaches fields inside arrays and objects, and the array itself', () => {
    const form = fakeForm(values);
    applyActionFailure(
      form,
      failure({ fieldErrors: { 'milestoneUpdates.0.date': ['日期有误'], monthly: ['合计不符'] } }),
    );
    expect(form.calls.map((c) => c.name)).toEqual(['milestoneUpdates.0.date', 'monthly']);
  });

  it('leaves paths the form does not hold to the form-level message', () => {
    const form = fakeForm(values);
    const text = applyActionFailure(
      form,
      failure({ fieldErrors: { password: ['x'], 'monthly.7': ['y'], 'name.length': ['z'] } }),
    );
    expect(form.calls).toEqual([]);
    expect(text).toBe('输入有误，请按提示修改后重试');
  });

  it('gives the focus to the first field the form holds, not to one it skipped', () => {
    const form = fakeForm(values);
    applyActionFailure(form, failure({ fieldErrors: { unknown: ['x'], name: ['y'] } }));
    expect(form.calls).toEqual([{ name: 'name', error: { type: 'server', message: 'y' }, focus: true }]);
  });

  it('moves no focus when asked not to (a draft saving itself while the user types elsewhere)', () => {
    const form = fakeForm(values);
    applyActionFailure(form, failure({ fieldErrors: { name: ['y'], 'monthly.0': ['z'] } }), { focus: false });
    expect(form.calls.map((c) => c.focus)).toEqual([false, false]);
  });

  it('shows a form-level reason (`_form`) instead of the action’s message, and puts it on no field', () => {
    const form = fakeForm(values);
    const refusal = failure({ code: 'CONFLICT', message: 'detail', fieldErrors: { _form: ['不能停用自己的账号'] } });
    expect(applyActionFailure(form, refusal)).toBe('不能停用自己的账号');
    expect(form.calls).toEqual([]);
  });

  it('shows the action’s message when there are no field errors at all', () => {
    const form = fakeForm(values);
    expect(applyActionFailure(form, failure({ code: 'CONFLICT', message: '张三已于10:02保存了新版本' }))).toBe(
      '张三已于10:02保存了新版本',
    );
    expect(form.calls).toEqual([]);
  });
});

describe('failureMessage', () => {
  it('prefers the form-level reason, else the message', () => {
    expect(failureMessage(failure({ fieldErrors: { _form: ['理由'] } }))).toBe('理由');
    expect(failureMessage(failure({ fieldErrors: { name: ['x'] } }))).toBe('输入有误，请按提示修改后重试');
  });
});

describe('callAction', () => {
  it('passes the action’s answer through', async () => {
    expect(await callAction(async () => ({ ok: true as const, data: 1 }), '网络错误')).toEqual({ ok: true, data: 1 });
    expect(await callAction(async () => failure(), '网络错误')).toEqual(failure());
  });

  it('turns a request that did not complete into a failure with the given text', async () => {
    const lost = await callAction(
      () => Promise.reject(new TypeError('Failed to fetch')),
      '操作未完成，请检查网络后重试',
    );
    expect(lost).toEqual({ ok: false, code: 'INTERNAL', message: '操作未完成，请检查网络后重试' });
  });
});
