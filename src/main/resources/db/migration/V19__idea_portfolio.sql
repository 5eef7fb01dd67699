-- The investment code (CUI) an idea got when the planning office incorporated it into the portfolio: its author
-- hears when that project is prioritised and when its execution status changes
ALTER TABLE project_idea ADD COLUMN assigned_cui VARCHAR(7);
