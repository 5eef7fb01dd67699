package pe.gob.regioncajamarca.participa.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * What the fault tests set up through the application's public REST API as its first administrator (HTTP Basic on
 * /engine-rest): staff users and process instances; plus small SQL helpers on the shared database.
 */
final class Staff {

    private Staff() {
    }

    static String post(String base, String path, String json) throws Exception {
        return send(base, "POST", path, json);
    }

    static String put(String base, String path, String json) throws Exception {
        return send(base, "PUT", path, json);
    }

    private static String send(String base, String method, String path, String json) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String auth = Base64.getEncoder().encodeToString((AppProcess.ADMIN + ":" + AppProcess.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/engine-rest" + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json").header("Accept", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** A staff member of GROUP with an e-mail address (so that escalations to the group are mailed to them). */
    static void member(String base, String id, String email, String group) throws Exception {
        post(base, "/user/create", "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Gerente\",\"lastName\":\"Fallas\","
                + "\"email\":\"" + email + "\"},\"credentials\":{\"password\":\"Clave-Larga-De-Prueba-2026\"}}");
        put(base, "/group/" + group + "/members/" + id, null);
    }

    /** Starts agent-accreditation instances with business keys PREFIX-0 .. PREFIX-(n-1) (a review task each). */
    static void accreditations(String base, String prefix, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            post(base, "/process-definition/key/agent-accreditation/start",
                    "{\"businessKey\":\"" + prefix + "-" + i + "\"}");
        }
    }

    /**
     * Moves the review deadlines (non-interrupting boundary timers, 3 working days ahead) of the instances with
     * business keys PREFIX-* into the past: what the real clock would do after three working days.
     */
    static int passDeadlines(String url, String prefix) throws Exception {
        return update(url, "UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP - INTERVAL '1 day' "
                + "WHERE HANDLER_TYPE_ = 'timer-transition' AND PROCESS_INSTANCE_ID_ IN (SELECT ID_ FROM ACT_RU_EXECUTION "
                + "WHERE BUSINESS_KEY_ LIKE '" + prefix + "-%')");
    }

    static int update(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(String url, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The text/plain part of a mail, decoded. */
    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart m) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < m.getCount(); i++) {
                BodyPart p = m.getBodyPart(i);
                sb.append(text(p));
            }
            return sb.toString();
        }
        return "";
    }

    /** How often each of KEYS occurs in TEXT as a whole word ("x-1" is not counted in "x-10"). */
    static long occurrences(String text, String key) {
        return java.util.regex.Pattern.compile("(?<![\\w-])" + java.util.regex.Pattern.quote(key) + "(?![\\w-])")
                .matcher(text).results().count();
    }
}
