package pe.gob.regioncajamarca.participa.voting;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Scopes;

/**
 * The in-person voting workshops of a cycle, registered beforehand by the planning office: province, a date inside
 * the cycle's voting window, venue. Agents without a connection vote there on paper ({@link PaperBallots}).
 */
@Service
public class Workshops {

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final DueDates dueDates;

    public Workshops(JdbcClient jdbc, CycleService cycles, DueDates dueDates) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.dueDates = dueDates;
    }

    /** A workshop with the paper ballots counted so far and the sheets still waiting for a matching entry. */
    public record Workshop(long id, int year, String scope, LocalDate heldOn, String venue, String registeredBy,
                           int counted, int waiting) {
    }

    /** A request refused whole (nothing stored), with every problem in Spanish. */
    public static class Refused extends pe.gob.regioncajamarca.participa.shared.Refused {
        public Refused(List<String> errors) {
            super(errors);
        }
    }

    /** Registers a workshop; returns its id. Refused whole, listing every problem, when anything is wrong. */
    public long register(int year, String scope, LocalDate heldOn, String venue, String staffUser) {
        Cycle cycle = cycles.find(year).orElseThrow(() -> new Refused(List.of("No existe el ciclo " + year + ".")));
        List<String> errors = new ArrayList<>();
        if (cycle.phase().ordinal() > CyclePhase.VOTACION.ordinal()
                || cycle.window(CyclePhase.VOTACION).filter(w -> w.closedEarlyAt() != null).isPresent()) {
            throw new Refused(List.of("La votación del ciclo " + year + " ya terminó: no se registran más talleres."));
        }
        if (scope == null || !Scopes.isValid(scope) || Scopes.MULTIPROVINCIAL.equals(scope)) {
            errors.add("Elija la provincia donde se realiza el taller.");
        }
        String place = venue == null ? "" : venue.strip();
        if (place.length() < 3 || place.length() > 200) {
            errors.add("Escriba el local del taller (de 3 a 200 caracteres), por ejemplo «Auditorio de la "
                    + "Municipalidad Provincial de Chota».");
        }
        Optional<Cycle.PhaseWindow> window = cycle.window(CyclePhase.VOTACION);
        if (heldOn == null) {
            errors.add("Indique la fecha del taller.");
        } else if (window.isEmpty()) {
            errors.add("El ciclo " + year + " no tiene fechas de votación: regístrelas antes de programar talleres.");
        } else if (heldOn.isBefore(window.get().opensOn()) || heldOn.isAfter(window.get().closesOn())) {
            errors.add("La fecha del taller (" + heldOn + ") está fuera de la votación del ciclo " + year
                    + ", del " + window.get().opensOn() + " al " + window.get().closesOn()
                    + ": elija una fecha dentro de ese periodo.");
        } else if (heldOn.isBefore(dueDates.today())) {
            errors.add("La fecha del taller (" + heldOn + ") ya pasó: los talleres se registran antes de realizarse.");
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        try {
            jdbc.sql("INSERT INTO workshop (cycle_year, scope, held_on, venue, registered_by, registered_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(year, scope, heldOn, place, staffUser, Now.timestamp()).update();
        } catch (DataIntegrityViolationException e) {
            if (VotingService.isUniqueViolation(e)) {
                throw new Refused(List.of("Ese taller ya está registrado (misma provincia, fecha y local)."));
            }
            throw e;
        }
        return jdbc.sql("SELECT id FROM workshop WHERE cycle_year = ? AND scope = ? AND held_on = ? AND venue = ?")
                .params(year, scope, heldOn, place).query(Long.class).single();
    }

    /** The workshops of a cycle, by date and province. */
    public List<Workshop> of(int year) {
        return jdbc.sql("SELECT w.id, w.cycle_year, w.scope, w.held_on, w.venue, w.registered_by, "
                        + "(SELECT COUNT(*) FROM ballot b WHERE b.workshop_id = w.id), "
                        + "(SELECT COUNT(DISTINCT e.sheet_no) FROM paper_ballot_entry e WHERE e.workshop_id = w.id "
                        + "AND e.status IN ('PENDIENTE', 'DISCREPANTE')" + PaperBallots.SHEET_NOT_COUNTED + ") "
                        + "FROM workshop w WHERE w.cycle_year = ? ORDER BY w.held_on, w.scope, w.venue")
                .param(year).query((rs, i) -> new Workshop(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    public Optional<Workshop> find(long id) {
        return jdbc.sql("SELECT cycle_year FROM workshop WHERE id = ?").param(id).query(Integer.class).optional()
                .flatMap(year -> of(year).stream().filter(w -> w.id() == id).findFirst());
    }

    /**
     * Typed tallies of the model before V38 (no voter behind them) of a cycle whose voting had not closed: they do
     * not count; listed so that the planning office enters their sheets as paper ballots.
     */
    public List<String> retiredTallies(int year) {
        if (cycles.find(year).filter(c -> c.phase().ordinal() <= CyclePhase.VOTACION.ordinal()).isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT name, scope, held_on FROM workshop_tally WHERE cycle_year = ? ORDER BY held_on, name")
                .param(year).query((rs, i) -> rs.getString(1) + " (" + Scopes.label(rs.getString(2)) + ", "
                        + rs.getObject(3, LocalDate.class) + ")").list();
    }
}
