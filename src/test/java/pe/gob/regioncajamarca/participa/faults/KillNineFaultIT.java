package pe.gob.regioncajamarca.participa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, faults: the packaged application killed with kill -9 while the job executor works through overdue
 * review deadlines (agent-accreditation's "Plazo vencido" timers, due all at once) and while it is handing a mail to
 * the SMTP server, then started again on the same PostgreSQL. The timers resume (also those the dead process had
 * locked, once their lock expires), every task is escalated exactly once (one audit row, one candidate link, one
 * note per manager), no task is duplicated, the manager gets one digest mail that lists every escalated task once;
 * the mail that was being sent is not resent by itself (INCIERTO, with an incident) and the mail still queued goes
 * out once.
 */
class KillNineFaultIT {

    static final int TASKS = 150;
    static final String PREFIX = "kill9";
    static final String MANAGER = "gerente.kill9";
    static final String MANAGER_MAIL = "gerente.kill9@example.pe";
    /** Jobs locked by the killed process wait this long before another process may take them. */
    static final int LOCK_MILLIS = 15_000;

    @Test
    void timersResumeAfterKillNineAndNothingRunsTwice() throws Exception {
        FaultDatabase pg = FaultDatabase.fresh("kill9");
        String url = pg.url();
        GreenMail smtp = FaultDatabase.smtp();
        // the first process's SMTP server: accepts connections and never answers, so the mail it sends hangs
        BlackHole blackHole = new BlackHole();
        String escalations = "SELECT COUNT(*) FROM task_escalation WHERE business_key LIKE '" + PREFIX + "-%'";
        try {
            long killedAt;
            long doneBeforeKill;
            long lockedByDead;
            try (AppProcess first = AppProcess.start("kill9-first", url, blackHole.port(), Map.of(
                    "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_MILLIS),
                    "camunda.bpm.job-execution.max-wait", "2000",
                    // no digest from the first process: the one mail comes after the restart
                    "participa.mail.digest-delay", "600s",
                    "participa.mail.outbox-delay", "2s",
                    "spring.mail.properties.mail.smtp.timeout", "300000"))) {
                first.awaitHealthy(Duration.ofMinutes(4));
                Staff.member(first.base(), MANAGER, MANAGER_MAIL, "regional-management");
                Staff.accreditations(first.base(), PREFIX, TASKS);
                // two queued mails: the first is being sent when the process dies, the second waits behind it
                queueMail(url, "kill9-en-envio", IN_FLIGHT_MAIL);
                long wait0 = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (blackHole.accepted.get() == 0 && System.nanoTime() < wait0) {
                    Thread.sleep(100);
                }
                queueMail(url, "kill9-en-cola", QUEUED_MAIL);
                assertThat(Staff.strings(url, "SELECT status FROM mail_outbox WHERE recipient = '" + IN_FLIGHT_MAIL
                        + "'")).as("the mail being sent").containsExactly("ENVIANDO");
                assertThat(Staff.passDeadlines(url, PREFIX)).isEqualTo(TASKS);
                long wait = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (Staff.count(url, escalations) < 10 && System.nanoTime() < wait) {
                    Thread.sleep(20);
                }
                first.kill(); // kill -9 in the middle of the escalations
                killedAt = System.nanoTime();
            }
            doneBeforeKill = Staff.count(url, escalations);
            lockedByDead = Staff.count(url, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL "
                    + "AND HANDLER_TYPE_ = 'timer-transition'");
            assertThat(doneBeforeKill).as("escalations before the kill").isBetween(1L, (long) TASKS - 1);
            // the claim's lease (5 minutes) runs out while the node is down
            Staff.update(url, "UPDATE mail_outbox SET next_attempt_at = CURRENT_TIMESTAMP - INTERVAL '1 minute' "
                    + "WHERE status = 'ENVIANDO'");

            try (AppProcess second = AppProcess.start("kill9-second", url, smtp.getSmtp().getPort(), Map.of(
                    "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_MILLIS),
                    "camunda.bpm.job-execution.max-wait", "2000",
                    "participa.mail.digest-delay", "30s",
                    "participa.mail.outbox-delay", "2s"))) {
                Duration startup = second.awaitHealthy(Duration.ofMinutes(4));
                long wait = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (Staff.count(url, escalations) < TASKS && System.nanoTime() < wait) {
                    Thread.sleep(200);
                }
                Duration allDone = Duration.ofNanos(System.nanoTime() - killedAt);
                // the digest (30 s after the start) and its delivery by the outbox; then a while for any duplicate
                wait = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (smtp.getReceivedMessagesForDomain(MANAGER_MAIL).length == 0 && System.nanoTime() < wait) {
                    Thread.sleep(500);
                }
                Thread.sleep(8000);

                String figures = String.format("kill9: %d overdue review tasks; %d escalated before kill -9, %d jobs "
                                + "locked by the dead process; restart healthy in %d s; all %d escalated %d s after the "
                                + "kill (lock time %d s); mails to the manager: %d; the mail cut off by the kill: %s, "
                                + "received %d; the queued mail: %s, received %d", TASKS, doneBeforeKill,
                        lockedByDead, startup.toSeconds(), Staff.count(url, escalations), allDone.toSeconds(),
                        LOCK_MILLIS / 1000, smtp.getReceivedMessagesForDomain(MANAGER_MAIL).length,
                        Staff.strings(url, "SELECT status FROM mail_outbox WHERE recipient = '" + IN_FLIGHT_MAIL + "'"),
                        smtp.getReceivedMessagesForDomain(IN_FLIGHT_MAIL).length,
                        Staff.strings(url, "SELECT status FROM mail_outbox WHERE recipient = '" + QUEUED_MAIL + "'"),
                        smtp.getReceivedMessagesForDomain(QUEUED_MAIL).length);
                System.out.println(figures);
                Files.writeString(Path.of("target/faults/kill9-figures.txt"), figures + "\n");

                assertThat(Staff.count(url, escalations)).as("escalation rows").isEqualTo(TASKS);
                assertThat(Staff.count(url, "SELECT COUNT(DISTINCT task_id) FROM task_escalation WHERE business_key "
                        + "LIKE '" + PREFIX + "-%'")).as("tasks escalated").isEqualTo(TASKS);
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'timer-transition' "
                        + "AND PROCESS_INSTANCE_ID_ IN (SELECT ID_ FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ LIKE '"
                        + PREFIX + "-%')")).as("deadline timers left").isZero();
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON "
                        + "e.ID_ = t.PROC_INST_ID_ WHERE e.BUSINESS_KEY_ LIKE '" + PREFIX + "-%'"))
                        .as("review tasks (none duplicated)").isEqualTo(TASKS);
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK l JOIN ACT_RU_TASK t ON "
                        + "t.ID_ = l.TASK_ID_ JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ WHERE "
                        + "l.GROUP_ID_ = 'regional-management' AND e.BUSINESS_KEY_ LIKE '" + PREFIX + "-%'"))
                        .as("candidate links to regional-management").isEqualTo(TASKS);
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM task_notice WHERE user_id = '" + MANAGER
                        + "' AND escalated = TRUE")).as("notes for the manager").isEqualTo(TASKS);

                MimeMessage[] mails = smtp.getReceivedMessagesForDomain(MANAGER_MAIL);
                assertThat(mails).as("digest mails to the manager").hasSize(1);
                String text = Staff.text(mails[0]);
                List<String> keys = Staff.strings(url, "SELECT business_key FROM task_escalation WHERE business_key "
                        + "LIKE '" + PREFIX + "-%'");
                for (String key : keys) {
                    assertThat(Staff.occurrences(text, key)).as("lines for " + key + " in the digest").isEqualTo(1);
                }
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM mail_outbox WHERE recipient = '" + MANAGER_MAIL
                        + "'")).as("outbox rows to the manager").isEqualTo(1);

                // the mail cut off by the kill: may have gone out, so not resent by itself; an incident instead
                assertThat(Staff.strings(url, "SELECT status FROM mail_outbox WHERE recipient = '" + IN_FLIGHT_MAIL
                        + "'")).singleElement().asString().startsWith("INCIERTO");
                assertThat(Staff.count(url, "SELECT COUNT(*) FROM mail_outbox WHERE recipient = '" + IN_FLIGHT_MAIL
                        + "' AND incident_process_id IS NOT NULL")).as("incident for the uncertain mail").isEqualTo(1);
                assertThat(smtp.getReceivedMessagesForDomain(IN_FLIGHT_MAIL)).as("uncertain mail resent").isEmpty();
                // the mail that was only queued goes out once
                assertThat(smtp.getReceivedMessagesForDomain(QUEUED_MAIL)).as("queued mail").hasSize(1);
                assertThat(Staff.strings(url, "SELECT status FROM mail_outbox WHERE recipient = '" + QUEUED_MAIL
                        + "'")).containsExactly("ENVIADO");
            }
        } finally {
            pg.close();
            smtp.stop();
            blackHole.close();
        }
    }

    static final String IN_FLIGHT_MAIL = "en-envio.kill9@example.pe";
    static final String QUEUED_MAIL = "en-cola.kill9@example.pe";

    static void queueMail(String url, String key, String to) throws Exception {
        Staff.update(url, "INSERT INTO mail_outbox (dedup_key, recipient, subject, body_text, status, attempts, "
                + "next_attempt_at, created_at, kind) VALUES ('" + key + "', '" + to + "', 'Prueba de fallas', "
                + "'Texto de prueba', 'PENDIENTE', 0, CURRENT_TIMESTAMP - INTERVAL '1 minute', CURRENT_TIMESTAMP, "
                + "'prueba')");
    }

    /** A TCP server that accepts connections and never says a word (an SMTP server that hangs). */
    static final class BlackHole implements AutoCloseable {
        final java.net.ServerSocket server;
        final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        final List<java.net.Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();

        BlackHole() throws java.io.IOException {
            server = new java.net.ServerSocket(0);
            Thread t = new Thread(() -> {
                try {
                    while (!server.isClosed()) {
                        open.add(server.accept());
                        accepted.incrementAndGet();
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            }, "smtp-black-hole");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
            for (java.net.Socket s : open) {
                s.close();
            }
        }
    }
}
