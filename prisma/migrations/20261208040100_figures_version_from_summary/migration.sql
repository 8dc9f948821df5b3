-- The figures version moves when a figure moves, not with every write to a report. A report's own bump is
-- replaced by the same deferred bump on the summary tables (migration 20261208040000_plan_summary): their upkeep
-- writes a row only when one of its figures changed, so a draft autosave that changes no official or submitted
-- figure (its texts, a draft amount counted on neither basis) leaves the version, and every cached dashboard, in
-- place, while a submit, an approval, a return, a reopening or a new report moves it.
DROP TRIGGER "figures_changed" ON "MonthlyReport";

CREATE CONSTRAINT TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE ON "PlanSummary"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keystone_figures_changed"();
CREATE CONSTRAINT TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE ON "PlanMonthSummary"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keystone_figures_changed"();
