-- Issue 10, benchmark 7 (portal at 32 clients): a project's public page looks its project up by CUI alone (its
-- quarterly progress, across cycles) and its alerts and oversight reports by project id; the existing keys begin
-- with other columns (UNIQUE (cycle_year, cui), UNIQUE (quarter, project_id, code), PRIMARY KEY (report_id,
-- project_id)), so each of these read the whole table.
CREATE INDEX project_cui ON project (cui);
CREATE INDEX monitoring_alert_project ON monitoring_alert (project_id);
CREATE INDEX oversight_report_project_project ON oversight_report_project (project_id);
