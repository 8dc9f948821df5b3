-- The audit trail becomes a hash chain (docs/security.md, "The audit trail is tamper-evident").
-- Every row stores its place in the chain ("chainSeq" 1, 2, 3 …), the previous row's hash ("prevHash"; 64 zeros
-- for the first) and hash = SHA-256(prevHash ‖ canonical content), in lowercase hex. A row changed, removed or
-- inserted after the fact (with the append-only trigger disabled) no longer matches, and `npm run audit:verify`
-- names it.
--
-- Computed by a BEFORE INSERT trigger rather than in the app: every writer (Prisma's create and createMany, the
-- import's INSERT … SELECT, sign-in outside any action, psql) goes through it, and none can skip it or forge the
-- three columns. Concurrent writers queue on the one row of "AuditChainTip" (SELECT … FOR UPDATE, held to commit),
-- so the chain is linear: a second writer waits for the first to commit and then sees its tip; a rolled-back
-- writer leaves the tip as it was. Cost: one row lock per transaction, one SHA-256 (in C) per row, one UPDATE of
-- the tip per statement.

-- AlterTable (NOT NULL after the backfill below)
ALTER TABLE "AuditLog" ADD COLUMN "chainSeq" BIGINT,
ADD COLUMN "hash" CHAR(64),
ADD COLUMN "prevHash" CHAR(64);

-- CreateTable
CREATE TABLE "AuditChainTip" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "seq" BIGINT NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "AuditChainTip_pkey" PRIMARY KEY ("id")
);

-- The canonical content of a row: a JSON object of every column but the chain's own, in jsonb's text form (keys
-- sorted, one fixed spacing, numbers as stored), the time in UTC with milliseconds (the column's precision).
-- jsonb's output form has not changed since PostgreSQL 9.4, so a backup restored on another major still verifies.
-- lib/server/audit-chain.ts rebuilds the same text independently of this function, so replacing the function
-- in a database cannot make a forged row verify.
CREATE FUNCTION "audit_log_canonical"(
  p_seq BIGINT, p_id BIGINT, p_at TIMESTAMPTZ, p_actor_id INTEGER, p_actor TEXT, p_ip TEXT, p_action TEXT,
  p_entity TEXT, p_entity_id TEXT, p_before JSONB, p_after JSONB, p_reason TEXT
) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'seq', p_seq, 'id', p_id, 'at', to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'actorId', p_actor_id, 'actor', p_actor, 'ip', p_ip, 'action', p_action, 'entity', p_entity,
    'entityId', p_entity_id, 'before', p_before, 'after', p_after, 'reason', p_reason
  )::text
$$;

CREATE FUNCTION "audit_log_link"(p_prev TEXT, p_canonical TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(p_prev || p_canonical, 'UTF8')), 'hex')
$$;

-- Backfill the rows written before this migration, in id order (the order they were written in).
ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only";
DO $$
DECLARE
  r RECORD;
  n BIGINT := 0;
  prev TEXT := repeat('0', 64);
  h TEXT;
BEGIN
  FOR r IN SELECT * FROM "AuditLog" ORDER BY "id" LOOP
    n := n + 1;
    h := "audit_log_link"(prev, "audit_log_canonical"(n, r."id", r."at", r."actorId", r."actor", r."ip",
      r."action", r."entity", r."entityId", r."before", r."after", r."reason"));
    UPDATE "AuditLog" SET "chainSeq" = n, "prevHash" = prev, "hash" = h WHERE "id" = r."id";
    prev := h;
  END LOOP;
  INSERT INTO "AuditChainTip" ("id", "seq", "hash") VALUES (1, n, prev);
END
$$;
ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";

ALTER TABLE "AuditLog" ALTER COLUMN "chainSeq" SET NOT NULL,
ALTER COLUMN "hash" SET NOT NULL,
ALTER COLUMN "prevHash" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_chainSeq_key" ON "AuditLog"("chainSeq");

-- The tip is locked and read once per transaction; the transaction's later rows continue from transaction-local
-- settings (which a rolled-back savepoint reverts together with its rows and its row lock), and the tip row is
-- written once per statement, so a bulk INSERT of 1,000 rows costs 1,000 hashes, not 1,000 updates of one row.
CREATE FUNCTION "audit_log_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tip_seq BIGINT;
  tip_hash TEXT;
BEGIN
  IF current_setting('keystone.audit_tip_xid', true) IS DISTINCT FROM txid_current()::text THEN
    -- Under READ COMMITTED, FOR UPDATE waits for a concurrent writer to commit and then reads its tip; under
    -- REPEATABLE READ it fails with a serialization error instead. Either way the chain cannot fork.
    SELECT "seq", "hash" INTO tip_seq, tip_hash FROM "AuditChainTip" WHERE "id" = 1 FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'AuditChainTip has no row: the audit chain cannot continue' USING ERRCODE = 'data_corrupted';
    END IF;
    PERFORM set_config('keystone.audit_tip_xid', txid_current()::text, true);
  ELSE
    tip_seq := current_setting('keystone.audit_tip_seq')::bigint;
    tip_hash := current_setting('keystone.audit_tip_hash');
  END IF;
  NEW."chainSeq" := tip_seq + 1;
  NEW."prevHash" := tip_hash;
  NEW."hash" := "audit_log_link"(tip_hash, "audit_log_canonical"(NEW."chainSeq", NEW."id", NEW."at",
    NEW."actorId", NEW."actor", NEW."ip", NEW."action", NEW."entity", NEW."entityId", NEW."before", NEW."after",
    NEW."reason"));
  PERFORM set_config('keystone.audit_tip_seq', NEW."chainSeq"::text, true);
  PERFORM set_config('keystone.audit_tip_hash', NEW."hash", true);
  RETURN NEW;
END
$$;

CREATE FUNCTION "audit_log_chain_tip"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('keystone.audit_tip_xid', true) IS NOT DISTINCT FROM txid_current()::text THEN
    UPDATE "AuditChainTip"
       SET "seq" = current_setting('keystone.audit_tip_seq')::bigint, "hash" = current_setting('keystone.audit_tip_hash')
     WHERE "id" = 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "AuditLog_chain"
  BEFORE INSERT ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_chain"();

CREATE TRIGGER "AuditLog_chain_tip"
  AFTER INSERT ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_chain_tip"();
