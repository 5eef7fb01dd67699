package pe.gob.regioncajamarca.participa.faults;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What every fault test stands on: a fresh embedded PostgreSQL in {@code target/faults/<name>-pgdata} on a free port,
 * which can be stopped and started again on the same data and port (the database restart), and a GreenMail SMTP
 * server on a free port.
 */
final class FaultDatabase implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres pg;

    private FaultDatabase(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** An empty database (the data directory of an earlier run is deleted), started. */
    static FaultDatabase fresh(String name) throws IOException {
        Path data = Path.of("target/faults/" + name + "-pgdata");
        deleteTree(data.toFile());
        Files.createDirectories(data.getParent());
        FaultDatabase db = new FaultDatabase(data, AppProcess.freePort());
        db.start();
        return db;
    }

    /** A started SMTP server on a free loopback port (stop it after the test). */
    static GreenMail smtp() throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        return smtp;
    }

    String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Starts the server on the same data directory and port (kept across stop/start). */
    void start() throws IOException {
        pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    void stop() throws IOException {
        pg.close();
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }

    private static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }
}
