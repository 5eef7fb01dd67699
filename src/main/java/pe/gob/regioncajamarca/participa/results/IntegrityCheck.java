package pe.gob.regioncajamarca.participa.results;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.projects.Projects;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;


import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.Prioritisation;
import pe.gob.regioncajamarca.participa.cycle.RegionalImpact;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;
import pe.gob.regioncajamarca.participa.voting.VotingService;

/**
 * The check behind {@code /registro-de-integridad} and {@code --participa.ledger.verify}: seals what is pending,
 * walks the hash chain ({@link Ledger#verify()}), and for each cycle recomputes from the ledger's entries alone the
 * votes per project (online votes, counted paper ballots and the workshop tallies of cycles counted before V38),
 * the technical scores and the prioritisation (the 80/20 rule applied to the programme, scores, votes and envelopes
 * as logged, ranked on exact totals) and compares them with what the database stores and the portal publishes. A
 * MULTIPROVINCIAL project's eligibility is decided again by the DMN {@code impacto-regional} ({@link RegionalImpact},
 * the version logged with the programme) from its logged cost and districts; a logged decision that does not follow
 * from them is a difference.
 */
@Service
public class IntegrityCheck {

    static final int MAX_DIFFERENCES = 25;
    static final int CYCLES_ON_PAGE = 10;

    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final VotingService voting;
    private final Duration maxAge;
    private final RegionalImpact regionalImpact;
    private Report cached;

    private final Projects projects;

    public IntegrityCheck(Ledger ledger, JdbcClient jdbc, CycleService cycles, VotingService voting,
                          @Value("${participa.ledger.check-max-age:5m}") Duration maxAge,
                          RegionalImpact regionalImpact, Projects projects) {
        this.projects = projects;
        this.regionalImpact = regionalImpact;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.voting = voting;
        this.maxAge = maxAge;
    }

    /** CONFORME: the stored results follow from the log; NO_CONFORME: they differ; SIN_REGISTRO: nothing logged. */
    public record CycleCheck(int year, String status, String summary, int loggedVotes, List<String> differences,
                             int moreDifferences) {
        public boolean conforming() {
            return !"NO_CONFORME".equals(status);
        }
    }

    public record Report(Ledger.ChainCheck chain, Map<String, Long> entriesByKind, List<Ledger.Entry> latest,
                         List<CycleCheck> cycles) {
        public boolean allGood() {
            return chain.intact() && cycles.stream().allMatch(CycleCheck::conforming);
        }

        public long entries() {
            return entriesByKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The last report if younger than {@code participa.ledger.check-max-age}, else a new one (the public page). */
    public synchronized Report latest() {
        if (cached == null || cached.chain().checkedAt().plus(maxAge).isBefore(Now.instant())) {
            cached = run();
        }
        return cached;
    }

    /** Seals, walks the chain and checks the newest cycles now. */
    public synchronized Report run() {
        ledger.sealNow();
        Ledger.ChainCheck chain = ledger.verify();
        List<CycleCheck> checks = cycles.years().stream().limit(CYCLES_ON_PAGE).map(this::check).toList();
        cached = new Report(chain, ledger.countByKind(), ledger.latest(15), checks);
        return cached;
    }

    private record Stored(String cui, String scope, BigDecimal cost, BigDecimal technical, Integer online,
                          Integer workshop, Integer votes, BigDecimal totalScore, Integer rank, Boolean prioritized) {
    }

    private record Programmed(String cui, String scope, BigDecimal cost, Set<String> districts, Boolean impact,
                              String impactReason, Integer impactVersion) {
    }

    /** Whether a cycle's stored votes, scores and results follow from the ledger. */
    public CycleCheck check(int year) {
        List<String> diffs = new ArrayList<>();
        Map<String, Stored> stored = new LinkedHashMap<>();
        projects.inCycle(year).stream()
                .sorted(java.util.Comparator.comparing(Projects.Project::scope).thenComparing(Projects.Project::cui))
                .forEach(p -> stored.put(p.cui(), new Stored(p.cui(), p.scope(), p.cost(), p.technicalScore(),
                        p.onlineVotes(), p.workshopVotes(), p.votes(), p.totalScore(), p.rank(), p.prioritized())));
        // the vote table by channel (online, paper): one ballot per agent whatever the channel (V38)
        Map<String, Integer> liveVotes = new HashMap<>();
        Map<String, Integer> livePaper = new HashMap<>();
        voting.liveCountsByChannel(year).forEach((cui, n) -> {
            liveVotes.put(cui, n[0]);
            livePaper.put(cui, n[1]);
        });
        Map<String, Integer> loggedVotes = ledger.countBySubject(year, LedgerKinds.VOTE);

        Map<String, Programmed> programme = new LinkedHashMap<>();
        Map<String, BigDecimal> technical = new HashMap<>();
        Map<String, Integer> workshopVotes = new HashMap<>();
        Map<String, Integer> paperVotes = new HashMap<>();
        Map<String, BigDecimal> envelopes = null;
        List<LedgerPayload.Ranked> prioritisation = null;
        List<Ledger.Entry> entries = ledger.entriesOf(year, LedgerKinds.CYCLE_OPENED, LedgerKinds.PROGRAMME_LOADED,
                LedgerKinds.TECHNICAL_SCORES, LedgerKinds.WORKSHOP_TALLY, LedgerKinds.PAPER_BALLOT,
                LedgerKinds.PRIORITISATION);
        for (Ledger.Entry e : entries) {
            LedgerPayload p = LedgerPayload.read(e.kind(), e.payload());
            if (p instanceof LedgerPayload.CycleOpened opened) {
                envelopes = new TreeMap<>();
                for (Map.Entry<String, BigDecimal> s : opened.envelopes().entrySet()) {
                    envelopes.put(s.getKey(), s.getValue() == null ? BigDecimal.ZERO : s.getValue());
                }
            } else if (p instanceof LedgerPayload.ProgrammeLoaded loaded) {
                loaded.projects().forEach(x -> programme.put(x.cui(), new Programmed(x.cui(), x.scope(), x.cost(),
                        new TreeSet<>(x.districts()), x.regionalImpact(), x.impactReason(), x.impactVersion())));
            } else if (p instanceof LedgerPayload.TechnicalScores scores) {
                technical.putAll(scores.scores());
            } else if (p instanceof LedgerPayload.WorkshopTally tally) {
                // typed tallies of the model before V38 (cycles counted then)
                tally.votes().forEach((cui, n) -> workshopVotes.merge(cui, n, Integer::sum));
            } else if (p instanceof LedgerPayload.PaperBallot ballot) {
                ballot.projects().forEach(c -> {
                    workshopVotes.merge(c, 1, Integer::sum);
                    paperVotes.merge(c, 1, Integer::sum);
                });
            } else if (p instanceof LedgerPayload.Prioritisation run) {
                prioritisation = run.results();
            }
        }
        int votesInLog = loggedVotes.values().stream().mapToInt(Integer::intValue).sum();
        // a cycle loaded from history files (or older than the ledger) has at most its opening in the log
        if (entries.stream().allMatch(e -> LedgerKinds.CYCLE_OPENED.equals(e.kind())) && loggedVotes.isEmpty()) {
            return new CycleCheck(year, "SIN_REGISTRO", "Sin programa, puntajes, votos ni resultados en el registro "
                    + "(ciclo anterior al registro, cargado desde archivos o que aún no los tiene): nada que comprobar.", 0, List.of(), 0);
        }

        // votes: the vote table and the published counts against the logged votes
        Set<String> cuis = new TreeSet<>(stored.keySet());
        cuis.addAll(liveVotes.keySet());
        cuis.addAll(loggedVotes.keySet());
        cuis.addAll(paperVotes.keySet());
        for (String cui : cuis) {
            int logged = loggedVotes.getOrDefault(cui, 0);
            int live = liveVotes.getOrDefault(cui, 0);
            if (live != logged) {
                diffs.add("Proyecto " + cui + ": " + live + " votos en línea en la base de datos y " + logged
                        + " en el registro.");
            }
            int paperLogged = paperVotes.getOrDefault(cui, 0);
            int paperLive = livePaper.getOrDefault(cui, 0);
            if (paperLive != paperLogged) {
                diffs.add("Proyecto " + cui + ": " + paperLive + " votos en papel en la base de datos y " + paperLogged
                        + " en las cédulas registradas.");
            }
            Stored s = stored.get(cui);
            if (s == null) {
                continue;
            }
            if (s.online() != null && s.online() != logged) {
                diffs.add("Proyecto " + cui + ": el conteo publicado dice " + s.online() + " votos en línea; el "
                        + "registro tiene " + logged + ".");
            }
            int workshop = workshopVotes.getOrDefault(cui, 0);
            if (s.workshop() != null && s.workshop() != workshop) {
                diffs.add("Proyecto " + cui + ": el conteo publicado dice " + s.workshop() + " votos de talleres; las "
                        + "actas registradas suman " + workshop + ".");
            }
            if (s.votes() != null && s.votes() != logged + workshop) {
                diffs.add("Proyecto " + cui + ": el total publicado es " + s.votes() + " votos; según el registro "
                        + "son " + (logged + workshop) + ".");
            }
            BigDecimal score = technical.get(cui);
            if (!sameNumber(score, s.technical())) {
                diffs.add("Proyecto " + cui + ": puntaje técnico " + plain(s.technical()) + " en la base de datos y "
                        + (score == null ? "ninguno" : plain(score)) + " en el registro.");
            }
        }

        // the prioritisation recomputed from the log
        boolean storedResults = stored.values().stream().anyMatch(s -> s.rank() != null || s.prioritized() != null);
        String summary;
        if (prioritisation == null && !storedResults) {
            summary = "Aún sin priorización; " + votesInLog + " votos en el registro.";
        } else if (prioritisation == null) {
            diffs.add("Hay resultados de priorización publicados pero ninguno en el registro.");
            summary = "Resultados publicados sin respaldo en el registro.";
        } else {
            List<Prioritisation.Candidate> candidates = new ArrayList<>();
            Map<Integer, RegionalImpact.Rule> rules = new HashMap<>();
            for (Stored s : stored.values()) {
                Programmed p = programme.get(s.cui());
                if (p == null) {
                    diffs.add("Proyecto " + s.cui() + ": no figura en el programa de inversiones registrado.");
                    p = new Programmed(s.cui(), s.scope(), s.cost(), Set.of(), null, null, null);
                }
                RegionalImpact.Decision impact = null;
                if (Scopes.MULTIPROVINCIAL.equals(p.scope())) {
                    impact = rules.computeIfAbsent(p.impactVersion(), regionalImpact::version)
                            .decide(p.cost(), p.districts());
                    // an entry logged without the table's version (before it was logged) is compared on eligibility only
                    if (p.impact() != null && (p.impact() != impact.eligible() || p.impactVersion() != null
                            && !Objects.equals(p.impactReason(), impact.reason()))) {
                        diffs.add("Proyecto " + s.cui() + ": el programa registrado dice «" + p.impactReason()
                                + "», pero la decisión impacto-regional con su costo y distritos registrados da «"
                                + impact.reason() + "».");
                    }
                }
                candidates.add(new Prioritisation.Candidate(p.cui(), p.scope(), p.cost(),
                        technical.getOrDefault(p.cui(), BigDecimal.ZERO),
                        loggedVotes.getOrDefault(p.cui(), 0) + workshopVotes.getOrDefault(p.cui(), 0), p.districts(),
                        impact));
            }
            Map<String, BigDecimal> split = envelopes;
            if (split == null) {
                diffs.add("El registro no tiene la apertura del ciclo (los montos por ámbito).");
                split = cycles.find(year).map(CycleService::splitOf).orElse(Map.of());
            }
            Map<String, Prioritisation.Result> recomputed = new HashMap<>();
            Prioritisation.apply(candidates, split).forEach(r -> recomputed.put(r.cui(), r));
            Map<String, LedgerPayload.Ranked> logged = new HashMap<>();
            prioritisation.forEach(r -> logged.put(r.cui(), r));
            for (Stored s : stored.values()) {
                Prioritisation.Result r = recomputed.get(s.cui());
                if (!Objects.equals(r.rank(), s.rank()) || !Objects.equals(r.prioritized(), s.prioritized())
                        || !sameNumber(r.totalScore(), s.totalScore())) {
                    diffs.add("Proyecto " + s.cui() + ": publicado puesto " + s.rank() + ", " + yesNo(s.prioritized())
                            + ", puntaje " + plain(s.totalScore()) + "; según el registro puesto " + r.rank() + ", "
                            + yesNo(r.prioritized()) + ", puntaje " + plain(r.totalScore()) + ".");
                }
                LedgerPayload.Ranked l = logged.get(s.cui());
                if (l == null || !Objects.equals(l.rank(), r.rank()) || l.prioritized() != r.prioritized()) {
                    diffs.add("Proyecto " + s.cui() + ": la priorización registrada no coincide con la que se "
                            + "desprende de los votos y puntajes registrados.");
                }
            }
            summary = diffs.isEmpty()
                    ? "Los votos, puntajes y resultados publicados se desprenden del registro (" + votesInLog
                            + " votos en línea, " + stored.size() + " proyectos)."
                    : "Los datos publicados no coinciden con el registro.";
        }
        if (!diffs.isEmpty() && prioritisation == null && !storedResults) {
            summary = "Los votos de la base de datos no coinciden con el registro.";
        }
        int more = Math.max(0, diffs.size() - MAX_DIFFERENCES);
        return new CycleCheck(year, diffs.isEmpty() ? "CONFORME" : "NO_CONFORME", summary, votesInLog,
                List.copyOf(diffs.subList(0, Math.min(diffs.size(), MAX_DIFFERENCES))), more);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "ninguno" : d.stripTrailingZeros().toPlainString();
    }

    private static String yesNo(Boolean prioritized) {
        return prioritized == null ? "sin resultado" : prioritized ? "priorizado" : "no priorizado";
    }
}
