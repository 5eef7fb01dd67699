-- Training in time order (issue 21). Sessions planned on a non-working day (weekend, national holiday, declared
-- non-working day) are flagged to the planning office, which confirms them: who confirmed and when is kept with the
-- edition (shown to regional management and on the staff page). Certificates are issued only after the last
-- session and, where the edition has one, after the evaluation: when its marks were recorded.
ALTER TABLE training_edition ADD COLUMN non_working_confirmed_by VARCHAR(64);
ALTER TABLE training_edition ADD COLUMN non_working_confirmed_at TIMESTAMP;
ALTER TABLE training_edition ADD COLUMN evaluation_recorded_at TIMESTAMP;
