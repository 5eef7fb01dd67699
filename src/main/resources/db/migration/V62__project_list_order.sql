-- The portal's project list (/proyectos) filters a cycle's projects by scope and pages them in the order
-- scope, name, CUI. With only UNIQUE (cycle_year, cui) the list and its count read every project of the cycle, and on
-- a database with ten cycles that was twice the blocks of a one-cycle database (docs/performance.md). This index
-- gives a cycle's projects of one scope, already in the page's order.
CREATE INDEX project_cycle_scope_order ON project (cycle_year, scope, name, cui);
