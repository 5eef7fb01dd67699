package pe.gob.regioncajamarca.participa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;
import pe.gob.regioncajamarca.participa.testsupport.PortalCycle;

/**
 * The citizen pages in English once the citizen chooses it (?lang=en, then the cookie): texts, phase names and the
 * errors of a form, with no message key left unresolved (Thymeleaf shows a missing one as ??key_en??). Spanish stays
 * the default.
 */
@ParticipaIntegrationTest
class EnglishPagesIT {

    @LocalServerPort int port;
    @Autowired CycleService cycles;
    @Autowired DueDates dueDates;

    @BeforeEach
    void aCycleIsOpen() {
        PortalCycle.ensure(cycles, dueDates.today());
    }

    @Test
    void everyCitizenPageReadsInEnglish() {
        Http http = new Http(port);
        assertThat(http.get("/?lang=en").body()).contains("<html lang=\"en\"");
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("/ideas", new String[] {"Project ideas", "Propose an idea"});
        pages.put("/ideas/nueva", new String[] {"Propose a project idea", "Name of the idea", "Send idea"});
        pages.put("/reclamos", new String[] {"Complaints, queries and reports", "What would you like to file?",
                "Request for access to public information", "Anonymous report"});
        pages.put("/agentes/inscripcion", new String[] {"Registration of participating agents", "Father&#39;s surname",
                "— Choose —", "Send registration"});
        pages.put("/acceso/recuperar", new String[] {"Forgot your password?", "Send link"});
        pages.put("/resultados", new String[] {"Results of the participatory budget", "Cycle " + PortalCycle.YEAR});
        pages.put("/resultados/" + PortalCycle.YEAR, new String[] {"Phase:", "Documents of the cycle", "No results yet"});
        pages.put("/votacion/resultados", new String[] {"Online votes per project"});
        pages.put("/seguimiento", new String[] {"Monitoring of the prioritised projects", "By province (cycle ",
                "Quarterly rounds and reports"});
        pages.put("/rendicion-de-cuentas", new String[] {"Accountability", "The last ten participatory budget"});
        pages.put("/capacitacion", new String[] {"Citizen participation training programme", "Verify a certificate"});
        pages.put("/capacitacion/certificados", new String[] {"Verify a training certificate", "Verification code"});
        pages.put("/capacitacion/indicadores", new String[] {"Indicators of the training programme", "By sex"});
        pages.put("/vigilancia", new String[] {"Citizen oversight", "File a site visit report"});
        pages.put("/noticias", new String[] {"<h1>News</h1>", "Subscribe to the news (Atom)"});
        pages.put("/datos-abiertos", new String[] {"Open data", "What is published", "Downloads per cycle"});
        pages.put("/registro-de-integridad", new String[] {"Integrity ledger", "The chain", "What it proves and what it does not"});
        pages.forEach((path, texts) -> {
            String body = http.get(path).body();
            assertThat(body).as(path).contains("<html lang=\"en\"").contains(texts).doesNotContain("??", "_en??");
        });
        // the phase of the current cycle by its English name
        assertThat(http.get("/").body()).contains("Registration and accreditation of agents");
        // back to Spanish
        assertThat(http.get("/ideas?lang=es").body()).contains("<html lang=\"es\"", "Ideas de proyecto",
                "Proponer una idea");
    }

    @Test
    void formErrorsSayInEnglishWhatToFixAndKeepWhatWasTyped() {
        Http http = new Http(port);
        http.get("/?lang=en");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("documentType", "DNI");
        form.put("documentNumber", "12");
        form.put("firstSurname", "Quispe");
        form.put("password", "abc");
        form.put("passwordConfirmation", "abd");
        String body = http.submit("/agentes/inscripcion", "/agentes/inscripcion", form).body();
        assertThat(body).contains("Please check the marked fields:",
                "The document number must have exactly 8 digits, without spaces or dashes.",
                "Enter your given names.", "The two passwords do not match.",
                "You must accept the privacy policy.", "value=\"Quispe\"");
        assertThat(body).doesNotContain("Escriba sus nombres.");

        Map<String, String> idea = new LinkedHashMap<>();
        idea.put("title", "Corto");
        idea.put("theme", "Algo que no existe");
        String ideaPage = http.submit("/ideas/nueva", "/ideas/nueva", idea).body();
        assertThat(ideaPage).contains("The name of the idea must have between 10 and 300 characters.",
                "Choose a theme from the list.", "value=\"Corto\"");

        Map<String, String> complaint = new LinkedHashMap<>();
        complaint.put("asunto", "Una consulta en inglés");
        String complaintPage = http.submit("/reclamos", "/reclamos", complaint).body();
        assertThat(complaintPage).contains("Please check the following; nothing was saved:",
                "value=\"Una consulta en inglés\"");
    }
}
