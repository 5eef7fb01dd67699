package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.complaints.ComplaintService;
import pe.gob.regioncajamarca.participa.documents.UploadedFiles;
import pe.gob.regioncajamarca.participa.ideas.IdeaService;
import pe.gob.regioncajamarca.participa.ideas.IdeaSubmission;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * The access matrix: every HTTP endpoint of the application (the portal, the staff pages, {@code /engine-rest},
 * the Camunda webapps, open data and actuator) requested by each kind of user, with the answer each one must get.
 * The matrices below are the documentation ({@code docs/security.md} shows them); the test prints what it checked
 * and keeps a copy in {@code target/access-matrix.md}.
 *
 * <p>Each kind of user has one HTTP session for the whole walk: anonymous; a citizen logged in to the portal; an
 * accredited agent logged in to the portal; one staff user of each group logged in to the staff pages
 * ({@code /personal/login}). At {@code /engine-rest} and {@code /actuator/prometheus} every request carries the user's own credentials as HTTP Basic
 * (a citizen's DNI and password, which the engine does not know); in the webapps each one tries the webapp login.
 */
class AccessMatrixIT extends ProcessTest {

    /** The kinds of user, in the order of the matrix's columns. */
    enum Who {
        ANON("anon"), CITIZEN("citizen"), AGENT("agent"), PLANNING("planning"), TECHNICAL("technical"),
        MANAGEMENT("management"), OVERSIGHT("oversight"), INTEGRITY("integrity"), COMMUNICATIONS("comms"),
        ADMIN("admin"), UNIT("unit");

        final String column;

        Who(String column) {
            this.column = column;
        }

        boolean staff() {
            return ordinal() >= PLANNING.ordinal();
        }
    }

    /**
     * Who gets what. Cells: a status code; {@code L} = 302 to the portal login ({@code /login}); {@code P} = 302 to
     * the staff login ({@code /personal/login}); {@code 302} = another redirect (a form answered with a message on
     * the next page). Columns: anonymous, a citizen logged in to the portal, an accredited agent, then one user of
     * each staff group ({@code unit} = {@code unit-sede-central}, the executing unit of the test project).
     * POSTs send a valid CSRF token and an empty or invalid form: they show who gets past the guard, not the
     * form's rules. Placeholders in braces are real ids created before the walk.
     */
    static final String MATRIX = """
            | method | path | anon | citizen | agent | planning | technical | management | oversight | integrity | comms | admin | unit |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|
            | GET | / | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /login | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /css/portal.css | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /forms/evaluar-proyectos.html | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /error | 500 | 500 | 500 | 500 | 500 | 500 | 500 | 500 | 500 | 500 | 500 |
            | GET | /acceso/recuperar | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /acceso/recuperar | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /acceso/restablecer?token=no-vale | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /acceso/restablecer | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /acceso/crear-cuenta | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /acceso/crear-cuenta | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /agentes/inscripcion | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /agentes/inscripcion | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /mi-cuenta | L | 200 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /avisos?correo=ana@example.pe&firma=falsa | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | POST | /avisos | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | GET | /ideas | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /ideas/{idea} | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /ideas/nueva | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /ideas/nueva | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /ideas/{idea}/apoyo | L | 302 | 302 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /votacion | L | 200 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | POST | /votacion/{project} | L | 200 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /votacion/resultados | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /proyectos | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /proyectos/{year}/{cui} | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /resultados | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /resultados/{year} | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /resultados/{year}/matriz-priorizacion.csv | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /resultados/{year}/matriz-priorizacion.pdf | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /resultados/{year}/evaluacion-tecnica.pdf | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /resultados/{year}/agentes-acreditados.pdf | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /resultados/{year}/acta-acuerdos.pdf | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | GET | /resultados/{year}/acta-eleccion-comite.pdf | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | GET | /seguimiento | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /seguimiento/{quarter} | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /seguimiento/{quarter}/informe.pdf | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /rendicion-de-cuentas | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /rendicion-de-cuentas/{year} | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /rendicion-de-cuentas/{year}/proyectos.csv | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /registro-de-integridad | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /reclamos | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /reclamos | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /reclamos/seguimiento?codigo={complaint} | 302 | 302 | 302 | 302 | 302 | 302 | 302 | 302 | 302 | 302 | 302 |
            | GET | /reclamos/{complaint} | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /reclamos/{denuncia} | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /vigilancia | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /vigilancia/{report} | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /vigilancia/nuevo | L | 200 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | POST | /vigilancia/nuevo | L | 200 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /capacitacion | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /capacitacion/{edition} | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /capacitacion/{edition}/inscripcion | L | 302 | 302 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | POST | /capacitacion/{edition}/cancelacion | L | 302 | 302 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /capacitacion/mis-cursos | L | 200 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /capacitacion/certificados | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /capacitacion/certificados/CERT-NOEXISTE | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /capacitacion/certificados/CERT-NOEXISTE.pdf | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | GET | /capacitacion/indicadores | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /capacitacion/{edition}/informe.pdf | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /datos-abiertos | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /noticias | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /noticias/{news} | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /noticias/0 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | GET | /noticias/feed.xml | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /api/open-data/cycles | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /api/open-data/cycles/{year}/projects | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /api/open-data/cycles/{year}/projects.csv | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /api/open-data/cycles/{year}/pabulib/{scope}.pb | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /api/open-data/projects/{cui}/progress | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /api/open-data/projects/{cui}/progress.csv | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /api/open-data/training/indicators | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /api/open-data/training/indicators.csv | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /api/open-data/national-investments | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /api/open-data/national-investments.csv | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /api/open-data/cycles | L | 405 | 405 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /demo/correos | P | 403 | 403 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | GET | /personal/login | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /personal | P | 403 | 403 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /personal/ciclos/{year} | P | 403 | 403 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /personal/ciclos/{year}/cierre-anticipado | P | 403 | 403 | 302 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /personal/ciclos/{year}/talleres | P | 403 | 403 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | POST | /personal/ciclos/{year}/talleres | P | 403 | 403 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /personal/ciclos/{year}/talleres/cedula | P | 403 | 403 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | POST | /personal/ciclos/{year}/talleres/cedula | P | 403 | 403 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /personal/ciclos/{year}/comite | P | 403 | 403 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /personal/ciclos/{year}/comite | P | 403 | 403 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | POST | /personal/ciclos/{year}/demo-adelantar | P | 403 | 403 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | GET | /personal/historial | P | 403 | 403 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | POST | /personal/historial | P | 403 | 403 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /personal/inversiones | P | 403 | 403 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /personal/noticias | P | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 200 | 200 | 403 |
            | GET | /personal/noticias/nueva | P | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 200 | 200 | 403 |
            | POST | /personal/noticias/nueva | P | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 200 | 200 | 403 |
            | GET | /personal/noticias/{news} | P | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 200 | 200 | 403 |
            | POST | /personal/noticias/{newsDraft} | P | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 200 | 200 | 403 |
            | POST | /personal/noticias/{newsDraft}/publicar | P | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 302 | 302 | 403 |
            | POST | /personal/noticias/{newsDraft}/retirar | P | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 302 | 302 | 403 |
            | GET | /personal/plazos | P | 403 | 403 | 200 | 403 | 200 | 403 | 403 | 403 | 200 | 403 |
            | GET | /personal/plazos/{unitGroup} | P | 403 | 403 | 200 | 403 | 200 | 403 | 403 | 403 | 200 | 403 |
            | GET | /personal/plazos/integrity-office | P | 403 | 403 | 404 | 403 | 404 | 403 | 403 | 403 | 404 | 403 |
            | GET | /personal/capacitacion/{edition} | P | 403 | 403 | 200 | 403 | 200 | 403 | 403 | 200 | 403 | 403 |
            | GET | /personal/seguimiento/evidencias/{monitoring} | P | 403 | 403 | 200 | 403 | 200 | 200 | 403 | 403 | 403 | 200 |
            | POST | /personal/seguimiento/evidencias/{monitoring} | P | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 200 |
            | GET | /personal/seguimiento/evidencias/{monitoring}/archivos/{evidence} | P | 403 | 403 | 200 | 403 | 200 | 200 | 403 | 403 | 403 | 200 |
            | GET | /personal/vigilancia | P | 403 | 403 | 403 | 403 | 403 | 200 | 403 | 403 | 403 | 403 |
            | POST | /personal/vigilancia | P | 403 | 403 | 403 | 403 | 403 | 200 | 403 | 403 | 403 | 403 |
            | GET | /personal/vigilancia/{report} | P | 403 | 403 | 200 | 403 | 200 | 200 | 403 | 403 | 403 | 200 |
            | GET | /personal/vigilancia/{report}/archivos/{reportFile} | P | 403 | 403 | 200 | 403 | 200 | 200 | 403 | 403 | 403 | 200 |
            | GET | /personal/denuncias/{denuncia} | P | 403 | 403 | 403 | 403 | 403 | 403 | 200 | 403 | 403 | 403 |
            | GET | /personal/solicitudes/{denuncia}/adjunto | P | 403 | 403 | 403 | 403 | 403 | 403 | 200 | 403 | 403 | 403 |
            | GET | /personal/solicitudes/{complaint}/adjunto | P | 403 | 403 | 200 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /actuator/health | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /actuator/prometheus | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 403 | 403 | 200 | 403 |
            | GET | /actuator | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /actuator/env | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /actuator/beans | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /actuator/metrics | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /actuator/configprops | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /actuator/mappings | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /actuator/loggers | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /actuator/heapdump | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /actuator/threaddump | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | POST | /actuator/shutdown | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /h2-console | L | 404 | 404 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | GET | /engine-rest/version | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /engine-rest/engine | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /engine-rest/task | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /engine-rest/task/{denunciaTask} | 401 | 401 | 401 | 404 | 404 | 404 | 404 | 200 | 404 | 200 | 404 |
            | GET | /engine-rest/task/{denunciaTask}/variables | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 200 | 403 | 200 | 403 |
            | GET | /engine-rest/task/{denunciaTask}/identity-links | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 200 | 403 | 200 | 403 |
            | GET | /engine-rest/process-definition | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /engine-rest/process-instance | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /engine-rest/process-instance/{denunciaInstance} | 401 | 401 | 401 | 404 | 404 | 404 | 404 | 200 | 404 | 200 | 404 |
            | GET | /engine-rest/process-instance/{denunciaInstance}/variables | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 200 | 403 | 200 | 403 |
            | POST | /engine-rest/process-definition/key/participatory-budget-cycle/start | 401 | 401 | 401 | 500 | 403 | 403 | 404 | 404 | 404 | 500 | 404 |
            | GET | /engine-rest/history/process-instance | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /engine-rest/history/variable-instance | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /engine-rest/history/task | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /engine-rest/deployment | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /engine-rest/user | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /engine-rest/group | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /engine-rest/user/create | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 403 | 403 | 204 | 403 |
            | PUT | /engine-rest/group/planning/members/{self} | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 403 | 403 | 204 | 403 |
            | GET | /engine-rest/authorization | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | POST | /engine-rest/authorization/create | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 403 | 403 | 200 | 403 |
            | GET | /camunda/app/tasklist/default/ | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /camunda/app/cockpit/default/ | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /camunda/app/admin/default/ | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /camunda/api/engine/engine/default/task/count | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 |
            | GET | /camunda/api/admin/auth/user/default | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 | 404 |
            | POST | /camunda/api/admin/setup/default/user/create | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 |
            | POST | /camunda/api/admin/auth/user/default/login/admin | 401 | 401 | 401 | 403 | 403 | 403 | 403 | 403 | 403 | 200 | 403 |
            | POST | /camunda/api/admin/auth/user/default/login/cockpit | 401 | 401 | 401 | 200 | 403 | 200 | 403 | 403 | 403 | 200 | 403 |
            | POST | /camunda/api/admin/auth/user/default/login/tasklist | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /camunda/api/engine/engine/default/task/count | 401 | 401 | 401 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 |
            | GET | /camunda/api/engine/engine/default/task/{denunciaTask} | 401 | 401 | 401 | 404 | 404 | 404 | 404 | 200 | 404 | 200 | 404 |
            """;

    /**
     * What each staff group sees of real process instances through {@code /engine-rest} (Camunda authorizations):
     * a report of wrongdoing (wrongdoing-report, task «Atender denuncia» for the integrity office), a complaint
     * (complaint-handling, waiting for the planning office's triage) and an oversight
     * report whose unit statement («Presentar descargo», for {@code unit-sede-central}) is open. {@code yes}: the
     * object is listed or read (200); {@code -}: not listed, or 403/404. {@code other unit} is a member of another
     * executing unit's group ({@code unit-unidad-prueba}). Planning and regional management read every task of the
     * processes they watch (READ_TASK on the definition: Cockpit's "Tareas de usuario", who is late, issue 19) but
     * work only their own; the committee may read the oversight-report definition but not its
     * instances (its members follow their reports on {@code /personal/vigilancia/{code}}).
     */
    static final String ENGINE_MATRIX = """
            | what (through /engine-rest) | planning | technical | management | oversight | integrity | comms | admin | unit | other unit |
            |---|---|---|---|---|---|---|---|---|---|
            | report of wrongdoing: its task in the task list | - | - | - | - | yes | - | yes | - | - |
            | report of wrongdoing: the task's variables | - | - | - | - | yes | - | yes | - | - |
            | report of wrongdoing: its process instance | - | - | - | - | yes | - | yes | - | - |
            | report of wrongdoing: its process variables | - | - | - | - | yes | - | yes | - | - |
            | report of wrongdoing: its history (instance) | - | - | - | - | yes | - | yes | - | - |
            | report of wrongdoing: its history (variables) | - | - | - | - | yes | - | yes | - | - |
            | report of wrongdoing: its history (tasks) | - | - | - | - | yes | - | yes | - | - |
            | complaint: its process instance | yes | - | yes | - | - | - | yes | - | - |
            | complaint: its history (instance) | yes | - | yes | - | - | - | yes | - | - |
            | the user directory: another staff user (a planner) | - | - | - | - | - | - | yes | - | - |
            | the groups: the integrity office | - | - | - | - | yes | - | yes | - | - |
            | oversight report: the unit's statement task | yes | - | yes | - | - | - | yes | yes | - |
            | oversight report: that task's variables | yes | - | yes | - | - | - | yes | yes | - |
            | oversight report: its process instance | yes | - | yes | - | - | - | yes | - | - |
            | oversight report: its process variables | yes | - | yes | - | - | - | yes | - | - |
            | oversight report: its history (instance) | yes | - | yes | - | - | - | yes | - | - |
            | oversight report: its history (variables) | yes | - | yes | - | - | - | yes | - | - |
            | oversight report: its history (tasks) | yes | - | yes | - | - | - | yes | - | - |
            """;

    /** The executing unit of the test project: a real one, whose group got its Tasklist grant at start. */
    static final String UNIT = "sede-central";
    static final String UNIT_GROUP = "unit-sede-central";

    @LocalServerPort int port;
    @Autowired CitizenAccounts citizens;
    @Autowired ComplaintService complaints;
    @Autowired IdeaService ideas;
    @Autowired pe.gob.regioncajamarca.participa.news.News news;

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<Who, Browser> browsers = new EnumMap<>(Who.class);
    private final Map<Who, String[]> credentials = new EnumMap<>(Who.class);

    // ---------------------------------------------------------------------------------------------- the walk

    @Test
    void everyEndpointAnswersEachKindOfUserAsTheMatrixSays() throws Exception {
        long setUp = System.nanoTime();
        createData();
        logInEveryone();
        System.out.printf("data and logins in %.1f s%n", (System.nanoTime() - setUp) / 1e9);
        List<Row> rows = parse(MATRIX);
        List<String> mismatches = new ArrayList<>();
        StringBuilder printed = new StringBuilder(MATRIX.lines().limit(2).reduce("", (a, b) -> a + b + "\n"));
        // each kind of user walks the rows in order in its own session; the kinds walk side by side
        long started = System.nanoTime();
        Map<Who, List<String>> answers = new EnumMap<>(Who.class);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            Map<Who, java.util.concurrent.Future<List<String>>> walks = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                walks.put(who, pool.submit(() -> rows.stream().map(r -> answer(who, r.method, resolve(r.path, who))).toList()));
            }
            for (Who who : Who.values()) {
                answers.put(who, walks.get(who).get());
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("%d requests in %.1f s%n", rows.size() * Who.values().length, (System.nanoTime() - started) / 1e9);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            StringBuilder line = new StringBuilder("| " + row.method + " | " + row.path + " |");
            for (Who who : Who.values()) {
                String expected = row.expected.get(who);
                String actual = answers.get(who).get(i);
                line.append(' ').append(actual.equals(expected) ? actual : "**" + actual + "≠" + expected + "**").append(" |");
                if (!actual.equals(expected)) {
                    mismatches.add(row.method + " " + row.path + " as " + who.column + ": expected " + expected
                            + ", got " + actual);
                }
            }
            printed.append(line).append('\n');
        }
        report("Access matrix (" + rows.size() + " requests × " + Who.values().length + " kinds of user)", printed,
                "access-matrix.md");
        assertThat(mismatches).as("requests that did not get the answer of the matrix").isEmpty();
    }

    /** docs/security.md shows both matrices exactly as the tests check them. */
    @Test
    void theSecurityDocumentShowsTheMatrices() throws IOException {
        String doc = Files.readString(Path.of("docs", "security.md"));
        for (String table : List.of(MATRIX, ENGINE_MATRIX)) {
            for (String line : table.strip().lines().map(String::strip).toList()) {
                assertThat(doc).as("docs/security.md shows the row").contains(line);
            }
        }
    }

    @Test
    void camundaAuthorizationsKeepEachGroupToItsOwnWork() throws Exception {
        createData();
        Map<String, String[]> users = new LinkedHashMap<>();
        for (String[] g : new String[][] {{"planning", "planning"}, {"technical", "technical-team"},
                {"management", "regional-management"}, {"oversight", "oversight-committee"},
                {"integrity", "integrity-office"}, {"comms", "communications"}, {"admin", "camunda-admin"},
                {"unit", UNIT_GROUP}, {"other unit", TEST_UNIT_GROUP}}) {
            String id = staffUser(g[1]);
            users.put(g[0], new String[] {id, "secreto-" + id});
        }
        String dTask = ids.get("denunciaTask");
        String dPi = ids.get("denunciaInstance");
        String oTask = ids.get("statementTask");
        String oPi = ids.get("reportInstance");
        Map<String, String> checks = new LinkedHashMap<>();
        String stranger = staffUser("planning");
        checks.put("the user directory: another staff user (a planner)", "list:/engine-rest/user?id=" + stranger + "|" + stranger);
        checks.put("the groups: the integrity office", "list:/engine-rest/group?id=integrity-office|integrity-office");
        checks.put("report of wrongdoing: its task in the task list", "list:/engine-rest/task?processInstanceId=" + dPi + "|" + dTask);
        checks.put("report of wrongdoing: the task's variables", "read:/engine-rest/task/" + dTask + "/variables");
        checks.put("report of wrongdoing: its process instance", "read:/engine-rest/process-instance/" + dPi);
        checks.put("report of wrongdoing: its process variables", "read:/engine-rest/process-instance/" + dPi + "/variables");
        checks.put("report of wrongdoing: its history (instance)", "list:/engine-rest/history/process-instance?processInstanceId=" + dPi + "|" + dPi);
        checks.put("report of wrongdoing: its history (variables)", "list:/engine-rest/history/variable-instance?processInstanceId=" + dPi + "|" + dPi);
        checks.put("report of wrongdoing: its history (tasks)", "list:/engine-rest/history/task?processInstanceId=" + dPi + "|" + dPi);
        String cPi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ids.get("complaint")).singleResult()
                .getId();
        checks.put("complaint: its process instance", "read:/engine-rest/process-instance/" + cPi);
        checks.put("complaint: its history (instance)", "list:/engine-rest/history/process-instance?processInstanceId=" + cPi + "|" + cPi);
        checks.put("oversight report: the unit's statement task", "list:/engine-rest/task?processInstanceId=" + oPi + "|" + oTask);
        checks.put("oversight report: that task's variables", "read:/engine-rest/task/" + oTask + "/variables");
        checks.put("oversight report: its process instance", "read:/engine-rest/process-instance/" + oPi);
        checks.put("oversight report: its process variables", "read:/engine-rest/process-instance/" + oPi + "/variables");
        checks.put("oversight report: its history (instance)", "list:/engine-rest/history/process-instance?processInstanceId=" + oPi + "|" + oPi);
        checks.put("oversight report: its history (variables)", "list:/engine-rest/history/variable-instance?processInstanceId=" + oPi + "|" + oPi);
        checks.put("oversight report: its history (tasks)", "list:/engine-rest/history/task?processInstanceId=" + oPi + "|" + oPi);

        List<String> lines = ENGINE_MATRIX.strip().lines().toList();
        String[] header = cells(lines.get(0));
        List<String> mismatches = new ArrayList<>();
        StringBuilder printed = new StringBuilder(lines.get(0) + "\n" + lines.get(1) + "\n");
        Http http = new Http(port);
        for (String l : lines.subList(2, lines.size())) {
            String[] c = cells(l);
            String check = checks.get(c[0]);
            assertThat(check).as("a check for «" + c[0] + "»").isNotNull();
            StringBuilder line = new StringBuilder("| " + c[0] + " |");
            for (int i = 1; i < header.length; i++) {
                String[] cred = users.get(header[i]);
                String actual;
                if (check.startsWith("read:")) {
                    var r = http.get(check.substring(5), cred[0], cred[1]);
                    assertThat(r.statusCode()).as(c[0] + " as " + header[i]).isIn(200, 403, 404);
                    actual = r.statusCode() == 200 ? "yes" : "-";
                } else {
                    String[] pathAndId = check.substring(5).split("\\|");
                    var r = http.get(pathAndId[0], cred[0], cred[1]);
                    assertThat(r.statusCode()).as(c[0] + " as " + header[i]).isEqualTo(200);
                    actual = r.body().contains(pathAndId[1]) ? "yes" : "-";
                }
                line.append(' ').append(actual.equals(c[i]) ? actual : "**" + actual + "≠" + c[i] + "**").append(" |");
                if (!actual.equals(c[i])) {
                    mismatches.add(c[0] + " as " + header[i] + ": expected " + c[i] + ", got " + actual);
                }
            }
            printed.append(line).append('\n');
        }
        report("Camunda authorizations per group", printed, "engine-authorizations.md");
        assertThat(mismatches).as("Camunda authorizations that differ from the matrix").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- the data

    /** Real objects for the paths' placeholders, created through the application's services and pages. */
    private void createData() throws Exception {
        int year = freeYear();
        formalisedCycle(year);
        ids.put("year", String.valueOf(year));
        String cui = String.valueOf(7_100_000 + unique() % 100_000);
        ids.put("cui", cui);
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized, "
                        + "execution_status, monitored_since) VALUES (?, ?, 'Puesto de salud Chetilla', 'CAJAMARCA', "
                        + "800000, 'Salud', ?, TRUE, 'EN_EJECUCION', CURRENT_DATE)")
                .params(year, cui, UNIT).update();
        long project = jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, cui)
                .query(Long.class).single();
        ids.put("project", String.valueOf(project));
        ids.put("scope", "CAJAMARCA");
        ids.put("unitGroup", UNIT_GROUP);

        // a quarterly report of the project (round opened directly: the walk needs the row, not the process); quarters
        // 23xx are this test's own (other tests use 2026, 2060-2099 and 22xx)
        String quarter = (2300 + year % 100) + "-Q3";
        ids.put("quarter", quarter);
        jdbc.sql("INSERT INTO monitoring_round (quarter, status, opened_at) VALUES (?, 'ABIERTA', ?)")
                .params(quarter, Timestamp.from(Instant.now())).update();
        jdbc.sql("INSERT INTO monitoring_report (quarter, project_id, unit_group, status) VALUES (?, ?, ?, 'PENDIENTE')")
                .params(quarter, project, UNIT_GROUP).update();
        long report = jdbc.sql("SELECT id FROM monitoring_report WHERE quarter = ? AND project_id = ?")
                .params(quarter, project).query(Long.class).single();
        ids.put("monitoring", String.valueOf(report));
        byte[] png = png();
        jdbc.sql("INSERT INTO monitoring_evidence (report_id, file_name, content_type, size_bytes, content, description, "
                        + "uploaded_by, uploaded_at) VALUES (?, 'obra.png', 'image/png', ?, ?, 'Fachada', 'prueba', ?)")
                .params(report, png.length, png, Timestamp.from(Instant.now())).update();
        ids.put("evidence", String.valueOf(jdbc.sql("SELECT id FROM monitoring_evidence WHERE report_id = ?")
                .param(report).query(Long.class).single()));

        // an idea of the cycle
        ids.put("idea", ideas.submit(new IdeaSubmission(year, "Biblioteca comunal en Chetilla", TEST_PROVINCE,
                TEST_DISTRICT, "Educación", "Eje 1: Desarrollo social", 200, null, null)).trackingCode());

        // a complaint with an attachment (planning triages it) and a report of wrongdoing with one (integrity office)
        UploadedFiles.Checked pdf = UploadedFiles.check("prueba.pdf", pdf());
        String complaint = complaints.submit(new ComplaintService.Submission("RECLAMO", "Obra paralizada",
                "La obra del puesto de salud está paralizada desde hace dos meses.", cui, false, "Julia Chávez Cerna",
                "41234567", "julia" + unique() + "@example.pe", "976123456"), pdf);
        ids.put("complaint", complaint);
        String denuncia = complaints.submit(new ComplaintService.Submission("DENUNCIA", "Cobro indebido",
                "El residente de la obra cobra a los vecinos por emplearlos en la obra.", cui, false,
                "Pedro Cerna Vásquez", "42345678", "pedro" + unique() + "@example.pe", "976654321"), pdf);
        ids.put("denuncia", denuncia);
        ProcessInstance dPi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(denuncia).singleResult();
        executeDueJobs(dPi.getId());
        ids.put("denunciaInstance", dPi.getId());
        ids.put("denunciaTask", taskOf(dPi.getId(), "Task_HandleReport").getId());

        // news: one published (the public pages and the editor), one draft that the staff POSTs publish and withdraw
        long published = news.create(new pe.gob.regioncajamarca.participa.news.News.Draft("Noticia de la matriz "
                + unique(), "Resumen", "Texto", null), "prueba");
        news.publish(published, "prueba");
        ids.put("news", String.valueOf(published));
        ids.put("newsDraft", String.valueOf(news.create(new pe.gob.regioncajamarca.participa.news.News.Draft(
                "Borrador de la matriz " + unique(), "Resumen", "Texto", null), "prueba")));

        // a training edition (designed, waiting for approval)
        ids.put("edition", String.valueOf(edition()));

        // an oversight report with a photo, filed on its page by the matrix's committee member
        credentials.put(Who.OVERSIGHT, staff("oversight-committee"));
        Http member = new Http(port);
        member.staffLogin(credentials.get(Who.OVERSIGHT)[0], credentials.get(Who.OVERSIGHT)[1]);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", member.csrfTokenOf("/personal/vigilancia"));
        f.put("tipo", "VISITA");
        f.put("fechaVisita", plazos.today().minusDays(1).toString());
        f.put("cui", cui);
        f.put("hallazgo", "obraParalizada");
        f.put("resumen", "La obra está paralizada y no hay residente en la obra desde hace semanas.");
        f.put("alerta", "true");
        var filed = member.postMultipart("/personal/vigilancia", f, "archivos", "obra.png", png, "image/png");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
        String location = filed.headers().firstValue("Location").orElseThrow();
        String code = location.substring(location.indexOf("/personal/vigilancia/") + 21, location.indexOf('?'));
        ids.put("report", code);
        ids.put("reportFile", String.valueOf(jdbc.sql("SELECT f.id FROM oversight_report_file f JOIN oversight_report r "
                + "ON r.id = f.report_id WHERE r.tracking_code = ?").param(code).query(Long.class).single()));
        ProcessInstance oPi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
        complete(taskOf(oPi.getId(), "Task_ReviewReport"),
                withVariables("requiereDescargo", "si", "analisis", "Se confirma la paralización."));
        ids.put("reportInstance", oPi.getId());
        ids.put("statementTask", taskOf(oPi.getId(), "Task_UnitStatement").getId());
    }

    private long edition() {
        LocalDate first = plazos.today().plusDays(40);
        Map<String, Object> v = new HashMap<>();
        v.put("nombrePrograma", "Presupuesto participativo para agentes " + unique());
        v.put("modulos", "1. Presupuesto participativo\n2. Vigilancia de obras");
        v.put("publicoObjetivo", "Agentes participantes");
        v.put("modalidad", "PRESENCIAL");
        v.put("sesiones", first + " 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez\n"
                + first.plusDays(2) + " 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez\n");
        v.put("cupos", 10L);
        v.put("inscripcionHasta", first.minusDays(5).toString());
        v.put("asistenciaMinima", 75L);
        v.put("evaluacionRequerida", false);
        v.put("notaMinima", 11L);
        v.put("cursoVigilancia", false);
        v.put("confirmarDiasNoLaborables", true); // dates move with the day the suite runs: a Saturday is fine here
        ProcessInstance pi = runtime.startProcessInstanceByKey("training-programme", v);
        complete(taskOf(pi.getId(), "Task_ApproveProgramme"), withVariables("decisionPrograma", "aprobar"));
        complete(taskOf(pi.getId(), "Task_PublishCall"), withVariables("convocatoriaPublicada", true));
        return ((Number) runtime.getVariable(pi.getId(), "edicionId")).longValue();
    }

    private String[] staff(String group) {
        String id = staffUser(group);
        return new String[] {id, "secreto-" + id};
    }

    /** One session per kind of user: citizens logged in to the portal, staff to the staff pages. */
    private void logInEveryone() {
        String[][] groups = {{"PLANNING", "planning"}, {"TECHNICAL", "technical-team"},
                {"MANAGEMENT", "regional-management"}, {"INTEGRITY", "integrity-office"},
                {"COMMUNICATIONS", "communications"}, {"ADMIN", "camunda-admin"}, {"UNIT", UNIT_GROUP}};
        for (String[] g : groups) {
            credentials.put(Who.valueOf(g[0]), staff(g[1]));
        }
        int year = Integer.parseInt(ids.get("year"));
        for (Who who : List.of(Who.CITIZEN, Who.AGENT)) {
            String dni = String.format("8%07d", unique() % 10_000_000); // 8xxxxxxx: this test's own
            long id = citizens.create("DNI", dni, "clave-" + dni, dni + "@example.pe", "Rosa", "Huamán", "Cotrina");
            credentials.put(who, new String[] {dni, "clave-" + dni});
            if (who == Who.AGENT) {
                jdbc.sql("""
                        INSERT INTO agent_registration (cycle_year, citizen_id, document_number, mobile_phone, sex,
                            birth_date, education_level, organization, province_code, district_ubigeo, consent_at,
                            status, created_at)
                        VALUES (?, ?, ?, '987654321', 'F', DATE '1980-01-01', 'Secundaria', 'Ronda campesina', ?, ?, ?,
                            'ACREDITADO', ?)""")
                        .params(year, id, dni, TEST_PROVINCE, TEST_DISTRICT, Timestamp.from(Instant.now()),
                                Timestamp.from(Instant.now())).update();
            }
        }
        for (Who who : Who.values()) {
            Browser b = new Browser();
            browsers.put(who, b);
            if (who == Who.ANON) {
                continue;
            }
            String[] c = credentials.get(who);
            String loginPage = who.staff() ? "/personal/login" : "/login";
            var r = b.send("POST", loginPage, Map.of("username", c[0], "password", c[1]),
                    Map.of("X-CSRF-TOKEN", b.csrf(loginPage)));
            assertThat(r.headers().firstValue("Location").orElse("")).as("login of " + who).doesNotContain("error");
        }
    }

    // ---------------------------------------------------------------------------------------------- requests

    /** The answer of one request as one kind of user, in the matrix's notation. */
    private String answer(Who who, String method, String path) {
        Browser b = browsers.get(who);
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> form = new LinkedHashMap<>();
        String[] c = credentials.get(who);
        // the metrics are read by a scraper with HTTP Basic, like the REST API
        if (path.startsWith("/engine-rest") || path.equals("/actuator/prometheus")) {
            if (c != null) {
                headers.put("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((c[0] + ":" + c[1]).getBytes(StandardCharsets.UTF_8)));
            }
            headers.put("Content-Type", "application/json");
            HttpResponse<String> r = b.sendJson(method, path, engineBody(path, who), headers);
            return code(r);
        }
        if (path.startsWith("/camunda/api") && method.equals("POST")) {
            b.send("GET", "/camunda/app/tasklist/default/", Map.of(), Map.of());
            headers.put("X-XSRF-TOKEN", b.cookie("XSRF-TOKEN"));
            if (path.contains("/setup/")) {
                headers.put("Content-Type", "application/json");
                return code(b.sendJson(method, path, "{\"profile\":{\"id\":\"intruso" + unique()
                        + "\",\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"x@example.pe\"},"
                        + "\"credentials\":{\"password\":\"Intruso-12345\"}}", headers));
            }
            form.put("username", c == null ? "" : c[0]);
            form.put("password", c == null ? "" : c[1]);
            return code(b.send(method, path, form, headers));
        }
        if (method.equals("POST")) {
            headers.put("X-CSRF-TOKEN", b.portalToken());
            if (path.equals("/avisos")) {
                form.put("correo", "ana@example.pe");
                form.put("firma", "falsa");
                form.put("desactivar", "true");
            }
            if (path.endsWith("/cierre-anticipado")) {
                form.put("fase", "VOTACION");
                form.put("motivo", "corto");
            }
        }
        return code(b.send(method, path, form, headers));
    }

    private String engineBody(String path, Who who) {
        if (path.endsWith("/user/create")) {
            String id = "matriz" + unique();
            return "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Matriz\",\"lastName\":\"Prueba\",\"email\":\""
                    + id + "@example.pe\"},\"credentials\":{\"password\":\"Secreto-" + id + "\"}}";
        }
        if (path.endsWith("/authorization/create")) {
            return "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"matriz" + unique()
                    + "\",\"resourceType\":0,\"resourceId\":\"tasklist\"}";
        }
        if (path.endsWith("/start")) {
            return "{\"variables\":{}}";
        }
        return "{}";
    }

    private static String code(HttpResponse<String> r) {
        if (r.statusCode() == 302) {
            String location = r.headers().firstValue("Location").orElse("");
            if (location.endsWith("/personal/login")) {
                return "P";
            }
            if (location.endsWith("/login")) {
                return "L";
            }
        }
        return String.valueOf(r.statusCode());
    }

    private String resolve(String path, Who who) {
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = key.equals("self") ? (credentials.containsKey(who) ? credentials.get(who)[0] : "nadie")
                    : ids.get(key);
            assertThat(value).as("a value for {" + key + "}").isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    record Row(String method, String path, Map<Who, String> expected) {
    }

    private static List<Row> parse(String table) {
        List<String> lines = table.strip().lines().toList();
        String[] header = cells(lines.get(0));
        for (int i = 0; i < Who.values().length; i++) {
            assertThat(header[i + 2]).isEqualTo(Who.values()[i].column);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] c = cells(line);
            assertThat(c).as(line).hasSize(2 + Who.values().length);
            Map<Who, String> expected = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                expected.put(who, c[2 + who.ordinal()]);
            }
            rows.add(new Row(c[0], c[1], expected));
        }
        return rows;
    }

    private static String[] cells(String line) {
        String s = line.strip();
        return java.util.Arrays.stream(s.substring(1, s.length() - 1).split("\\|")).map(String::strip)
                .toArray(String[]::new);
    }

    private static void report(String title, StringBuilder table, String file) throws IOException {
        System.out.println("\n" + title + "\n" + table);
        Path out = Path.of("target", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, "## " + title + "\n\n" + table);
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A browser of its own: keeps its cookies, never follows redirects, sends forms as multipart. */
    private final class Browser {
        private final Http http = new Http(port);

        HttpResponse<String> send(String method, String path, Map<String, String> form, Map<String, String> headers) {
            HttpRequest.Builder req = HttpRequest.newBuilder(http.uri(path));
            headers.forEach(req::header);
            if (method.equals("GET")) {
                req.GET();
            } else if (path.startsWith("/camunda/") || path.endsWith("/login")) {
                req.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(Http.urlEncoded(form)));
            } else {
                String boundary = "----matriz" + System.nanoTime();
                req.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(
                                Http.multipart(boundary, form, null, null, null, null)));
            }
            return http.send(req.build());
        }

        HttpResponse<String> sendJson(String method, String path, String json, Map<String, String> headers) {
            HttpRequest.Builder req = HttpRequest.newBuilder(http.uri(path));
            headers.forEach(req::header);
            req.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
            return http.send(req.build());
        }

        private String token;

        /** The session's CSRF token (it changes only when the user logs in or out, which the walk does not do). */
        String portalToken() {
            if (token == null) {
                token = csrf("/reclamos");
            }
            return token;
        }

        String csrf(String page) {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(send("GET", page, Map.of(), Map.of()).body());
            assertThat(m.find()).as("a CSRF token on " + page).isTrue();
            return m.group(1);
        }

        String cookie(String name) {
            return http.cookie(name);
        }
    }
}
