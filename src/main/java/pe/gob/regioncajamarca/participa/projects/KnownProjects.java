package pe.gob.regioncajamarca.participa.projects;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The investment codes (CUI) of every project the system holds, of any cycle: for modules that match outside data. */
@Service
public class KnownProjects {

    private final JdbcClient jdbc;

    KnownProjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The INEI ubigeos of the districts a project of {@code year} benefits. */
    public java.util.List<String> districtsOf(int year, String cui) {
        return jdbc.sql("SELECT pd.ubigeo FROM project_district pd JOIN project p ON p.id = pd.project_id "
                + "WHERE p.cycle_year = ? AND p.cui = ? ORDER BY pd.ubigeo").params(year, cui).query(String.class).list();
    }

    /** A snapshot of the CUIs (a few thousand over ten cycles), without leading zeros. */
    public Set<String> cuis() {
        Set<String> cuis = new HashSet<>();
        jdbc.sql("SELECT DISTINCT cui FROM project").query(String.class).list()
                .forEach(c -> cuis.add(c.replaceFirst("^0+(?=\\d)", "")));
        return cuis;
    }
}
