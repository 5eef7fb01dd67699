-- monitoring: the unit's reason when the figures it reports differ from the national investment system's (the
-- progress form asks for it then; issue 23).
ALTER TABLE monitoring_report ADD COLUMN national_note VARCHAR(1000);
