package pe.gob.regioncajamarca.participa.faults;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The packaged application (target/*.jar, property {@code participa.jar} set by the Maven profile {@code faults}) as a
 * separate OS process with profile postgres: only its public configuration (environment variables and -D system
 * properties), a random free port, -Xmx512m, its output in target/faults/NAME.log. The database and the mail server
 * it uses come from {@link FaultDatabase}.
 */
final class AppProcess implements AutoCloseable {

    static final String ADMIN = "admin.fallas";
    static final String ADMIN_PASSWORD = "clave-admin-fallas-1";

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private AppProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts NAME on DB (url with user/password postgres) and the SMTP server at localhost:SMTPPORT; systemProperties
     * become -Dkey=value before -jar (e.g. camunda.bpm.job-execution.lock-time-in-millis).
     */
    static AppProcess start(String name, String url, int smtpPort, Map<String, String> systemProperties)
            throws IOException {
        int port = freePort();
        Path dir = Path.of("target/faults");
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar(), "--spring.profiles.active=postgres", "--server.port=" + port));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", url);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        // a request waiting for a connection during a database outage fails after 5 s instead of 30 s
        env.put("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "5000");
        env.put("PARTICIPA_ADMIN_USERNAME", ADMIN);
        env.put("PARTICIPA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("PARTICIPA_ADMIN_EMAIL", "ti-fallas@example.pe");
        env.put("PARTICIPA_MAIL_SECRET", "secreto-correo-fallas");
        env.put("PARTICIPA_LEDGER_SECRET", "secreto-registro-fallas");
        env.put("SPRING_MAIL_HOST", "localhost");
        env.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
        env.put("PARTICIPA_PUBLIC_URL", "http://localhost:" + port);
        pb.environment().putAll(env);
        return new AppProcess(name, port, log, pb.start());
    }

    static String jar() {
        String jar = System.getProperty("participa.jar");
        if (jar != null && new File(jar).isFile()) {
            return jar;
        }
        File[] jars = new File("target").listFiles((d, n) -> n.endsWith(".jar") && !n.endsWith("-plain.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no packaged jar in target/: run ./mvnw -B verify -Pfaults");
        }
        return jars[0].getPath();
    }

    String base() {
        return "http://localhost:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until /actuator/health answers UP; returns how long that took. */
    Duration awaitHealthy(Duration max) throws Exception {
        long start = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() - start < max.toNanos()) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended (exit " + process.exitValue() + "), see " + log);
            }
            if (healthy(http)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not healthy after " + max + ", see " + log);
    }

    boolean healthy(HttpClient http) {
        try {
            var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** kill -9: no shutdown hook, no graceful stop. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
