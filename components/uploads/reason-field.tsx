'use client';

/** The reason a commit asks for (a plan change's, a backfill's): kept in the audit trail, so bounded as the server is. */
export function ReasonField({
  id,
  label,
  hint,
  maxLength,
  value,
  onChange,
}: {
  /** prefix of the hint's id and the test id (`<id>-reason`), unique on the page */
  id: string;
  label: string;
  hint: string;
  maxLength: number;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label className="flex max-w-3xl flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      <textarea
        name="reason"
        rows={2}
        maxLength={maxLength}
        value={value}
        aria-describedby={`${id}-reason-hint`}
        data-testid={`${id}-reason`}
        className="rounded-md border border-slate-300 px-3 py-2 text-sm font-normal"
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${id}-reason-hint`} className="text-xs font-normal text-slate-500">
        {hint}
      </span>
    </label>
  );
}
