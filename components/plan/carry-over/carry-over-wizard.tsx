'use client';

import { useMemo, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { callAction, failureMessage } from '@/components/forms/action-result';
import { FormAlert, Select } from '@/components/forms/controls';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { Stage } from '@/generated/prisma/enums';
import { openNextPlanYear } from '@/lib/actions/carry-over';
import type { CarryOverRow } from '@/lib/server/plan/get-carry-over-proposal';
import type { CarryOverDecision } from '@/lib/validations/carry-over';
import { CarryOverSummary } from './carry-over-summary';
import { CarryOverTable, DecisionOptions } from './carry-over-table';

const SHOW = ['all', 'carried', 'dropped', 'flagged'] as const;
type Show = (typeof SHOW)[number];

const shown = (row: CarryOverRow, show: Show) =>
  show === 'all' ||
  (show === 'flagged' && row.proposal.flagged) ||
  (show === 'carried' && row.proposal.stage !== null) ||
  (show === 'dropped' && row.proposal.stage === null);

/** The stage a project ends with in the next year under the bureau's choice; null: not carried. */
export function resultingStage(row: CarryOverRow, decision: CarryOverDecision): Stage | null {
  if (decision === 'accept') return row.proposal.stage;
  return decision === 'drop' ? null : decision;
}

/**
 * The bureau's carry-over: every project of the closed year with Keystone's proposal, a choice per project (one by
 * one, or on the selected rows at once), the result counted by stage, and the confirmation that writes the next
 * year's plans. The server recomputes every figure; the page sends only the choices.
 */
export function CarryOverWizard({ fromYear, rows }: { fromYear: number; rows: readonly CarryOverRow[] }) {
  const t = useTranslations('carryOver.wizard');
  const router = useRouter();
  const [decisions, setDecisions] = useState<ReadonlyMap<number, CarryOverDecision>>(new Map());
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [show, setShow] = useState<Show>('all');
  const [bulk, setBulk] = useState<CarryOverDecision>('accept');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const to = String(fromYear + 1);

  const visible = useMemo(() => rows.filter((r) => shown(r, show)), [rows, show]);
  const decisionOf = (row: CarryOverRow) => decisions.get(row.projectId) ?? 'accept';

  const decide = (ids: Iterable<number>, decision: CarryOverDecision) =>
    setDecisions((current) => {
      const next = new Map(current);
      for (const id of ids) next.set(id, decision);
      return next;
    });
  const toggle = (ids: Iterable<number>, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });

  const confirm = () =>
    startTransition(async () => {
      setError(null);
      const result = await callAction(
        () =>
          openNextPlanYear({
            fromYear,
            decisions: rows.map((r) => ({ projectId: r.projectId, decision: decisionOf(r) })),
          }),
        t('failed'),
      );
      if (!result.ok) return setError(failureMessage(result));
      // the page now says the next year is carried, with the link to its plan
      router.refresh();
    });

  return (
    <div className="flex flex-col gap-4">
      <Card className="flex flex-wrap items-center gap-4 p-4">
        <label className="flex items-center gap-2 text-sm">
          {t('filter')}
          <Select
            className="h-9 w-36"
            value={show}
            onChange={(e) => setShow(e.target.value as Show)}
            data-testid="carry-filter"
          >
            {SHOW.map((s) => (
              <option key={s} value={s}>
                {t(`show.${s}`)}
              </option>
            ))}
          </Select>
        </label>
        <span className="text-sm text-slate-500">
          {t('filterCount', { shown: String(visible.length), total: String(rows.length) })}
        </span>
        {selected.size > 0 && (
          <div className="flex items-center gap-2 text-sm" data-testid="carry-bulk">
            {t('bulk', { count: String(selected.size) })}
            <Select
              aria-label={t('bulkDecision')}
              className="h-9 w-40"
              value={bulk}
              onChange={(e) => setBulk(e.target.value as CarryOverDecision)}
              data-testid="carry-bulk-decision"
            >
              <DecisionOptions />
            </Select>
            <Button size="sm" variant="secondary" onClick={() => decide(selected, bulk)} disabled={pending}>
              {t('apply')}
            </Button>
          </div>
        )}
      </Card>
      <CarryOverTable
        fromYear={fromYear}
        rows={visible}
        decisions={decisions}
        selected={selected}
        disabled={pending}
        onDecide={(id, d) => decide([id], d)}
        onToggle={(id, on) => toggle([id], on)}
        onSelectAll={(on) =>
          toggle(
            visible.map((r) => r.projectId),
            on,
          )
        }
      />
      <CarryOverSummary
        fromYear={fromYear}
        carried={rows.flatMap((r) => {
          const stage = resultingStage(r, decisionOf(r));
          return stage ? [{ stage, cumulative: r.nextCumulative }] : [];
        })}
        total={rows.length}
      />
      <div className="flex flex-col gap-2">
        <FormAlert message={error} testId="carry-error" />
        <div>
          <Button onClick={confirm} disabled={pending} data-testid="carry-confirm">
            {pending ? t('confirming') : t('confirm', { to })}
          </Button>
        </div>
      </div>
    </div>
  );
}
