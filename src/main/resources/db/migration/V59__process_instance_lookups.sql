-- Each process's delegates and listeners find their record by the engine's process instance id (a complaint, an
-- agent's registration, an idea, an oversight report, a training edition, a task's escalations). Without an index
-- every lookup read the whole table, which grows every year: on the generator's database 0.72 ms a lookup on the
-- 5,000 complaints of one year (two lookups a complaint), about ten times that on ten years.
CREATE INDEX complaint_process_instance ON complaint (process_instance_id);
CREATE INDEX agent_registration_process_instance ON agent_registration (process_instance_id);
CREATE INDEX project_idea_process_instance ON project_idea (process_instance_id);
CREATE INDEX oversight_report_process_instance ON oversight_report (process_instance_id);
CREATE INDEX training_edition_process_instance ON training_edition (process_instance_id);
CREATE INDEX task_escalation_process_instance ON task_escalation (process_instance_id);

-- The entries still to seal, oldest first (Ledger.sealNow takes them in batches): the year-end seal of the
-- generator's year took 30 ms a batch, sorting every unsealed entry of the year for each batch.
CREATE INDEX ledger_entry_unsealed ON ledger_entry (seq_no, id);
