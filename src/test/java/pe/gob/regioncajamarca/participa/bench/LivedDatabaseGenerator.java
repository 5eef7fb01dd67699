package pe.gob.regioncajamarca.participa.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The command that fills the lived database (not part of {@code ./mvnw verify}: its name matches neither the unit
 * tests' nor the integration tests' patterns; run it by name, docs/performance.md "Ten years of history"). Builds, in
 * the embedded PostgreSQL on {@code lived.dir}, the databases named in {@code lived.databases} (default
 * {@code fresh,lived}): {@code fresh} with the last year only, {@code lived} with {@code lived.years} (default 10);
 * each is dropped and generated again. Mails go to an in-process GreenMail on a free port, all into one mailbox.
 */
class LivedDatabaseGenerator {

    @Test
    void generate() throws Exception {
        List<String> databases = List.of(System.getProperty("lived.databases", "fresh,lived").split(","));
        int smtp;
        try (var socket = new java.net.ServerSocket(0)) {
            smtp = socket.getLocalPort();
        }
        GreenMail mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        // every mail in one mailbox: GreenMail finds a recipient's mailbox by a linear search of all of them, and ten
        // years of citizens' addresses (one mailbox each) made that search the generation's largest CPU cost
        var sink = mail.getUserManager().createUser("buzon@example.pe", "buzon", "buzon");
        mail.getUserManager().setMessageDeliveryHandler((message, address) -> sink);
        try {
            for (String db : databases) {
                long t0 = System.nanoTime();
                LivedDatabase.recreate(db);
                // a bulk load: a commit does not wait for its WAL to reach the disk (a crash would lose the last
                // commits, and the database is generated again); the benchmarks' applications keep the default
                ConfigurableApplicationContext ctx = LivedDatabase.start(db, smtp, Map.of(
                        "spring.datasource.hikari.connection-init-sql", "SET synchronous_commit TO "
                                + System.getProperty("lived.synchronous-commit", "off")));
                System.out.printf(java.util.Locale.ROOT, "LIVED %s | application started (migrations) in %.1f s%n",
                        db, (System.nanoTime() - t0) / 1e9);
                try {
                    long received = LivedDatabase.generate(ctx, db, db.equals("fresh") ? 1
                            : Integer.getInteger("lived.years", 10), () -> {
                                // counted and emptied each year: GreenMail keeps every message in memory
                                long n = mail.getReceivedMessages().length;
                                try {
                                    mail.purgeEmailFromAllMailboxes();
                                } catch (com.icegreen.greenmail.store.FolderException e) {
                                    throw new IllegalStateException(e);
                                }
                                return n;
                            });
                    System.out.printf("LIVED %s | %d mails received by GreenMail%n", db, received);
                } finally {
                    ctx.close();
                }
                mail.purgeEmailFromAllMailboxes();
            }
        } finally {
            mail.stop();
        }
    }
}
