package pe.gob.regioncajamarca.participa.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Chromium driven through chromedriver's W3C WebDriver protocol (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). Small on purpose: open, find, type, click, read.
 */
public final class WebDriver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process driver;
    private final String base;
    private final String session;
    private final HttpClient http = HttpClient.newHttpClient();

    private WebDriver(Process driver, String base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/chromedriver")) && chromium() != null;
    }

    private static String chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        return null;
    }

    public static WebDriver start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // the browser on Lima time, as the staff's are (the server's zone may differ): Chromium takes TZ from
        // chromedriver's environment
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TZ", "America/Lima");
        Process p = pb.start();
        String base = "http://localhost:" + port;
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 50; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(), HttpResponse.BodyHandlers.ofString());
                break;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        Map<String, Object> caps = Map.of("capabilities", Map.of("alwaysMatch", Map.of("browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", chromium(), "args", List.of("--headless=new", "--no-sandbox",
                        "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=es")))));
        JsonNode r = call(http, "POST", base + "/session", caps);
        return new WebDriver(p, base, r.get("sessionId").asText());
    }

    private static JsonNode call(HttpClient http, String method, String url, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode v = JSON.readTree(r.body()).get("value");
        if (r.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + r.statusCode() + ": " + v);
        }
        return v;
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        return call(http, method, base + "/session/" + session + path, body);
    }

    public void open(String url) throws Exception {
        call("POST", "/url", Map.of("url", url));
    }

    /** Waits up to 60 s for an element matching the CSS selector; returns its id. */
    public String find(String css) throws Exception {
        return waitFor("css selector", css);
    }

    /** Waits up to 60 s for an element whose text contains {@code text}; returns its id. */
    public String findText(String text) throws Exception {
        return waitFor("xpath", "//*[contains(text(),'" + text + "')]");
    }

    /** Waits up to 60 s for an element matching the XPath expression; returns its id. */
    public String findXpath(String xpath) throws Exception {
        return waitFor("xpath", xpath);
    }

    private String waitFor(String using, String value) throws Exception {
        IllegalStateException last = null;
        for (int i = 0; i < 300; i++) {
            try {
                JsonNode el = call("POST", "/element", Map.of("using", using, "value", value));
                return el.elements().next().asText();
            } catch (IllegalStateException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("no element " + value + " in " + source(), last);
    }

    /**
     * Gives the cookie {@code name} of the open page's site the value {@code value} (HttpOnly, path /), as a browser
     * keeps a session cookie that the server no longer knows (its node died, or it restarted).
     */
    public void replaceCookie(String name, String value) throws Exception {
        call("DELETE", "/cookie/" + name, null);
        call("POST", "/cookie", Map.of("cookie", Map.of("name", name, "value", value, "path", "/", "httpOnly", true)));
    }

    public void type(String element, String text) throws Exception {
        call("POST", "/element/" + element + "/value", Map.of("text", text));
    }

    /** Empties an input or text area. */
    public void clear(String element) throws Exception {
        call("POST", "/element/" + element + "/clear", Map.of());
    }

    /**
     * Logs in on the portal's login form shown on the current page (a citizen's document number and password): types
     * both, presses the button and waits until the page after it shows the link to the citizen's account.
     */
    public void portalLogin(String user, String password) throws Exception {
        type(find("#username"), user);
        type(find("#password"), password);
        click(find("main form.form button[type=submit]"));
        find("a[href='/mi-cuenta']");
    }

    /**
     * Logs in to a Camunda webapp (Tasklist, Cockpit, Admin) at {@code url} and waits for {@code expected} on the
     * page after it. The login form is drawn by Angular after the page loads: text typed before it is ready is lost,
     * so the attempt is repeated (three at most) while the login page stays.
     */
    public boolean camundaLogin(String url, String user, String password, String expected) throws Exception {
        open(url);
        for (int attempt = 0; attempt < 3; attempt++) {
            String name = find("input[ng-model='username']");
            waitForText("Iniciar sesión");
            Thread.sleep(300);
            clear(name);
            type(name, user);
            String secret = find("input[ng-model='password']");
            clear(secret);
            type(secret, password);
            click(find("button[type='submit']"));
            for (int i = 0; i < 150; i++) {
                if (source().contains(expected)) {
                    return true;
                }
                Thread.sleep(200);
            }
            if (!url().contains("#/login")) {
                return waitForText(expected);
            }
        }
        return false;
    }

    /** Scrolls the element to the middle of the window first (fixed headers and footers cover the edges), then clicks. */
    public void clickCentered(String element) throws Exception {
        execute("arguments[0].scrollIntoView({block: 'center'});",
                Map.of("element-6066-11e4-a52e-4f735466cecf", element));
        click(element);
    }

    public void click(String element) throws Exception {
        call("POST", "/element/" + element + "/click", Map.of());
    }

    public String source() throws Exception {
        return call("GET", "/source", null).asText();
    }

    /** Waits up to 60 s (a cold Tasklist loads slowly on a busy machine) until the page contains the text. */
    public boolean waitForText(String text) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (source().contains(text)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Resizes the window (e.g. 360 px wide, a cheap phone). */
    public void resize(int width, int height) throws Exception {
        call("POST", "/window/rect", Map.of("width", width, "height", height));
    }

    /** Runs a script in the page (not subject to the page's CSP) and returns its result. */
    public JsonNode execute(String script, Object... args) throws Exception {
        return call("POST", "/execute/sync", Map.of("script", script, "args", List.of(args)));
    }

    /** Runs an asynchronous script: it calls {@code arguments[arguments.length - 1]} with its result. */
    public JsonNode executeAsync(String script, Object... args) throws Exception {
        return call("POST", "/execute/async", Map.of("script", script, "args", List.of(args)));
    }

    /** The current URL. */
    public String url() throws Exception {
        return call("GET", "/url", null).asText();
    }

    /** Saves a screenshot (PNG), e.g. under target/ to see what a failing test saw. */
    public void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.Base64.getDecoder().decode(call("GET", "/screenshot", null).asText()));
    }

    @Override
    public void close() throws Exception {
        try {
            call("DELETE", "", null);
        } finally {
            driver.destroy();
        }
    }
}
