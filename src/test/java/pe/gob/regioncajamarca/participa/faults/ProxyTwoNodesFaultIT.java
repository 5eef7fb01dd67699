package pe.gob.regioncajamarca.participa.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;

/**
 * Two nodes behind a real nginx (the distribution's, configured as docs/operations.md says: affinity by nginx's own
 * cookie, proxy headers, {@code proxy_next_upstream} for what reached no node, a Spanish page for a node that did not
 * answer) on one PostgreSQL. Agents vote through nginx while anonymous readers walk the portal's pages; node A is
 * killed with kill -9 in the middle. Every acknowledged vote is stored exactly once and every ballot ends used up;
 * every portal page keeps answering 200 (nginx moves the readers of A to B); the agents whose session lived on A are
 * sent to log in again with «Su sesión terminó» (a request in flight when A died may get nginx's Spanish page) and
 * then vote on B; the agents on B see nothing. Skipped when nginx is not installed.
 */
class ProxyTwoNodesFaultIT {

    static final int YEAR = 2093;
    static final int AGENTS = 16;
    static final int VOTES_EACH = 3;
    static final int PROJECTS = 6;
    static final int READERS = 6;

    /** What one agent saw. */
    static final class Agent {
        final PortalVoter voter;
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<Long> registered = new CopyOnWriteArrayList<>();
        volatile String nodeAtStart;

        Agent(PortalVoter voter) {
            this.voter = voter;
        }
    }

    @Test
    void votesAndPagesSurviveANodeBehindNginx() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed (/usr/sbin/nginx, Debian package nginx; .ci/run "
                + "installs it): ProxyTwoNodesFaultIT skipped");
        FaultDatabase pg = FaultDatabase.fresh("proxy-two-nodes");
        String url = pg.url();
        GreenMail smtp = FaultDatabase.smtp();
        try (AppProcess a = AppProcess.start("proxy-node-a", url, smtp.getSmtp().getPort(), TwoNodesFaultIT.config())) {
            a.awaitHealthy(Duration.ofMinutes(4));
            try (AppProcess b = AppProcess.start("proxy-node-b", url, smtp.getSmtp().getPort(),
                    TwoNodesFaultIT.config())) {
                b.awaitHealthy(Duration.ofMinutes(4));
                try (Nginx nginx = Nginx.start("proxy-two-nodes", List.of(a.port, b.port))) {
                    run(url, nginx, a, b);
                }
            }
        } finally {
            pg.close();
            smtp.stop();
        }
    }

    private void run(String url, Nginx nginx, AppProcess a, AppProcess b) throws Exception {
        String nodeA = "127.0.0.1:" + a.port;
        String nodeB = "127.0.0.1:" + b.port;
        PortalVoter.seed(url, YEAR, VOTES_EACH, PROJECTS, AGENTS);
        List<Long> projects = PortalVoter.projects(url, YEAR);

        // every agent logs in through nginx: the cookie participa_nodo spreads them over the two nodes
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            Agent agent = new Agent(new PortalVoter(nginx.base(), PortalVoter.dni(i)));
            assertThat(agent.voter.login()).as("login of agent " + i + " through nginx").isTrue();
            agent.nodeAtStart = agent.voter.node;
            agents.add(agent);
        }
        long onA = agents.stream().filter(g -> nodeA.equals(g.nodeAtStart)).count();
        long onB = agents.stream().filter(g -> nodeB.equals(g.nodeAtStart)).count();
        assertThat(onA + onB).as("every agent's session is on a node").isEqualTo(AGENTS);
        assertThat(onA).as("agents on node A").isPositive();
        assertThat(onB).as("agents on node B").isPositive();

        // anonymous readers of the portal, all the time
        AtomicBoolean reading = new AtomicBoolean(true);
        Map<String, Integer> pageAnswers = new ConcurrentHashMap<>();
        List<String> badPages = new CopyOnWriteArrayList<>();
        Set<String> readerNodes = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(READERS + AGENTS);
        List<Future<?>> readers = new ArrayList<>();
        // half of the readers on each node: a new browser (cookie jar) until nginx puts it where it is wanted
        for (int r = 0; r < READERS; r++) {
            HttpClient browser = reader(nginx.base(), r % 2 == 0 ? nodeA : nodeB);
            readers.add(pool.submit(() -> read(browser, nginx.base(), reading, pageAnswers, badPages, readerNodes)));
        }

        // the agents vote with short pauses; A dies when 20 votes are in, with other votes on their way
        AtomicInteger votes = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(20);
        List<Future<?>> voters = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            Agent agent = agents.get(i);
            int first = i;
            voters.add(pool.submit(() -> {
                for (int v = 0; v < VOTES_EACH; v++) {
                    long project = projects.get((first + v) % PROJECTS);
                    for (int attempt = 0; ; attempt++) {
                        if (attempt > 20) {
                            throw new AssertionError(agent.voter.dni + " could not vote for " + project + ": "
                                    + agent.seen);
                        }
                        if (!agent.voter.loggedIn() && !agent.voter.login()) {
                            agent.seen.add("login refused");
                            Thread.sleep(500);
                            continue;
                        }
                        PortalVoter.Outcome o = agent.voter.vote(project);
                        agent.seen.add(o + "@" + agent.voter.node);
                        if (o == PortalVoter.Outcome.REGISTERED) {
                            agent.registered.add(project);
                        }
                        // a retry of a vote whose answer was lost with node A: "ya votó" or, for the ballot's last
                        // vote, "ya usó sus votos" (the ballot is checked before the vote row); the counts below
                        // show whether it was stored once
                        if (o == PortalVoter.Outcome.REGISTERED || o == PortalVoter.Outcome.ALREADY_VOTED
                                || o == PortalVoter.Outcome.USED_UP) {
                            votes.incrementAndGet();
                            third.countDown();
                            break;
                        }
                        if (o == PortalVoter.Outcome.ERROR_PAGE) {
                            Thread.sleep(500);
                        }
                    }
                    Thread.sleep(ThreadLocalRandom.current().nextInt(100, 800));
                }
                return null;
            }));
        }
        assertThat(third.await(3, TimeUnit.MINUTES)).as("20 votes before the kill").isTrue();
        a.kill();
        int votesAtKill = votes.get();
        for (Future<?> f : voters) {
            f.get(4, TimeUnit.MINUTES);
        }
        // the readers go on a few seconds more on B alone
        Thread.sleep(3000);
        reading.set(false);
        for (Future<?> f : readers) {
            f.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();

        long rows = Staff.count(url, "SELECT COUNT(*) FROM vote WHERE cycle_year = " + YEAR);
        long distinctRows = Staff.count(url, "SELECT COUNT(*) FROM (SELECT DISTINCT document_number, project_id "
                + "FROM vote WHERE cycle_year = " + YEAR + ") d");
        List<String> seenOnA = agents.stream().filter(g -> nodeA.equals(g.nodeAtStart))
                .map(g -> g.voter.dni + " " + g.seen).toList();
        List<String> seenOnB = agents.stream().filter(g -> nodeB.equals(g.nodeAtStart))
                .map(g -> g.voter.dni + " " + g.seen).toList();
        long sessionEnded = agents.stream().filter(g -> g.seen.stream().anyMatch(s -> s.startsWith("SESSION_ENDED")))
                .count();
        long proxyPages = agents.stream().flatMap(g -> g.seen.stream()).filter(s -> s.startsWith("ERROR_PAGE")).count();
        String figures = String.format("proxy-two-nodes: %d agents through nginx (%d on A, %d on B), %d votes when A "
                        + "was killed; %d vote rows (%d distinct); %d agents sent to log in again, %d error pages; "
                        + "portal pages read %s, readers on %s, bad %d%nagents of A: %s%nagents of B: %s",
                AGENTS, onA, onB, votesAtKill, rows, distinctRows, sessionEnded, proxyPages, pageAnswers, readerNodes,
                badPages.size(), seenOnA, seenOnB);
        System.out.println(figures);
        Files.writeString(Path.of("target/faults/proxy-two-nodes-figures.txt"), figures + "\n");

        assertThat(b.alive()).isTrue();
        // votes: every acknowledged one stored once, every ballot used up
        assertThat(rows).as("vote rows").isEqualTo((long) AGENTS * VOTES_EACH);
        assertThat(distinctRows).as("distinct (agent, project)").isEqualTo(rows);
        for (Agent g : agents) {
            for (long project : g.registered) {
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM vote WHERE cycle_year = " + YEAR + " AND "
                        + "document_number = '" + g.voter.dni + "' AND project_id = " + project))
                        .as("acknowledged vote of " + g.voter.dni + " for " + project).isEqualTo(1);
            }
        }
        assertThat(Staff.count(url, "SELECT COUNT(*) FROM ballot WHERE cycle_year = " + YEAR + " AND votes_left <> 0"))
                .as("ballots not used up").isZero();
        // pages: always answered
        assertThat(badPages).as("portal answers other than 200").isEmpty();
        assertThat(pageAnswers.getOrDefault("200", 0)).as("portal pages read").isPositive();
        assertThat(readerNodes).as("nodes that answered the readers").containsExactlyInAnyOrder(nodeA, nodeB);
        // agents on B saw nothing of the failure
        for (Agent g : agents) {
            if (nodeB.equals(g.nodeAtStart)) {
                assertThat(g.seen).as("what agent " + g.voter.dni + " of B saw")
                        .allMatch(s -> s.equals("REGISTERED@" + nodeB) || s.equals("ALREADY_VOTED@" + nodeB));
            } else {
                // agents on A: votes, «Su sesión terminó» once, at most one page of a request in flight, then B
                assertThat(g.seen).as("what agent " + g.voter.dni + " of A saw")
                        .allMatch(s -> s.startsWith("REGISTERED@") || s.startsWith("ALREADY_VOTED@")
                                || s.startsWith("USED_UP@") || s.startsWith("SESSION_ENDED@")
                                || s.startsWith("ERROR_PAGE@"));
                assertThat(g.seen.stream().filter(s -> s.startsWith("SESSION_ENDED")).count())
                        .as("times " + g.voter.dni + " of A was sent to log in again").isLessThanOrEqualTo(1);
                assertThat(g.seen.stream().filter(s -> s.startsWith("ERROR_PAGE")).count())
                        .as("error pages seen by " + g.voter.dni + " of A").isLessThanOrEqualTo(1);
            }
        }
        // every agent of A that still had a vote to cast when A died was sent to log in again
        for (Agent g : agents) {
            if (nodeA.equals(g.nodeAtStart) && g.seen.stream().anyMatch(s -> s.endsWith("@" + nodeB))) {
                assertThat(g.seen).as("agent " + g.voter.dni + " of A moved to B")
                        .anyMatch(s -> s.startsWith("SESSION_ENDED") || s.startsWith("ERROR_PAGE"));
            }
        }
        assertThat(sessionEnded).as("agents sent to log in again").isPositive();
    }

    /** An anonymous browser whose cookie participa_nodo sends it to NODE. */
    private static HttpClient reader(String base, String node) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (node.equals(r.headers().firstValue("X-Participa-Nodo").map(PortalVoter::lastOf).orElse(""))) {
                return http;
            }
        }
        throw new AssertionError("nginx never sent a new browser to " + node);
    }

    /** One anonymous reader: its own cookies (so its own node), the portal's pages in turn until told to stop. */
    private static Void read(HttpClient http, String base, AtomicBoolean reading, Map<String, Integer> answers,
                             List<String> bad, Set<String> nodes) throws Exception {
        List<String> pages = List.of("/", "/proyectos?ciclo=" + YEAR, "/resultados", "/votacion/resultados",
                "/noticias", "/datos-abiertos");
        int i = 0;
        while (reading.get()) {
            String page = pages.get(i++ % pages.size());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + page))
                        .timeout(Duration.ofSeconds(60)).header("Accept", "text/html").GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                answers.merge(String.valueOf(r.statusCode()), 1, Integer::sum);
                r.headers().firstValue("X-Participa-Nodo").ifPresent(n -> nodes.add(PortalVoter.lastOf(n)));
                if (r.statusCode() != 200 || !r.body().contains("</html>") || r.body().contains("Exception")) {
                    bad.add(r.statusCode() + " " + page + " " + r.body().substring(0, Math.min(300, r.body().length())));
                }
            } catch (IOException e) {
                answers.merge("exception", 1, Integer::sum);
                bad.add(page + " " + e);
            }
            Thread.sleep(50);
        }
        return null;
    }
}
