'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { ProblemSourceField } from '@/generated/prisma/enums';
import { raiseProblemFromReport } from '@/lib/actions/problems';
import type { RaisedProblem, ReviewQueueRow } from '@/lib/server/reports/get-review-queue';

/** The report texts the queue turns into a problem, in the order the buttons show. */
const FIELDS = [
  { field: 'COORDINATION', text: (r: ReviewQueueRow) => r.coordinationNeeded, label: 'fromReportCoordination' },
  { field: 'PROBLEMS', text: (r: ReviewQueueRow) => r.problems, label: 'fromReportProblems' },
] as const satisfies readonly { field: ProblemSourceField; label: string; text: (r: ReviewQueueRow) => string }[];

/**
 * The review queue's one click (the bureau only): a report's 需协调事项 or 存在问题 becomes a 协调问题. Once raised
 * (now, or by anyone before), the field shows a link to the problem instead of the button.
 */
export function RaiseProblemButtons({ row }: { row: ReviewQueueRow }) {
  const t = useTranslations('problems.forms');
  const router = useRouter();
  const [raised, setRaised] = useState<readonly RaisedProblem[]>([]);
  const [busy, setBusy] = useState<ProblemSourceField | null>(null);
  const [error, setError] = useState<string | null>(null);
  const withText = FIELDS.filter((f) => f.text(row).trim() !== '');
  if (withText.length === 0) return null;
  const known = [...row.raisedProblems, ...raised];

  async function raise(field: ProblemSourceField) {
    setBusy(field);
    setError(null);
    try {
      const result = await raiseProblemFromReport({ reportId: row.reportId, field });
      if (!result.ok) return setError(result.message);
      setRaised((prev) => [...prev, { field, number: result.data.number, slug: result.data.slug }]);
      router.refresh();
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex max-w-32 flex-col items-start gap-1" data-testid="review-raise-problem">
      {withText.map(({ field, label }) => {
        const problem = known.find((p) => p.field === field);
        if (problem) {
          return (
            <Link
              key={field}
              href={`/problems/${problem.slug}`}
              className="text-sm text-brand-800 hover:underline"
              data-testid="review-raised-problem"
              data-field={field}
            >
              {t('fromReportExisting', { number: problem.number })}
            </Link>
          );
        }
        return (
          <Button
            key={field}
            type="button"
            size="sm"
            variant="secondary"
            disabled={busy !== null}
            onClick={() => raise(field)}
            // wraps inside the actions column: a nowrap label widened the queue past a 1280-px screen
            className="h-auto max-w-32 py-1 text-left whitespace-normal"
            data-testid="review-raise-button"
            data-field={field}
          >
            {/* one text: the plain "转为协调问题"; both: which one each button takes */}
            {withText.length === 1 ? t('fromReport') : t(label)}
          </Button>
        );
      })}
      {error && (
        <p role="alert" className="text-xs text-red-700" data-testid="review-raise-error">
          {error}
        </p>
      )}
    </div>
  );
}
