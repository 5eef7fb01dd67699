package pe.gob.regioncajamarca.participa.testsupport;

import java.nio.file.Path;
import java.util.Map;

/**
 * Tasklist's own screens driven as a person does, on top of {@link WebDriver}: log in, open a task, claim it,
 * fill in the fields of its Camunda Form by their labels (text, number, text area, radio, select, checkbox),
 * press Completar and wait for the task to leave the list. Screenshots go to {@code target/screenshots/} (the staff
 * guide shows them).
 */
public final class Tasklist implements AutoCloseable {

    private final WebDriver browser;
    private final String base;

    private Tasklist(WebDriver browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    /** A browser on Lima time (the server's zone is the JVM's) logged in to Tasklist as {@code user}. */
    public static Tasklist login(int port, String user, String password) throws Exception {
        WebDriver browser = WebDriver.start();
        // tall enough for a whole form and an open select list: Tasklist's fixed footer covers the bottom of the
        // task's pane, where a short window puts Completar and a select's last options
        browser.resize(1280, 1400);
        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port + "/camunda/app/tasklist/");
        if (!browser.camundaLogin(tasklist.base, user, password, "Tareas")) {
            browser.close();
            throw new IllegalStateException(user + " could not log in to Tasklist");
        }
        return tasklist;
    }

    public WebDriver browser() {
        return browser;
    }

    /** Opens the task (as from the list) and claims it. */
    public Tasklist openAndClaim(String taskId, String textOnForm) throws Exception {
        browser.open(base + "default/#/?task=" + taskId);
        if (!browser.waitForText(textOnForm)) {
            // a cold Tasklist on a busy machine: once more, as a person reloads the page
            screenshot("slow-form-" + taskId);
            browser.execute("location.reload();");
            if (!browser.waitForText(textOnForm)) {
                screenshot("error-form-" + taskId);
                throw new IllegalStateException("the form of task " + taskId + " did not show «" + textOnForm + "»");
            }
        }
        browser.click(browser.findXpath("//button[contains(normalize-space(.),'Reclamar')]"));
        if (!browser.waitForText("Liberar")) {
            throw new IllegalStateException("task " + taskId + " not claimed");
        }
        Thread.sleep(300); // the form's fields are enabled once claimed
        return this;
    }

    /** The input, text area or select labelled {@code label} in the task's form. */
    private String field(String label) throws Exception {
        return browser.findXpath("//form//label[contains(normalize-space(.),\"" + label + "\")]"
                + "/following::*[self::input or self::textarea][not(@type='hidden')][not(@disabled)][1]");
    }

    /** Types into the text field, number field or text area labelled {@code label} (emptied first). */
    public Tasklist type(String label, String text) throws Exception {
        String el = field(label);
        browser.execute("arguments[0].scrollIntoView({block: 'center'});", element(el));
        // form-js's fields are controlled (Preact): WebDriver's clear() empties the DOM value without the key events
        // form-js listens to, and the next render puts the old value back (the typed text was then appended to
        // it, or refused by maxlength). Select all and delete with the keyboard, as a person does.
        // form-js also debounces what is typed and commits it on blur: a render for another field in between (the
        // field typed before, its debounce firing) puts the field's old value back under WebDriver's fast typing.
        // So leave the field as a person does (blur commits it), let it settle and check that the text stayed.
        for (int attempt = 0; attempt < 3; attempt++) {
            browser.click(el);
            browser.type(el, "\uE009a\uE000\uE003");
            if (!text.isEmpty()) {
                browser.type(el, text);
            }
            browser.execute("arguments[0].blur();", element(el));
            Thread.sleep(500);
            if (text.equals(browser.execute("return arguments[0].value;", element(el)).asText())) {
                return this;
            }
        }
        throw new IllegalStateException("the field «" + label + "» did not keep «" + text + "»");
    }

    /** What the input or text area labelled {@code label} shows now (as the person reads it). */
    /**
     * What a read-only field labelled {@code label} shows (citizen and other offices' text is shown in read-only
     * fields, as text, never as Markdown); waits until it is filled in.
     */
    public String shown(String label) throws Exception {
        String el = browser.findXpath("//form//label[contains(normalize-space(.),\"" + label + "\")]"
                + "/following::*[self::input or self::textarea][not(@type='hidden')][1]");
        String v = "";
        for (int i = 0; i < 50 && v.isEmpty(); i++) {
            v = browser.execute("return arguments[0].value;", element(el)).asText();
            if (v.isEmpty()) {
                Thread.sleep(100);
            }
        }
        return v;
    }

    public String value(String label) throws Exception {
        return browser.execute("return arguments[0].value;", element(field(label))).asText();
    }

    /** Chooses the option {@code option} of the radio group or checkbox labelled so. */
    public Tasklist choose(String option) throws Exception {
        String q = "\"" + option + "\"";
        // a required field's label ends with form-js's asterisk
        String el = browser.findXpath("//form//label[normalize-space(.)=" + q + " or normalize-space(.)=concat(" + q
                + ", '*') or .//*[normalize-space(.)=" + q + "]]");
        browser.clickCentered(el);
        return this;
    }

    /** Picks {@code option} in the form-js select labelled {@code label}. */
    public Tasklist select(String label, String option) throws Exception {
        String input = browser.findXpath("//form//label[contains(normalize-space(.),\"" + label + "\")]"
                + "/following::input[contains(@class,'fjs-select-hidden-input') or contains(@class,'fjs-input')][1]");
        browser.execute("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", element(input));
        String item = browser.findXpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=\""
                + option + "\"]");
        try {
            browser.clickCentered(item);
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).contains("element click intercepted")) {
                throw e;
            }
            // under Tasklist's fixed footer: the item takes the mouse press as from a person (form-js listens to it)
            screenshot("intercepted-select");
            browser.execute("['mousedown', 'mouseup', 'click'].forEach(t => arguments[0].dispatchEvent("
                    + "new MouseEvent(t, {bubbles: true, cancelable: true, view: window, button: 0})));", element(item));
        }
        return this;
    }

    /** Chooses a file in the embedded form's file input named {@code variable}. */
    public Tasklist file(String variable, Path file) throws Exception {
        browser.type(browser.find("input[type=file][cam-variable-name=" + variable + "]"),
                file.toAbsolutePath().toString());
        return this;
    }

    public Tasklist screenshot(String name) throws Exception {
        browser.screenshot(Path.of("target/screenshots/" + name + ".png"));
        return this;
    }

    /** Presses Completar. */
    public Tasklist complete() throws Exception {
        String button = browser.findXpath("//button[normalize-space(.)='Completar']");
        try {
            browser.clickCentered(button);
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).contains("element click intercepted")) {
                throw e;
            }
            // covered by something drawn over it: the button is still pressed as a person would, after scrolling
            screenshot("intercepted-completar");
            browser.execute("arguments[0].click();", element(button));
        }
        return this;
    }

    /** Waits up to 30 s for {@code done} (e.g. the task gone from the engine). */
    public static boolean waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return done.getAsBoolean();
    }

    private static Map<String, String> element(String id) {
        return Map.of("element-6066-11e4-a52e-4f735466cecf", id);
    }

    @Override
    public void close() throws Exception {
        browser.close();
    }
}
