package pe.gob.regioncajamarca.participa.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
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
        // every mail is received through SMTP and counted, and none is kept: GreenMail finds a recipient's mailbox by
        // a linear search of all of them (one per citizen's address) and parses each stored message again for IMAP;
        // both were the stand-in server's cost, not the application's (docs/performance.md)
        AtomicLong delivered = new AtomicLong();
        mail.getUserManager().setMessageDeliveryHandler((message, address) -> new CountingMailbox(delivered));
        // a bulk load into a database that is generated again after any crash: checkpoints far apart, no full-page
        // images in the WAL and the least WAL; the benchmarks start the same server with PostgreSQL's defaults
        if (System.getProperty("lived.server-config") == null) {
            System.setProperty("lived.server-config", "max_wal_size=16GB;checkpoint_timeout=1h;full_page_writes=off;"
                    + "wal_level=minimal;max_wal_senders=0");
        }
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
                            : Integer.getInteger("lived.years", 10), () -> delivered.getAndSet(0));
                    System.out.printf("LIVED %s | %d mails received by GreenMail%n", db, received);
                } finally {
                    ctx.close();
                }
            }
        } finally {
            mail.stop();
        }
    }

    /** A recipient that counts what it is given and keeps nothing. */
    private record CountingMailbox(AtomicLong received) implements GreenMailUser {

        @Override
        public void deliver(MovingMessage message) {
            received.incrementAndGet();
        }

        @Override
        public void deliver(MimeMessage message) {
            received.incrementAndGet();
        }

        @Override
        public String getEmail() {
            return "buzon@example.pe";
        }

        @Override
        public String getLogin() {
            return "buzon";
        }

        @Override
        public void create() {
            // nothing kept
        }

        @Override
        public void delete() {
            // nothing kept
        }

        @Override
        public String getPassword() {
            return "buzon";
        }

        @Override
        public void setPassword(String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void authenticate(String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getQualifiedMailboxName() {
            return "buzon";
        }
    }
}
