package pe.gob.regioncajamarca.participa.ideas;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;

/**
 * Accredited agents support the ideas of their cycle, once each, while ideas are received and assessed (until
 * the voting opens). The database's primary key (idea, document) makes a double click count once. The count is
 * public; who supported is not.
 */
@Service
class IdeaSupport {

    private final JdbcClient jdbc;
    private final IdeaService ideas;
    private final CycleService cycles;
    private final AccreditationService accreditation;
    private final pe.gob.regioncajamarca.participa.calendar.DueDates dueDates;

    public IdeaSupport(JdbcClient jdbc, IdeaService ideas, CycleService cycles, AccreditationService accreditation,
                       pe.gob.regioncajamarca.participa.calendar.DueDates dueDates) {
        this.dueDates = dueDates;
        this.jdbc = jdbc;
        this.ideas = ideas;
        this.cycles = cycles;
        this.accreditation = accreditation;
    }

    public static class SupportRefused extends pe.gob.regioncajamarca.participa.shared.Refused {
        public SupportRefused(String message) {
            super(message);
        }
    }

    /** Whether the ideas of a cycle can be supported now. */
    public boolean open(int year) {
        return cycles.find(year).map(c -> c.phase() == CyclePhase.IDEAS || c.phase() == CyclePhase.EVALUACION
                || c.window(CyclePhase.IDEAS).filter(w -> w.openOn(dueDates.today())).isPresent()).orElse(false);
    }

    /** Records the support; refused with a message a citizen understands. Returns the idea's new count. */
    @Transactional
    public int support(long ideaId, String documentNumber) {
        IdeaService.Idea idea = ideas.find(ideaId).orElseThrow(() -> new SupportRefused("La idea no existe."));
        if (!open(idea.cycleYear())) {
            throw new SupportRefused("Las ideas del ciclo " + idea.cycleYear()
                    + " se apoyan durante la recepción de ideas y la evaluación técnica; ese plazo no está abierto.");
        }
        if (!accreditation.isAccredited(idea.cycleYear(), documentNumber)) {
            throw new SupportRefused("Solo los agentes participantes acreditados en el ciclo " + idea.cycleYear()
                    + " pueden apoyar ideas.");
        }
        try {
            jdbc.sql("INSERT INTO idea_support (idea_id, document_number, supported_at) VALUES (?, ?, ?)")
                    .params(ideaId, documentNumber, Now.timestamp()).update();
        } catch (DuplicateKeyException e) {
            throw new SupportRefused("Ya apoyó esta idea; cada agente la apoya una sola vez.");
        }
        return count(ideaId);
    }

    public int count(long ideaId) {
        return jdbc.sql("SELECT COUNT(*) FROM idea_support WHERE idea_id = ?").param(ideaId).query(Integer.class)
                .single();
    }

    /** Supports of every idea of a cycle (ideas without support are absent). */
    public Map<Long, Integer> counts(int year) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT s.idea_id, COUNT(*) FROM idea_support s JOIN project_idea i ON i.id = s.idea_id
                WHERE i.cycle_year = ? GROUP BY s.idea_id""").param(year)
                .query((rs, i) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    public Set<Long> supportedBy(String documentNumber, int year) {
        return new HashSet<>(jdbc.sql("""
                SELECT s.idea_id FROM idea_support s JOIN project_idea i ON i.id = s.idea_id
                WHERE i.cycle_year = ? AND s.document_number = ?""").params(year, documentNumber)
                .query(Long.class).list());
    }
}
