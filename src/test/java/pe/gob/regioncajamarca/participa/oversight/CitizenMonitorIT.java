package pe.gob.regioncajamarca.participa.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** A citizen monitor (certified by the oversight course) files a site-visit report on the portal; others may not. */
class CitizenMonitorIT extends ProcessTest {

    @Autowired CitizenAccounts citizens;
    @Autowired OversightReports reports;
    @LocalServerPort int port;

    private String citizenWithPassword(boolean monitor) {
        String dni = String.format("4%07d", unique() % 10_000_000);
        long id = citizens.create("DNI", dni, "clave-monitor", dni + "@example.pe", "Luz", "Chávez", null);
        if (monitor) {
            Timestamp now = Timestamp.from(Instant.now());
            String code = "CAP-T-" + unique();
            jdbc.sql("""
                    INSERT INTO training_edition (code, title, modules, audience, modality, oversight_course,
                        min_attendance_pct, evaluation_required, capacity, enrolment_deadline, status, created_at)
                    VALUES (?, 'Vigilancia ciudadana de obras públicas', 'Módulo 1', 'Sociedad civil', 'PRESENCIAL', TRUE,
                        75, FALSE, 30, DATE '2026-01-31', 'CONCLUIDO', ?)""").params(code, now).update();
            jdbc.sql("""
                    INSERT INTO training_enrolment (edition_id, citizen_id, status, position, enrolled_at, sex, age_group,
                        province_code, organization_type)
                    SELECT id, ?, 'INSCRITO', 1, ?, 'F', '30-44', ?, 'Junta vecinal' FROM training_edition WHERE code = ?""")
                    .params(id, now, TEST_PROVINCE, code).update();
            jdbc.sql("""
                    INSERT INTO training_certificate (enrolment_id, verification_code, attendance_pct, issued_at)
                    SELECT e.id, ?, 100, ? FROM training_enrolment e JOIN training_edition t ON t.id = e.edition_id
                    WHERE t.code = ?""").params("VER" + unique(), now, code).update();
            jdbc.sql("""
                    INSERT INTO citizen_monitor (citizen_id, certificate_id, since)
                    SELECT ?, c.id, ? FROM training_certificate c JOIN training_enrolment e ON e.id = c.enrolment_id
                    WHERE e.citizen_id = ?""").params(id, now, id).update();
        }
        return dni;
    }

    private Http loggedIn(String dni) {
        Http http = new Http(port);
        http.postForm("/login", Map.of("username", dni, "password", "clave-monitor", "_csrf", http.csrfTokenOf("/login")));
        return http;
    }

    @Test
    void aMonitorFilesASiteVisitThatFollowsTheProcessAndOthersAreSentToTheCourse() {
        int year = freeYear();
        formalisedCycle(year);
        String cui = String.valueOf(7300000 + unique() % 10000);
        jdbc.sql("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized,
                                     execution_status, monitored_since)
                VALUES (?, ?, 'Defensa ribereña del río Chonta', 'CAJAMARCA', 800000, 'Ambiente', ?, TRUE,
                        'EN_EJECUCION', CURRENT_DATE)""").params(year, cui, TEST_UNIT).update();

        Http notMonitor = loggedIn(citizenWithPassword(false));
        assertThat(notMonitor.get("/vigilancia/nuevo").body()).contains("los presentan los monitores ciudadanos");
        assertThat(new Http(port).get("/vigilancia/nuevo").statusCode()).isEqualTo(302); // to the login
        // the form is linked where its users look (issue 19): Mi cuenta of a monitor only, and the project's page
        assertThat(notMonitor.get("/mi-cuenta").body()).doesNotContain("href=\"/vigilancia/nuevo\"");
        assertThat(new Http(port).get("/proyectos/" + year + "/" + cui).body())
                .contains("href=\"/vigilancia/nuevo?cui=" + cui + "\"");

        String dni = citizenWithPassword(true);
        Http monitor = loggedIn(dni);
        assertThat(monitor.get("/mi-cuenta").body()).contains("Vigilancia ciudadana", "href=\"/vigilancia/nuevo\"",
                "Presentar un reporte de visita de obra", "Aún no presentó reportes de visita de obra.");
        // from the project's page, that project comes ticked
        assertThat(monitor.get("/vigilancia/nuevo?cui=" + cui).body())
                .containsPattern("name=\"cui\" value=\"" + cui + "\" checked");
        String form = monitor.get("/vigilancia/nuevo").body();
        assertThat(form).contains("Defensa ribereña del río Chonta", "Lista de verificación");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", monitor.csrfTokenOf("/vigilancia/nuevo"));
        fields.put("tipo", "VISITA");
        fields.put("fechaVisita", plazos.today().toString());
        fields.put("cui", cui);
        fields.put("hallazgo", "sinCartel");
        fields.put("resumen", "La obra no tiene cartel de obra y el cuaderno no estaba disponible.");
        fields.put("alerta", "true");
        var r = monitor.postMultipart("/vigilancia/nuevo", fields, "archivos", null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String code = r.headers().firstValue("Location").orElseThrow().replaceAll(".*/vigilancia/([A-Z0-9-]+).*", "$1");
        OversightReports.Report report = reports.find(code).orElseThrow();
        assertThat(report.author()).isEqualTo(OversightReports.MONITOR_PREFIX + dni);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);
        assertThat(monitor.get("/vigilancia/" + code + "?nuevo").body()).contains("Reporte registrado")
                .doesNotContain(dni);
        // staff read the monitor's name, never the DNI (issue 19)
        String planner = staffUser("planning");
        Http staff = new Http(port);
        staff.staffLogin(planner, "secreto-" + planner);
        assertThat(staff.get("/personal/vigilancia/" + code).body()).contains("Monitor ciudadano Luz Chávez")
                .doesNotContain(dni);
        assertThat(monitor.get("/mi-cuenta").body()).contains("href=\"/vigilancia/" + code + "\"", "En revisión");
    }
}
