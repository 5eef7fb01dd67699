package pe.gob.regioncajamarca.participa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, faults: PostgreSQL stopped and started again while 40 accredited agents vote through the packaged
 * application (a separate OS process, profile postgres) from 6 client threads, each with its session and CSRF token.
 * Requests caught by the outage get the portal's error page (5xx with the Spanish text) or a refused login, none
 * hangs; the application recovers by itself (health UP, votes registered again, same process); every vote answered
 * "Su voto quedó registrado" is in the database, each vote exactly once, and ballots agree with the vote rows.
 */
class DatabaseRestartFaultIT {

    static final int YEAR = 2091;
    static final int AGENTS = 40;
    static final int VOTES = 3;
    static final int THREADS = 6;
    static final Duration OUTAGE = Duration.ofSeconds(8);

    @Test
    void votesSurviveARestartOfPostgres() throws Exception {
        FaultDatabase pg = FaultDatabase.fresh("db-restart");
        String url = pg.url();
        GreenMail smtp = FaultDatabase.smtp();
        // failed logins during the outage must not lock the test's agents out (all come from 127.0.0.1)
        try (AppProcess app = AppProcess.start("db-restart", url, smtp.getSmtp().getPort(), Map.of(
                "participa.security.login-throttle.per-address", "100000",
                "participa.security.login-throttle.per-account", "100000"))) {
            Duration startup = app.awaitHealthy(Duration.ofMinutes(4));
            PortalVoter.seed(url, YEAR, VOTES, 4, AGENTS);
            List<Long> projects = PortalVoter.projects(url, YEAR);

            Map<String, Long> confirmed = new ConcurrentHashMap<>(); // "dni:project" -> nanoTime of the answer
            Set<String> ambiguous = ConcurrentHashMap.newKeySet(); // answered "ya votó" after an error page
            AtomicInteger errorPages = new AtomicInteger();
            AtomicInteger refusedLogins = new AtomicInteger();
            AtomicInteger connectionErrors = new AtomicInteger();
            AtomicInteger hung = new AtomicInteger();
            AtomicInteger requests = new AtomicInteger();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> voters = new ArrayList<>();
            for (int a = 0; a < AGENTS; a++) {
                PortalVoter voter = new PortalVoter(app.base(), PortalVoter.dni(a));
                voters.add(pool.submit(() -> {
                    int done = 0;
                    while (done < VOTES && System.nanoTime() < deadline) {
                        try {
                            if (!voter.loggedIn()) {
                                if (!voter.login()) {
                                    refusedLogins.incrementAndGet();
                                    Thread.sleep(300);
                                    continue;
                                }
                            }
                            long project = projects.get(done);
                            requests.incrementAndGet();
                            switch (voter.vote(project)) {
                                case REGISTERED -> {
                                    confirmed.put(voter.dni + ":" + project, System.nanoTime());
                                    done++;
                                }
                                // a retry of a vote whose answer was lost in the outage: "ya votó" or, for the last
                                // vote of the ballot, "ya usó sus votos" (the ballot is checked before the vote row)
                                case ALREADY_VOTED, USED_UP -> {
                                    ambiguous.add(voter.dni + ":" + project);
                                    done++;
                                }
                                case ERROR_PAGE -> {
                                    errorPages.incrementAndGet();
                                    Thread.sleep(300);
                                }
                                case REFUSED -> throw new AssertionError("vote refused for " + voter.dni + ": " + voter.lastMessage);
                            }
                        } catch (IOException e) {
                            if (PortalVoter.isHang(e)) {
                                hung.incrementAndGet();
                            } else {
                                connectionErrors.incrementAndGet();
                                Thread.sleep(300);
                            }
                        }
                    }
                    return done;
                }));
            }
            while (confirmed.size() < AGENTS * VOTES / 4) {
                Thread.sleep(100);
            }
            int beforeOutage = confirmed.size();
            pg.stop();
            long down = System.nanoTime();
            // during the outage the node reports itself DOWN (a proxy takes it out of service)
            boolean sawDown = false;
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            while (System.nanoTime() - down < OUTAGE.toNanos()) {
                sawDown |= !app.healthy(probe);
                Thread.sleep(500);
            }
            pg.start();
            long up = System.nanoTime();
            Duration healthyAgain = app.awaitHealthy(Duration.ofMinutes(2));
            int agentsDone = 0;
            for (Future<Integer> f : voters) {
                agentsDone += f.get() == VOTES ? 1 : 0;
            }
            pool.shutdown();
            long firstAfter = confirmed.values().stream().filter(t -> t > up).mapToLong(t -> t).min().orElse(-1);
            long afterRestart = confirmed.values().stream().filter(t -> t > up).count();

            String figures = String.format("db-restart: startup %d s; %d agents x %d votes from %d threads, %d vote "
                            + "requests; %d registered before the outage, %d acknowledged in all (%d after the restart), "
                            + "%d ambiguous (error page, then 'ya votó'); %d error pages, %d refused logins, %d "
                            + "connection errors, %d hung; outage %d s, health DOWN seen: %s, health UP %d ms after "
                            + "restart, first vote registered %d ms after restart",
                    startup.toSeconds(), AGENTS, VOTES, THREADS, requests.get(), beforeOutage, confirmed.size(),
                    afterRestart, ambiguous.size(), errorPages.get(), refusedLogins.get(), connectionErrors.get(),
                    hung.get(), OUTAGE.toSeconds(), sawDown, healthyAgain.toMillis(),
                    Duration.ofNanos(firstAfter - up).toMillis());
            System.out.println(figures);
            Files.writeString(Path.of("target/faults/db-restart-figures.txt"), figures + "\n");

            assertThat(hung.get()).as("requests without an answer within 60 s").isZero();
            assertThat(sawDown).as("health reported DOWN during the outage").isTrue();
            assertThat(errorPages.get() + refusedLogins.get()).as("requests caught by the outage").isPositive();
            assertThat(afterRestart).as("votes registered after the restart, same process").isPositive();
            assertThat(app.alive()).isTrue();
            assertThat(agentsDone).as("agents who cast all their votes").isEqualTo(AGENTS);
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                Set<String> stored = new HashSet<>();
                int rows = 0;
                try (var rs = c.createStatement().executeQuery(
                        "SELECT document_number, project_id FROM vote WHERE cycle_year = " + YEAR)) {
                    while (rs.next()) {
                        stored.add(rs.getString(1) + ":" + rs.getLong(2));
                        rows++;
                    }
                }
                assertThat(stored).as("acknowledged votes stored").containsAll(confirmed.keySet());
                assertThat(stored).containsAll(ambiguous);
                assertThat(rows).as("vote rows").isEqualTo(stored.size()).isEqualTo(AGENTS * VOTES);
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM ballot b WHERE cycle_year = "
                        + YEAR + " AND votes_left <> " + VOTES + " - (SELECT COUNT(*) FROM vote v WHERE "
                        + "v.cycle_year = b.cycle_year AND v.document_number = b.document_number)")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("ballots disagreeing with the vote rows").isZero();
                }
            }
        } finally {
            pg.close();
            smtp.stop();
        }
    }
}
