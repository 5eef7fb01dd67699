-- What the citizen proposes, in their own words (issue 19: the idea form had no description, and the technical team
-- assessed a title alone).
ALTER TABLE project_idea ADD COLUMN description VARCHAR(2000);
