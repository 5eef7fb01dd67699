-- The technical team's comment on each project's score (the criteria scores and comment are kept).
ALTER TABLE project ADD COLUMN technical_comment VARCHAR(1000);
