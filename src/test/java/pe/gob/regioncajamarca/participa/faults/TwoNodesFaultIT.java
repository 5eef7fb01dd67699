package pe.gob.regioncajamarca.participa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, two nodes, one database: two processes of the packaged application on one PostgreSQL (a Camunda
 * homogeneous cluster: same engine, both job executors on). Votes through both nodes count once (the same agent and
 * project sent through both at once: one vote); overdue deadlines are escalated once across the two; node A is
 * killed with kill -9 in the middle and node B takes over the jobs A had locked once the lock expires; no task,
 * escalation or digest mail is duplicated.
 */
class TwoNodesFaultIT {

    static final int YEAR = 2092;
    static final int AGENTS = 6;
    static final int SESSIONS_PER_NODE = 3;
    static final int TASKS = 100;
    static final String PREFIX = "dosnodos";
    static final List<String> MANAGERS = List.of("gerente.nodo1", "gerente.nodo2", "gerente.nodo3");
    static final int LOCK_MILLIS = 15_000;
    static final Pattern ESCALATED = Pattern.compile("escalada a regional-management");

    static Map<String, String> config() {
        return Map.of("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_MILLIS),
                "camunda.bpm.job-execution.max-wait", "2000",
                "participa.mail.digest-delay", "10s",
                "participa.mail.outbox-delay", "2s",
                "participa.security.login-throttle.per-address", "100000");
    }

    /**
     * Node B's job executor looks for due jobs at most every 20 s when it finds none, so that node A (every 2 s) is
     * the one working when it is killed: without that, on a quiet machine B sometimes escalated everything before A
     * woke up and there was nothing for B to take over. Jobs created on B itself still wake B at once.
     */
    static Map<String, String> configOfB() {
        Map<String, String> b = new HashMap<>(config());
        b.put("camunda.bpm.job-execution.wait-time-in-millis", "20000");
        b.put("camunda.bpm.job-execution.max-wait", "20000");
        return b;
    }

    @Test
    void twoNodesShareTheWorkAndOneTakesOverWhenTheOtherDies() throws Exception {
        FaultDatabase pg = FaultDatabase.fresh("two-nodes");
        String url = pg.url();
        GreenMail smtp = FaultDatabase.smtp();
        String escalations = "SELECT COUNT(*) FROM task_escalation WHERE business_key LIKE '" + PREFIX + "-%'";
        // one after the other: the first start creates the schema (Flyway and Camunda)
        try (AppProcess a = AppProcess.start("node-a", url, smtp.getSmtp().getPort(), config())) {
            a.awaitHealthy(Duration.ofMinutes(4));
            try (AppProcess b = AppProcess.start("node-b", url, smtp.getSmtp().getPort(), configOfB())) {
                // while B starts: the managers and half of the review tasks, through A
                for (int m = 0; m < MANAGERS.size(); m++) {
                    Staff.member(a.base(), MANAGERS.get(m), MANAGERS.get(m) + "@example.pe", "regional-management");
                }
                Staff.accreditations(a.base(), PREFIX + "-a", TASKS / 2);
                b.awaitHealthy(Duration.ofMinutes(4));

                // 1. votes through both nodes
                PortalVoter.seed(url, YEAR, 3, 4, AGENTS);
                List<Long> projects = PortalVoter.projects(url, YEAR);
                ExecutorService pool = Executors.newFixedThreadPool(2 * SESSIONS_PER_NODE);
                int registered = 0;
                int repeated = 0;
                for (int agent = 0; agent < AGENTS; agent++) {
                    String dni = PortalVoter.dni(agent);
                    List<PortalVoter> sessions = new ArrayList<>();
                    for (int s = 0; s < SESSIONS_PER_NODE; s++) {
                        for (AppProcess node : List.of(a, b)) {
                            PortalVoter v = new PortalVoter(node.base(), dni);
                            assertThat(v.login()).as("login of " + dni + " on " + node.name).isTrue();
                            sessions.add(v);
                        }
                    }
                    CyclicBarrier together = new CyclicBarrier(sessions.size());
                    List<Future<PortalVoter.Outcome>> answers = new ArrayList<>();
                    for (PortalVoter v : sessions) {
                        answers.add(pool.submit(() -> {
                            together.await();
                            return v.vote(projects.get(0));
                        }));
                    }
                    Map<PortalVoter.Outcome, Integer> outcomes = new HashMap<>();
                    for (Future<PortalVoter.Outcome> f : answers) {
                        outcomes.merge(f.get(), 1, Integer::sum);
                    }
                    assertThat(outcomes.get(PortalVoter.Outcome.REGISTERED)).as("votes registered for " + dni)
                            .isEqualTo(1);
                    assertThat(outcomes.get(PortalVoter.Outcome.ALREADY_VOTED)).isEqualTo(sessions.size() - 1);
                    registered++;
                    repeated += sessions.size() - 1;
                    // the other two votes: one through each node
                    assertThat(sessions.get(0).vote(projects.get(1))).isEqualTo(PortalVoter.Outcome.REGISTERED);
                    assertThat(sessions.get(1).vote(projects.get(2))).isEqualTo(PortalVoter.Outcome.REGISTERED);
                    registered += 2;
                    // a fourth vote through either node is beyond the allowance
                    assertThat(sessions.get(1).vote(projects.get(3))).isEqualTo(PortalVoter.Outcome.USED_UP);
                }
                pool.shutdown();
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM vote WHERE cycle_year = " + YEAR))
                        .as("vote rows").isEqualTo(3L * AGENTS);
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM vote WHERE cycle_year = " + YEAR
                        + " AND project_id = " + projects.get(0))).as("votes for the project sent through both")
                        .isEqualTo(AGENTS);
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM ballot WHERE cycle_year = " + YEAR
                        + " AND votes_left <> 0")).as("ballots not used up").isZero();

                // 2. overdue deadlines escalated by both job executors; node A killed in the middle
                Staff.accreditations(b.base(), PREFIX + "-b", TASKS - TASKS / 2);
                // the jobs B just created woke B's executor at once (it found none due: the deadlines are days
                // ahead); let it go back to its 20 s wait, so that A (every 2 s) finds the due jobs first: without
                // this pause a quick B escalated all 100 before A looked (a run of 2026-12-05: A logged 0)
                Thread.sleep(3000);
                assertThat(Staff.passDeadlines(url, PREFIX)).isEqualTo(TASKS);
                long wait = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                // A killed in the middle of its work: once it has escalated at least one task (it holds the jobs of its
                // acquisition locked) and before the deadlines are all done
                while (ESCALATED.matcher(a.logText()).results().count() == 0 && System.nanoTime() < wait) {
                    Thread.sleep(20);
                }
                a.kill();
                long killedAt = System.nanoTime();
                long doneAtKill = Staff.count(url, escalations);
                long byAAtKill = ESCALATED.matcher(a.logText()).results().count();
                // the jobs A had locked: still locked by the same owner with the same expiry a few seconds later
                String locked = "SELECT ID_ || '/' || LOCK_OWNER_ || '/' || LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE "
                        + "LOCK_OWNER_ IS NOT NULL AND HANDLER_TYPE_ = 'timer-transition'";
                List<String> lockedAtKill = Staff.strings(url, locked);
                Thread.sleep(4000);
                List<String> stuck = new ArrayList<>(Staff.strings(url, locked));
                stuck.retainAll(lockedAtKill);
                List<String> stuckJobs = stuck.stream().map(s -> s.substring(0, s.indexOf('/'))).toList();

                wait = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (Staff.count(url, escalations) < TASKS && System.nanoTime() < wait) {
                    Thread.sleep(200);
                }
                Duration allDone = Duration.ofNanos(System.nanoTime() - killedAt);
                long byB = ESCALATED.matcher(b.logText()).results().count();
                // digests (every 10 s on each node) and their delivery; then two more rounds for any duplicate
                wait = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (MANAGERS.stream().anyMatch(m -> smtp.getReceivedMessagesForDomain(m + "@example.pe").length == 0)
                        && System.nanoTime() < wait) {
                    Thread.sleep(500);
                }
                Thread.sleep(22_000);
                Map<String, Integer> mails = new HashMap<>();
                for (String m : MANAGERS) {
                    mails.put(m, smtp.getReceivedMessagesForDomain(m + "@example.pe").length);
                }

                String figures = String.format("two-nodes: %d agents voted through both nodes: the first vote sent "
                                + "%d times at once (%d per node), %d registered, %d answered 'ya votó'; %d vote rows. "
                                + "%d overdue tasks: %d escalated when node A was killed (A logged %d), %d jobs still "
                                + "locked by dead A, all %d escalated %d s after the kill (lock time %d s), node B "
                                + "logged %d; digest mails per manager %s",
                        AGENTS, 2 * SESSIONS_PER_NODE, SESSIONS_PER_NODE, registered, repeated,
                        Staff.count(url, "SELECT COUNT(*) FROM vote WHERE cycle_year = " + YEAR), TASKS, doneAtKill,
                        byAAtKill, stuckJobs.size(), Staff.count(url, escalations), allDone.toSeconds(),
                        LOCK_MILLIS / 1000, byB, mails);
                System.out.println(figures);
                Files.writeString(Path.of("target/faults/two-nodes-figures.txt"), figures + "\n");

                assertThat(b.alive()).isTrue();
                assertThat(byAAtKill).as("escalations by node A before it died").isPositive();
                assertThat(byB).as("escalations by node B").isPositive();
                assertThat(stuckJobs).as("jobs left locked by the dead node").isNotEmpty();
                assertThat(Staff.count(url, escalations)).as("escalation rows").isEqualTo(TASKS);
                assertThat(Staff.count(url, "SELECT COUNT(DISTINCT task_id) FROM task_escalation WHERE business_key "
                        + "LIKE '" + PREFIX + "-%'")).as("tasks escalated").isEqualTo(TASKS);
                for (String job : stuckJobs) {
                    assertThat(Staff.count(url, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ = '" + job + "'"))
                            .as("job " + job + " of the dead node taken over").isZero();
                }
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON "
                        + "e.ID_ = t.PROC_INST_ID_ WHERE e.BUSINESS_KEY_ LIKE '" + PREFIX + "-%'"))
                        .as("review tasks (none duplicated)").isEqualTo(TASKS);
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK l JOIN ACT_RU_TASK t ON "
                        + "t.ID_ = l.TASK_ID_ JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ WHERE "
                        + "l.GROUP_ID_ = 'regional-management' AND e.BUSINESS_KEY_ LIKE '" + PREFIX + "-%'"))
                        .as("candidate links to regional-management").isEqualTo(TASKS);
                for (String m : MANAGERS) {
                    assertThat(Staff.count(url, "SELECT COUNT(*) FROM task_notice WHERE user_id = '" + m
                            + "' AND escalated = TRUE")).as("notes for " + m).isEqualTo(TASKS);
                    // at most one digest an hour per person, whichever node prepares it
                    MimeMessage[] got = smtp.getReceivedMessagesForDomain(m + "@example.pe");
                    assertThat(got).as("digest mails to " + m).hasSize(1);
                    assertThat(Staff.count(url, "SELECT COUNT(*) FROM mail_outbox WHERE recipient = '" + m
                            + "@example.pe'")).as("outbox rows to " + m).isEqualTo(1);
                    String text = Staff.text(got[0]);
                    for (String key : Staff.strings(url, "SELECT n.business_key FROM task_notice n WHERE n.user_id = '"
                            + m + "' AND n.digest_id IS NOT NULL")) {
                        assertThat(Staff.occurrences(text, key)).as(key + " in the digest to " + m).isEqualTo(1);
                    }
                }
            }
        } finally {
            pg.close();
            smtp.stop();
        }
    }
}
