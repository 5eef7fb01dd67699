package pe.gob.regioncajamarca.participa.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A small browser for tests: keeps cookies, never follows redirects, speaks Basic auth and forms. */
public class Http {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public Http(int port) {
        this("http://localhost:" + port);
    }

    /** A client of the application at {@code base} ({@code http://host:port}), e.g. through another local address. */
    public Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The address of a path of the application under test. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** The value of one of this client's cookies, or "" when it has none of that name. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Authorization", basic(user, password)).build());
    }

    public HttpResponse<String> postJson(String path, String json, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Authorization", basic(user, password)).build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded").build());
    }

    /** A form's fields as an application/x-www-form-urlencoded body. */
    public static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Logs in to the staff pages (/personal) with a Camunda user; the session cookie stays with this client. */
    public HttpResponse<String> staffLogin(String user, String password) {
        return postForm("/personal/login", Map.of("username", user, "password", password,
                "_csrf", csrfTokenOf("/personal/login")));
    }

    /**
     * Logs in to one of Camunda's webapps ({@code cockpit}, {@code tasklist}, {@code admin}) as its login page does:
     * the app's page first (for the XSRF cookie), then the login with that token. The session stays with this client.
     */
    public HttpResponse<String> webappLogin(String app, String user, String password) {
        get("/camunda/app/" + app + "/default/");
        return send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(Map.of("username", user, "password", password))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")).build());
    }

    /** Posts a form with the CSRF token of the page that shows it. */
    public HttpResponse<String> submit(String pagePath, String actionPath, Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrfTokenOf(pagePath));
        return postForm(actionPath, all);
    }

    /** Posts a multipart form (text fields and, if {@code file} is not null, one file). */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
                                              String fileName, byte[] file, String contentType) {
        String boundary = "----participa" + System.nanoTime();
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, fileField, fileName, file, contentType)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).build());
    }

    /** A multipart/form-data body: text fields and, if {@code file} is not null, one file. */
    public static byte[] multipart(String boundary, Map<String, String> fields, String fileField,
                                   String fileName, byte[] file, String contentType) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> e : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (file != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(file);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return body.toByteArray();
    }

    /** The CSRF token of the form on a page. */
    public String csrfTokenOf(String path) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(path).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return m.group(1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends any request with this client's cookies. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
