-- The project an idea is merged into, when the technical team answers "se fusiona con un proyecto existente" (issue 19).
ALTER TABLE project_idea ADD COLUMN merged_into_cui VARCHAR(7);
