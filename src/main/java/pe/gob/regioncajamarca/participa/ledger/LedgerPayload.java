package pe.gob.regioncajamarca.participa.ledger;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The content of each kind of ledger entry, typed: the one definition of its keys (the {@link JsonProperty} names,
 * in Spanish as the public page and the published log show them), used by the modules that write entries
 * ({@link Ledger#append(Integer, String, LedgerPayload)}) and by the integrity check that reads them back
 * ({@link #read}). The stored form is {@link CanonicalJson} of {@link #fields()}, byte for byte what the untyped
 * maps of earlier versions gave, so entries written before keep their hashes.
 *
 * <p>A payload never carries personal data: agents appear as {@link Ledger#pseudonym}s.
 */
public sealed interface LedgerPayload {

    /** The entry's kind ({@link LedgerKinds}). */
    String kind();

    /** The canonical content: each component under its published name, nested records as objects. */
    default Map<String, Object> fields() {
        return asMap((Record) this);
    }

    /** A payload as stored (its canonical JSON), read back into its type; unknown keys are ignored. */
    static LedgerPayload read(String kind, String payload) {
        Class<? extends LedgerPayload> type = TYPES.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("Tipo de asiento desconocido: " + kind);
        }
        try {
            return Json.READER.forType(type).readValue(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Asiento " + kind + " ilegible: " + e.getMessage(), e);
        }
    }

    /** A cycle opened: its phase, budget, votes per agent, envelope per scope and phase calendar (opens/closes). */
    record CycleOpened(@JsonProperty("fase") String phase, @JsonProperty("presupuesto") BigDecimal budget,
                       @JsonProperty("votosPorAgente") Integer votesPerAgent,
                       @JsonProperty("ambitos") SortedMap<String, BigDecimal> envelopes,
                       @JsonProperty("calendario") SortedMap<String, String> calendar) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.CYCLE_OPENED;
        }
    }

    record PhaseChanged(@JsonProperty("fase") String phase, @JsonProperty("nota") String note)
            implements LedgerPayload {
        public String kind() {
            return LedgerKinds.PHASE_CHANGED;
        }
    }

    record EarlyClose(@JsonProperty("fase") String phase, @JsonProperty("por") String by,
                      @JsonProperty("motivo") String reason) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.EARLY_CLOSE;
        }
    }

    record Accredited(@JsonProperty("expediente") String fileNumber, @JsonProperty("agente") String agent)
            implements LedgerPayload {
        public String kind() {
            return LedgerKinds.ACCREDITED;
        }
    }

    record AccreditationRejected(@JsonProperty("expediente") String fileNumber, @JsonProperty("agente") String agent,
                                 @JsonProperty("motivo") String reason) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.ACCREDITATION_REJECTED;
        }
    }

    /** What the prioritisation needs of each project of the investment programme. */
    record ProgrammeLoaded(@JsonProperty("proyectos") List<Programmed> projects) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.PROGRAMME_LOADED;
        }
    }

    /** One project of the programme: districts sorted; the regional-impact decision for MULTIPROVINCIAL ones. */
    record Programmed(@JsonProperty("cui") String cui, @JsonProperty("ambito") String scope,
                      @JsonProperty("costo") BigDecimal cost, @JsonProperty("distritos") Set<String> districts,
                      @JsonProperty("impactoRegional") Boolean regionalImpact,
                      @JsonProperty("motivoImpacto") String impactReason,
                      @JsonProperty("versionImpacto") Integer impactVersion) {
        public Programmed {
            districts = districts == null ? new TreeSet<>() : new TreeSet<>(districts);
        }
    }

    record TechnicalScores(@JsonProperty("ambito") String scope, @JsonProperty("archivo") String file,
                           @JsonProperty("puntajes") SortedMap<String, BigDecimal> scores) implements LedgerPayload {
        public TechnicalScores {
            scores = scores == null ? new TreeMap<>() : new TreeMap<>(scores);
        }

        public String kind() {
            return LedgerKinds.TECHNICAL_SCORES;
        }
    }

    /** An online vote for the entry's subject (a CUI). */
    record Vote(@JsonProperty("agente") String agent) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.VOTE;
        }
    }

    /** A workshop's typed tally of the model before V38 (read only: cycles counted then keep theirs). */
    record WorkshopTally(@JsonProperty("votos") SortedMap<String, Integer> votes) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.WORKSHOP_TALLY;
        }
    }

    /** A counted paper ballot of a workshop: the agent as a pseudonym, the projects marked, who entered it. */
    record PaperBallot(@JsonProperty("agente") String agent, @JsonProperty("taller") Long workshop,
                       @JsonProperty("provincia") String province, @JsonProperty("fecha") LocalDate heldOn,
                       @JsonProperty("cedula") String sheet, @JsonProperty("proyectos") List<String> projects,
                       @JsonProperty("digitadoPor") List<String> enteredBy) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.PAPER_BALLOT;
        }
    }

    /** The final count: per CUI [online, workshops, total]; the paper sheets that did not count. */
    record VotesCounted(@JsonProperty("votos") SortedMap<String, List<Integer>> votes,
                        @JsonProperty("cedulasNoContadas") List<String> uncounted) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.VOTES_COUNTED;
        }
    }

    record Prioritisation(@JsonProperty("resultados") List<Ranked> results) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.PRIORITISATION;
        }
    }

    /** One project's result of the prioritisation. */
    record Ranked(@JsonProperty("cui") String cui, @JsonProperty("ambito") String scope,
                  @JsonProperty("puntajeVotos") BigDecimal voteScore, @JsonProperty("puntajeTotal") BigDecimal totalScore,
                  @JsonProperty("puesto") Integer rank, @JsonProperty("priorizado") boolean prioritized,
                  @JsonProperty("motivo") String reason) {
    }

    record ResultsApproved(@JsonProperty("por") String by, @JsonProperty("observaciones") String note)
            implements LedgerPayload {
        public String kind() {
            return LedgerKinds.RESULTS_APPROVED;
        }
    }

    record NewsPublished(@JsonProperty("noticia") Long item, @JsonProperty("titulo") String title,
                         @JsonProperty("por") String by) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.NEWS_PUBLISHED;
        }
    }

    record NewsWithdrawn(@JsonProperty("noticia") Long item, @JsonProperty("titulo") String title,
                         @JsonProperty("por") String by) implements LedgerPayload {
        public String kind() {
            return LedgerKinds.NEWS_WITHDRAWN;
        }
    }

    /** The type of each kind, for {@link #read}. */
    Map<String, Class<? extends LedgerPayload>> TYPES = Map.ofEntries(
            Map.entry(LedgerKinds.CYCLE_OPENED, CycleOpened.class),
            Map.entry(LedgerKinds.PHASE_CHANGED, PhaseChanged.class),
            Map.entry(LedgerKinds.EARLY_CLOSE, EarlyClose.class),
            Map.entry(LedgerKinds.ACCREDITED, Accredited.class),
            Map.entry(LedgerKinds.ACCREDITATION_REJECTED, AccreditationRejected.class),
            Map.entry(LedgerKinds.PROGRAMME_LOADED, ProgrammeLoaded.class),
            Map.entry(LedgerKinds.TECHNICAL_SCORES, TechnicalScores.class),
            Map.entry(LedgerKinds.VOTE, Vote.class),
            Map.entry(LedgerKinds.WORKSHOP_TALLY, WorkshopTally.class),
            Map.entry(LedgerKinds.PAPER_BALLOT, PaperBallot.class),
            Map.entry(LedgerKinds.VOTES_COUNTED, VotesCounted.class),
            Map.entry(LedgerKinds.PRIORITISATION, Prioritisation.class),
            Map.entry(LedgerKinds.RESULTS_APPROVED, ResultsApproved.class),
            Map.entry(LedgerKinds.NEWS_PUBLISHED, NewsPublished.class),
            Map.entry(LedgerKinds.NEWS_WITHDRAWN, NewsWithdrawn.class));

    /** A record as a map of its components under their {@link JsonProperty} names, nested records and lists too. */
    private static Map<String, Object> asMap(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            JsonProperty name = c.getAnnotation(JsonProperty.class);
            if (name == null) {
                name = c.getAccessor().getAnnotation(JsonProperty.class);
            }
            try {
                m.put(name == null ? c.getName() : name.value(), value(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static Object value(Object v) {
        if (v instanceof Record nested) {
            return asMap(nested);
        }
        if (v instanceof Collection<?> c && c.stream().anyMatch(x -> x instanceof Record)) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(value(x)));
            return out;
        }
        return v;
    }

    /** The reader of stored payloads (decimals exact, dates ISO). */
    final class Json {
        static final ObjectReader READER = JsonMapper.builder().findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build().reader();

        private Json() {
        }
    }
}
