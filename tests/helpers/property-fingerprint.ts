/**
 * What the property-based tests check after each generated call: that a refusal wrote nothing (`Fingerprint`), and
 * a tally of the outcomes they print.
 */
import type { Db } from '@/lib/prisma';

/**
 * Every table's row count and newest row version (the largest xmin: every inserted or updated row carries the id of
 * the transaction that wrote it, and a delete lowers the count): equal before and after a refused call, or the
 * refusal committed a write. Cheaper than hashing every row and stricter (a committed UPDATE to the same values is
 * caught too). Cheaper still when nothing was written at all: a write needs a transaction id, so an unchanged
 * "next xid" proves the tables unchanged without reading them (see `Fingerprint.settle`).
 */
export class Fingerprint {
  private tables: string[] = [];
  private xid = '';
  private full = '';
  constructor(private readonly db: Db) {}

  private async nextXid(): Promise<string> {
    const rows = await this.db.$queryRaw<{ x: string }[]>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`;
    return rows[0]!.x;
  }

  private async compute(): Promise<string> {
    if (!this.tables.length) {
      // rate_limits is left out: a refused password check must count against the throttle, that is its point;
      // and AuditChainTip, which the audit trigger moves with every AuditLog row (AuditLog itself shows that write)
      const rows = await this.db.$queryRaw<{ t: string }[]>`
        SELECT tablename AS t FROM pg_tables
         WHERE schemaname = 'public' AND tablename NOT IN ('rate_limits', 'AuditChainTip') ORDER BY 1`;
      this.tables = rows.map((r) => r.t);
    }
    const parts = this.tables.map(
      (t) => `(SELECT '${t}:' || count(*) || ':' || COALESCE(max(xmin::text::bigint), 0) FROM "${t}")`,
    );
    const rows = await this.db.$queryRawUnsafe<{ f: string }[]>(`SELECT concat_ws('|', ${parts.join(', ')}) AS f`);
    return rows[0]!.f;
  }

  /** Take the fingerprint now. */
  async start(): Promise<void> {
    this.xid = await this.nextXid();
    this.full = await this.compute();
  }

  /** The fingerprint as of now, and whether it differs from the last one. */
  async settle(): Promise<{ changed: boolean; before: string; after: string }> {
    const xid = await this.nextXid();
    const before = this.full;
    if (xid !== this.xid) {
      this.xid = xid;
      this.full = await this.compute();
    }
    return { changed: this.full !== before, before, after: this.full };
  }

  /** The tables whose count or newest row version differ between two fingerprints. */
  static changedTables(before: string, after: string): string[] {
    const a = new Set(before.split('|'));
    return after
      .split('|')
      .filter((part) => !a.has(part))
      .map((part) => part.split(':')[0]!);
  }
}

/** A one-line tally of outcomes, printed with the count of generated cases. */
export class Tally {
  readonly counts = new Map<string, number>();
  add(outcome: string) {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
  }
  get total() {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  toString() {
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  }
}
