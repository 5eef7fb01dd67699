-- The money of a quarterly report as executing units report it (domain.md, issue 21):
--   financial_execution  accrued to date since the project began (devengado acumulado), as before
--   accrued_year         accrued this year (devengado del año)                       (new)
--   current_budget       the year's PIM, as before
--   updated_cost         the project's updated total cost                            (new)
-- Earlier reports asked for neither new figure: they stay NULL (shown as "—"), and financial execution (%) of those
-- reports is measured against the project's cost in the cycle (monitoring.FinancialExecution), as it is for every
-- report without an updated cost. The history files carry neither either.
ALTER TABLE monitoring_report ADD COLUMN accrued_year NUMERIC(15,2);
ALTER TABLE monitoring_report ADD COLUMN updated_cost NUMERIC(15,2);
