package pe.gob.regioncajamarca.participa.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The typed payloads write exactly the bytes the untyped maps of earlier versions wrote (so the chain of a ledger
 * written before keeps its hashes) and read back into the same values.
 */
class LedgerPayloadTest {

    @Test
    void everyKindHasItsType() {
        List<String> kinds = new ArrayList<>();
        for (Field f : LedgerKinds.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    kinds.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(LedgerPayload.TYPES.keySet()).containsExactlyInAnyOrderElementsOf(kinds);
        assertThat(LedgerKinds.LABELS.keySet()).containsExactlyInAnyOrderElementsOf(kinds);
    }

    @Test
    void aProgrammeIsWrittenAsBeforeAndReadBack() {
        LedgerPayload.ProgrammeLoaded typed = new LedgerPayload.ProgrammeLoaded(List.of(
                new LedgerPayload.Programmed("2001", "MULTIPROVINCIAL", new BigDecimal("3500000.50"),
                        Set.of("060101", "060201", "060301"), true, null, 2),
                new LedgerPayload.Programmed("2002", "CAJAMARCA", new BigDecimal("100000"), Set.of("060101"), null,
                        null, null)));
        List<Object> untyped = List.of(
                Ledger.fields("cui", "2001", "ambito", "MULTIPROVINCIAL", "costo", new BigDecimal("3500000.50"),
                        "distritos", new TreeSet<>(Set.of("060101", "060201", "060301")), "impactoRegional", true,
                        "motivoImpacto", null, "versionImpacto", 2),
                Ledger.fields("cui", "2002", "ambito", "CAJAMARCA", "costo", new BigDecimal("100000"),
                        "distritos", new TreeSet<>(Set.of("060101")), "impactoRegional", null, "motivoImpacto", null,
                        "versionImpacto", null));
        String stored = CanonicalJson.of(typed.fields());
        assertThat(stored).isEqualTo(CanonicalJson.of(Ledger.fields("proyectos", untyped)));
        LedgerPayload.ProgrammeLoaded back = (LedgerPayload.ProgrammeLoaded) LedgerPayload
                .read(LedgerKinds.PROGRAMME_LOADED, stored);
        assertThat(back.projects()).hasSize(2);
        assertThat(back.projects().get(0).cost()).isEqualByComparingTo("3500000.5");
        assertThat(back.projects().get(0).districts()).containsExactly("060101", "060201", "060301");
        assertThat(back.projects().get(0).regionalImpact()).isTrue();
        assertThat(back.projects().get(1).regionalImpact()).isNull();
        assertThat(CanonicalJson.of(back.fields())).isEqualTo(stored);
    }

    @Test
    void theOtherKindsAreWrittenAsBefore() {
        TreeMap<String, BigDecimal> scopes = new TreeMap<>();
        scopes.put("CAJAMARCA", new BigDecimal("1000000.00"));
        scopes.put("MULTIPROVINCIAL", null);
        TreeMap<String, String> calendar = new TreeMap<>();
        calendar.put("VOTACION", "2026-05-01/2026-05-15");
        same(new LedgerPayload.CycleOpened("CONVOCATORIA", new BigDecimal("5000000"), 5, scopes, calendar),
                Ledger.fields("fase", "CONVOCATORIA", "presupuesto", new BigDecimal("5000000"), "votosPorAgente", 5,
                        "ambitos", scopes, "calendario", calendar));
        same(new LedgerPayload.PhaseChanged("VOTACION", null), Ledger.fields("fase", "VOTACION", "nota", null));
        same(new LedgerPayload.EarlyClose("VOTACION", "planner", "lluvias"),
                Ledger.fields("fase", "VOTACION", "por", "planner", "motivo", "lluvias"));
        same(new LedgerPayload.Accredited("EXP-1", "ab12"), Ledger.fields("expediente", "EXP-1", "agente", "ab12"));
        same(new LedgerPayload.AccreditationRejected("EXP-1", "ab12", "falta DNI"),
                Ledger.fields("expediente", "EXP-1", "agente", "ab12", "motivo", "falta DNI"));
        TreeMap<String, BigDecimal> scores = new TreeMap<>();
        scores.put("2001", new BigDecimal("55.50"));
        same(new LedgerPayload.TechnicalScores("CAJAMARCA", "puntajes.csv", scores),
                Ledger.fields("ambito", "CAJAMARCA", "archivo", "puntajes.csv", "puntajes", scores));
        same(new LedgerPayload.Vote("ab12"), Ledger.fields("agente", "ab12"));
        same(new LedgerPayload.PaperBallot("ab12", 7L, "CHOTA", LocalDate.of(2026, 5, 3), "0042",
                        List.of("2001", "2002"), List.of("ana", "beto")),
                Ledger.fields("agente", "ab12", "taller", 7L, "provincia", "CHOTA", "fecha", LocalDate.of(2026, 5, 3),
                        "cedula", "0042", "proyectos", List.of("2001", "2002"), "digitadoPor", List.of("ana", "beto")));
        TreeMap<String, List<Integer>> counted = new TreeMap<>();
        counted.put("2001", List.of(3, 1, 4));
        same(new LedgerPayload.VotesCounted(counted, List.of("0043")),
                Ledger.fields("votos", counted, "cedulasNoContadas", List.of("0043")));
        same(new LedgerPayload.Prioritisation(List.of(new LedgerPayload.Ranked("2001", "CAJAMARCA",
                        new BigDecimal("20.0000"), new BigDecimal("64.4000"), 1, true, null))),
                Ledger.fields("resultados", List.of(Ledger.fields("cui", "2001", "ambito", "CAJAMARCA",
                        "puntajeVotos", new BigDecimal("20.0000"), "puntajeTotal", new BigDecimal("64.4000"),
                        "puesto", 1, "priorizado", true, "motivo", null))));
        same(new LedgerPayload.ResultsApproved("manager", "conforme"),
                Ledger.fields("por", "manager", "observaciones", "conforme"));
        same(new LedgerPayload.NewsPublished(3L, "Votación abierta", "admin"),
                Ledger.fields("noticia", 3L, "titulo", "Votación abierta", "por", "admin"));
        same(new LedgerPayload.NewsWithdrawn(3L, "Votación abierta", "admin"),
                Ledger.fields("noticia", 3L, "titulo", "Votación abierta", "por", "admin"));
        // the read-only legacy kind reads what the typed tallies wrote
        LedgerPayload.WorkshopTally tally = (LedgerPayload.WorkshopTally) LedgerPayload
                .read(LedgerKinds.WORKSHOP_TALLY, "{\"taller\":1,\"votos\":{\"2001\":12,\"2002\":3}}");
        assertThat(tally.votes()).containsEntry("2001", 12).containsEntry("2002", 3);
    }

    private static void same(LedgerPayload typed, java.util.Map<String, Object> untyped) {
        String stored = CanonicalJson.of(typed.fields());
        assertThat(stored).as(typed.kind()).isEqualTo(CanonicalJson.of(untyped));
        LedgerPayload back = LedgerPayload.read(typed.kind(), stored);
        assertThat(back.getClass()).isEqualTo(typed.getClass());
        assertThat(CanonicalJson.of(back.fields())).as(typed.kind() + " read back").isEqualTo(stored);
    }
}
