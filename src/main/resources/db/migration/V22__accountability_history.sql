-- Accountability of the last ten cycles: the portal reads each project's latest quarterly report (accrued amount,
-- physical progress), also for the earlier cycles loaded from files by the planning office (100,000s of reports).
-- Historical rounds (monitoring_round.status = 'HISTORICA', no process instance) need no schema change.
CREATE INDEX monitoring_report_project_quarter ON monitoring_report (project_id, quarter);
