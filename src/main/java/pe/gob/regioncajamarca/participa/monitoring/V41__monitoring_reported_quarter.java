package pe.gob.regioncajamarca.participa.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 41 (a Spring bean, which Spring Boot hands to Flyway): the quarter of a round is the quarter it
 * reports ({@link Quarter#reportedBy}). Until now a round run in the system was labelled with the quarter it was
 * opened in (the round of 1 October 2026 was "2026-Q4" and collected the figures of July to September): each such round
 * (status ABIERTA or CERRADA), its reports and its alerts move back one quarter ("2026-Q4" → "2026-Q3"). Rounds loaded
 * from history files (status HISTORICA, no process) already carry the quarter their figures are of and stay.
 * <p>
 * Where a historical round already holds the quarter a system round moves to (the file loaded "2026-Q3" while the round
 * opened in October was "2026-Q4"), the round becomes the system's (its status, process, conclusions and dates), the
 * system's report of a project replaces the file's report of that project (the executing unit reported it in the
 * system; evidence, if any, follows), and the file's reports of other projects stay in the quarter.
 * <p>
 * The running and finished round instances of the engine carry the label too: their business key, the variables
 * {@code trimestre} and {@code trimestreAnterior}, and the consolidation task's name (" · 2026-Q4") are moved the same
 * way, at runtime and in the history, when the engine's tables exist (on a new database Flyway runs before the engine
 * creates them, and there is nothing to move).
 */
@Component
public class V41__monitoring_reported_quarter extends BaseJavaMigration {

    private static final String HISTORICAL = "HISTORICA";

    @Override
    public void migrate(Context context) throws Exception {
        shift(context.getConnection(), null);
    }

    /** One round run in the system as stored before: its label and its process instance (null for none). */
    record LiveRound(String quarter, String processInstanceId) {
    }

    /**
     * Moves the rounds run in the system back one quarter; {@code only}: the labels to move (a test moves its own),
     * or null for every such round. Returns the labels moved, old → new.
     */
    static Map<String, String> shift(Connection c, Set<String> only) throws SQLException {
        List<LiveRound> live = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT quarter, process_instance_id FROM monitoring_round WHERE status <> ? ORDER BY quarter")) {
            ps.setString(1, HISTORICAL);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (only == null || only.contains(rs.getString(1))) {
                        live.add(new LiveRound(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        // oldest first: each round moves to a quarter that no round still to be moved holds
        Map<String, String> moved = new LinkedHashMap<>();
        for (LiveRound round : live) {
            String to = Quarter.parse(round.quarter()).previous().toString();
            moveRound(c, round.quarter(), to);
            moved.put(round.quarter(), to);
        }
        if (!moved.isEmpty() && engineTablesExist(c)) {
            List<String> instances = live.stream().map(LiveRound::processInstanceId).filter(p -> p != null).toList();
            for (Map.Entry<String, String> m : moved.entrySet()) {
                for (String pid : instances) {
                    moveInEngine(c, pid, m.getKey(), m.getValue());
                }
            }
        }
        return moved;
    }

    private static void moveRound(Connection c, String from, String to) throws SQLException {
        String existing = single(c, "SELECT status FROM monitoring_round WHERE quarter = ?", to);
        if (existing == null) {
            update(c, """
                    INSERT INTO monitoring_round (quarter, status, process_instance_id, conclusions, opened_at, closed_at)
                    SELECT ?, status, process_instance_id, conclusions, opened_at, closed_at
                    FROM monitoring_round WHERE quarter = ?""", to, from);
        } else if (HISTORICAL.equals(existing)) {
            // the file's report of a project the system's round also has gives way to the system's (its evidence too)
            List<long[]> pairs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT h.id, s.id FROM monitoring_report h JOIN monitoring_report s ON s.project_id = h.project_id
                    WHERE h.quarter = ? AND s.quarter = ?""")) {
                ps.setString(1, to);
                ps.setString(2, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pairs.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            for (long[] p : pairs) {
                update(c, "UPDATE monitoring_evidence SET report_id = ? WHERE report_id = ?", p[1], p[0]);
                update(c, "DELETE FROM monitoring_report WHERE id = ?", p[0]);
            }
            Object[] round = new Object[5];
            try (PreparedStatement ps = c.prepareStatement("SELECT status, process_instance_id, conclusions, "
                    + "opened_at, closed_at FROM monitoring_round WHERE quarter = ?")) {
                ps.setString(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    for (int i = 0; i < 5; i++) {
                        round[i] = rs.getObject(i + 1);
                    }
                }
            }
            update(c, "UPDATE monitoring_round SET status = ?, process_instance_id = ?, conclusions = ?, opened_at = ?, "
                    + "closed_at = ? WHERE quarter = ?", round[0], round[1], round[2], round[3], round[4], to);
        } else {
            throw new IllegalStateException("La ronda de seguimiento " + from + " no puede pasar a " + to
                    + ": ya existe otra ronda del sistema con ese trimestre.");
        }
        update(c, "UPDATE monitoring_report SET quarter = ? WHERE quarter = ?", to, from);
        update(c, "UPDATE monitoring_alert SET quarter = ? WHERE quarter = ?", to, from);
        update(c, "DELETE FROM monitoring_round WHERE quarter = ?", from);
    }

    private static void moveInEngine(Connection c, String pid, String from, String to) throws SQLException {
        update(c, "UPDATE ACT_RU_EXECUTION SET BUSINESS_KEY_ = ? WHERE PROC_INST_ID_ = ? AND BUSINESS_KEY_ = ?",
                to, pid, from);
        update(c, "UPDATE ACT_HI_PROCINST SET BUSINESS_KEY_ = ? WHERE PROC_INST_ID_ = ? AND BUSINESS_KEY_ = ?",
                to, pid, from);
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST")) {
            update(c, "UPDATE " + table + " SET TEXT_ = ? WHERE PROC_INST_ID_ = ? AND TEXT_ = ? "
                    + "AND NAME_ IN ('trimestre', 'trimestreAnterior')", to, pid, from);
        }
        // the consolidation task is named after its quarter ("Consolidar informe de seguimiento · 2026-Q4")
        for (String table : List.of("ACT_RU_TASK", "ACT_HI_TASKINST")) {
            List<String[]> renamed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID_, NAME_ FROM " + table
                    + " WHERE PROC_INST_ID_ = ? AND NAME_ LIKE ?")) {
                ps.setString(1, pid);
                ps.setString(2, "% · " + from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(2);
                        renamed.add(new String[] {name.substring(0, name.length() - from.length()) + to,
                                rs.getString(1)});
                    }
                }
            }
            for (String[] r : renamed) {
                update(c, "UPDATE " + table + " SET NAME_ = ? WHERE ID_ = ?", r[0], r[1]);
            }
        }
    }

    static boolean engineTablesExist(Connection c) throws SQLException {
        for (String name : List.of("ACT_RU_EXECUTION", "act_ru_execution")) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String single(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
