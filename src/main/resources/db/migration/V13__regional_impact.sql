-- Regional-impact eligibility of MULTIPROVINCIAL projects, decided at load time by the DMN decision
-- impacto-regional (processes/impacto-regional.dmn); NULL for provincial projects.
ALTER TABLE project ADD COLUMN regional_impact BOOLEAN;
ALTER TABLE project ADD COLUMN regional_impact_reason VARCHAR(300);
