package pe.gob.regioncajamarca.participa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/**
 * The same optional notice to more people than one batch of rows holds (a project's voters): each queued once, with
 * its own preferences link, none for those who turned optional notices off, none again for a key already queued.
 */
@ParticipaIntegrationTest
class OptionalNoticesIT {

    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;

    @Test
    void aNoticeToOverAThousandVotersIsQueuedOncePerVoterWhoWantsIt() {
        long unique = System.nanoTime();
        Map<String, String> byKey = new LinkedHashMap<>();
        for (int i = 0; i < 1203; i++) {
            byKey.put("aviso:" + unique + ":" + i, "votante" + i + "-" + unique + "@example.pe");
        }
        // three voters turned optional notices off; two keys were queued by an earlier attempt
        for (int i : List.of(7, 600, 1202)) {
            notifications.setOptionalOff(byKey.get("aviso:" + unique + ":" + i), true);
        }
        for (int i : List.of(0, 1000)) {
            notifications.enqueue("aviso:" + unique + ":" + i, byKey.get("aviso:" + unique + ":" + i), "Antes",
                    "Texto", null);
        }
        Map<String, Object> model = Map.of("year", 2031, "cui", "6101", "name", "Canal Yanacancha",
                "quarter", "2031-Q1", "from", "No iniciado", "to", "En ejecución");

        int queued = notifications.sendOptionalToAll(byKey, "El proyecto Canal Yanacancha está en ejecución",
                "estado-proyecto", model);

        assertThat(queued).isEqualTo(1203 - 3 - 2);
        List<Map<String, Object>> rows = jdbc.sql("SELECT dedup_key, recipient, body_html FROM mail_outbox "
                + "WHERE dedup_key LIKE ? AND subject <> 'Antes' ORDER BY id").param("aviso:" + unique + ":%")
                .query().listOfRows();
        assertThat(rows).hasSize(1198);
        assertThat(rows).extracting(r -> (String) r.get("dedup_key")).doesNotHaveDuplicates()
                .doesNotContain("aviso:" + unique + ":7", "aviso:" + unique + ":600", "aviso:" + unique + ":1202",
                        "aviso:" + unique + ":0", "aviso:" + unique + ":1000");
        Map<String, Object> last = rows.get(rows.size() - 1);
        assertThat(last.get("dedup_key")).isEqualTo("aviso:" + unique + ":1201");
        assertThat(last.get("recipient")).isEqualTo("votante1201-" + unique + "@example.pe");
        String recipient = (String) last.get("recipient");
        assertThat((String) last.get("body_html")).contains("Canal Yanacancha", "firma="
                + notifications.signature(recipient));

        // sent again (a retried job): nothing more
        assertThat(notifications.sendOptionalToAll(byKey, "El proyecto Canal Yanacancha está en ejecución",
                "estado-proyecto", model)).isZero();
    }
}
