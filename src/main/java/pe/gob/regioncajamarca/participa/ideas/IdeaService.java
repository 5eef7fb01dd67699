package pe.gob.regioncajamarca.participa.ideas;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.projects.Territory;

import java.math.BigDecimal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.notification.Notifications;

/** Citizens' project ideas and their public answers ({@code project-idea-review}). */
@Service
public class IdeaService {

    public static final String PROCESS_KEY = "project-idea-review";

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final Notifications notifications;

    private final Territory territory;

    public IdeaService(JdbcClient jdbc, RuntimeService runtime, Notifications notifications, Territory territory) {
        this.territory = territory;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.notifications = notifications;
    }

    public record Idea(long id, String trackingCode, int cycleYear, String title, String provinceName,
                       String status, String publicAnswer, String contactEmail) {
    }

    /** Stores the idea and starts its review; returns the tracking code the citizen keeps. */
    @Transactional
    public Idea submit(IdeaSubmission s) {
        Timestamp now = Now.timestamp();
        String provisional = "IDEA-TMP-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO project_idea (tracking_code, cycle_year, title, province_code, district_ubigeo, theme,
                    pdrc_axis, beneficiaries, approximate_amount, contact_email, status, submitted_at, description)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECIBIDA', ?, ?)""")
                .params(provisional, s.cycleYear(), s.title(), s.provinceCode(), s.districtUbigeo(), s.theme(),
                        s.pdrcAxis(), s.beneficiaries(), s.approximateAmount(), s.contactEmail(), now,
                        s.description() == null || s.description().isBlank() ? null : s.description().strip())
                .update();
        long id = jdbc.sql("SELECT id FROM project_idea WHERE tracking_code = ?").param(provisional)
                .query(Long.class).single();
        String code = String.format("IDEA-%d-%06d", s.cycleYear(), id);
        Idea idea = find(id).orElseThrow();
        String pid = runtime.startProcessInstanceByKey(PROCESS_KEY, code, Map.of(IdeaVariables.IDEA_ID, id,
                IdeaVariables.CODIGO, code, IdeaVariables.TITULO, s.title(), IdeaVariables.PROVINCIA, idea.provinceName())).getId();
        jdbc.sql("UPDATE project_idea SET tracking_code = ?, process_instance_id = ? WHERE id = ?")
                .params(code, pid, id).update();
        return find(id).orElseThrow();
    }

    /** Outcomes of the technical team's assessment (form evaluar-idea, variable viable). */
    public enum Outcome {
        VIABLE("si", "viable; se incorporará a la cartera de inversiones"),
        FUSIONADA("fusionada", "se fusiona con un proyecto existente de la cartera"),
        NO_VIABLE("no", "no viable por ahora");

        final String formValue;
        final String text;

        Outcome(String formValue, String text) {
            this.formValue = formValue;
            this.text = text;
        }

        public static Outcome ofForm(Object value) {
            for (Outcome o : values()) {
                if (o.formValue.equals(value)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("Elija el resultado de la evaluación.");
        }
    }

    /** Records the technical team's public answer and tells the citizen (if they left an e-mail). */
    @Transactional
    public void answer(long ideaId, Outcome outcome, String publicAnswer) {
        if (publicAnswer == null || publicAnswer.isBlank()) {
            throw new IllegalArgumentException("La respuesta pública es obligatoria.");
        }
        jdbc.sql("UPDATE project_idea SET status = ?, public_answer = ?, answered_at = ? WHERE id = ?")
                .params(outcome.name(), publicAnswer.trim(), Now.timestamp(), ideaId)
                .update();
        Idea idea = find(ideaId).orElseThrow();
        notifications.send("idea-respuesta:" + ideaId, idea.contactEmail(),
                "Respuesta a su idea de proyecto " + idea.trackingCode(), "idea-respondida",
                java.util.Map.of("title", idea.title(), "code", idea.trackingCode(), "outcome", outcome.text,
                        "answer", idea.publicAnswer()));
    }

    /**
     * "Incorporar idea a la cartera de inversiones" completed: the CUI the idea of the process got (up to 7 digits),
     * if one was given.
     */
    public void incorporated(String processInstanceId, String cui) {
        if (cui != null && !cui.isBlank()) {
            if (!cui.strip().matches("\\d{1,7}")) {
                throw new IllegalArgumentException("El CUI tiene hasta 7 dígitos.");
            }
            assignCui(ideaOfProcess(processInstanceId), cui.strip());
        }
    }

    /**
     * "Evaluar idea de proyecto" completed: an outcome and a public answer are required (it is published and sent
     * to the author); a merged idea ({@code fusionada}) names the CUI (up to 7 digits) of the project it merges into.
     */
    public void assessed(String processInstanceId, Object outcome, String publicAnswer, String mergeCui) {
        if (outcome == null) {
            throw new IllegalArgumentException("Elija el resultado de la evaluación.");
        }
        if (publicAnswer == null || publicAnswer.isBlank()) {
            throw new IllegalArgumentException("Escriba la respuesta pública: se publica y se envía a quien "
                    + "presentó la idea.");
        }
        if ("fusionada".equals(outcome)) {
            if (mergeCui == null || !mergeCui.strip().matches("\\d{1,7}")) {
                throw new IllegalArgumentException("Indique el CUI (hasta 7 dígitos) del proyecto con el que se "
                        + "fusiona la idea.");
            }
            mergeInto(ideaOfProcess(processInstanceId), mergeCui.strip());
        }
    }

    /** The CUI the idea got in the investment portfolio. */
    @Transactional
    public void assignCui(long ideaId, String cui) {
        jdbc.sql("UPDATE project_idea SET assigned_cui = ? WHERE id = ?").params(cui, ideaId).update();
    }

    /** The ideas of a cycle as the public sees them (never the contact e-mail), newest first. */
    public java.util.List<Idea> ofCycle(int year) {
        return jdbc.sql("SELECT id FROM project_idea WHERE cycle_year = ? ORDER BY id DESC").param(year)
                .query(Long.class).list().stream().map(id -> find(id).orElseThrow())
                .map(i -> new Idea(i.id(), i.trackingCode(), i.cycleYear(), i.title(), i.provinceName(), i.status(),
                        i.publicAnswer(), null))
                .toList();
    }

    public Optional<Idea> findByCode(String trackingCode) {
        return jdbc.sql("SELECT id FROM project_idea WHERE tracking_code = ?").param(trackingCode).query(Long.class)
                .optional().flatMap(this::find);
    }

    public Optional<Idea> find(long id) {
        return jdbc.sql("""
                SELECT i.id, i.tracking_code, i.cycle_year, i.title, i.province_code, i.status,
                       i.public_answer, i.contact_email
                FROM project_idea i WHERE i.id = ?""")
                .param(id)
                .query((rs, n) -> new Idea(rs.getLong("id"), rs.getString("tracking_code"), rs.getInt("cycle_year"),
                        rs.getString("title"), rs.getString("province_code"), rs.getString("status"),
                        rs.getString("public_answer"), rs.getString("contact_email")))
                .optional()
                .flatMap(i -> territory.provinceName(i.provinceName()).map(province -> new Idea(i.id(),
                        i.trackingCode(), i.cycleYear(), i.title(), province, i.status(), i.publicAnswer(),
                        i.contactEmail())));
    }

    /** The idea a {@code project-idea-review} instance was started for. */
    public long ideaOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT id FROM project_idea WHERE process_instance_id = ?").param(processInstanceId)
                .query(Long.class).optional().orElseThrow(() -> new IllegalStateException(
                        "No idea for process instance " + processInstanceId));
    }

    /** What the technical team reads before assessing an idea (issue 19): everything the citizen wrote, and support. */
    public record Assessment(String theme, String pdrcAxis, String district, Integer beneficiaries,
                             BigDecimal approximateAmount, String description) {
    }

    public Optional<Assessment> assessment(long ideaId) {
        return jdbc.sql("""
                SELECT i.theme, i.pdrc_axis, i.district_ubigeo, i.beneficiaries, i.approximate_amount,
                       i.description
                FROM project_idea i WHERE i.id = ?""")
                .param(ideaId)
                .query((rs, n) -> new Assessment(rs.getString("theme"), rs.getString("pdrc_axis"),
                        territory.districtName(rs.getString("district_ubigeo")).orElse(null), (Integer) rs.getObject("beneficiaries", Integer.class),
                        rs.getBigDecimal("approximate_amount"), rs.getString("description")))
                .optional();
    }

    /** The existing project (CUI) the idea is merged into. */
    public void mergeInto(long ideaId, String cui) {
        jdbc.sql("UPDATE project_idea SET merged_into_cui = ? WHERE id = ?").params(cui, ideaId).update();
    }

    public Optional<String> mergedInto(long ideaId) {
        return jdbc.sql("SELECT merged_into_cui FROM project_idea WHERE id = ?").param(ideaId).query(String.class)
                .optional().filter(c -> c != null);
    }
}
