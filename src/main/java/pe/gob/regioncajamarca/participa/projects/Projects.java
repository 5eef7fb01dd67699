package pe.gob.regioncajamarca.participa.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one list of projects of every cycle (tables {@code project} and {@code project_district}): other modules read
 * and write a project only through this class. Writes of many rows are JDBC batches (or, on PostgreSQL, one
 * set-based statement), so a programme of thousands of projects loads as fast as before.
 */
@Service
public class Projects {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Projects(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A project as other modules read it, with the name of its executing unit. */
    public record Project(long id, int year, String cui, String name, String scope, BigDecimal cost, String sector,
                          String unit, String unitName, BigDecimal technicalScore, String technicalComment, int votes,
                          Integer onlineVotes, Integer workshopVotes, BigDecimal voteScore, BigDecimal totalScore,
                          Integer rank, Boolean prioritized, String reason, String executionStatus,
                          LocalDate monitoredSince, Boolean regionalImpact, String regionalImpactReason) {
    }

    private static final String PROJECT_SQL = """
            SELECT p.id, p.cycle_year, p.cui, p.name, p.scope, p.cost, p.sector, p.executing_unit, u.name,
                   p.technical_score, p.technical_comment, p.votes, p.online_votes, p.workshop_votes, p.vote_score,
                   p.total_score, p.scope_rank, p.prioritized, p.reason, p.execution_status, p.monitored_since,
                   p.regional_impact, p.regional_impact_reason
            FROM project p JOIN executing_unit u ON u.code = p.executing_unit
            """;

    private static Project mapProject(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        java.sql.Date since = rs.getDate(21);
        return new Project(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBigDecimal(10),
                rs.getString(11), rs.getInt(12), (Integer) rs.getObject(13, Integer.class),
                (Integer) rs.getObject(14, Integer.class), rs.getBigDecimal(15), rs.getBigDecimal(16),
                (Integer) rs.getObject(17, Integer.class), (Boolean) rs.getObject(18, Boolean.class), rs.getString(19),
                rs.getString(20), since == null ? null : since.toLocalDate(), (Boolean) rs.getObject(22, Boolean.class),
                rs.getString(23));
    }

    public Optional<Project> find(long id) {
        return jdbc.sql(PROJECT_SQL + "WHERE p.id = ?").param(id).query(Projects::mapProject).optional();
    }

    public Optional<Project> find(int year, String cui) {
        return jdbc.sql(PROJECT_SQL + "WHERE p.cycle_year = ? AND p.cui = ?").params(year, cui)
                .query(Projects::mapProject).optional();
    }

    /** Every project of a cycle, in the order they were loaded. */
    public List<Project> inCycle(int year) {
        return jdbc.sql(PROJECT_SQL + "WHERE p.cycle_year = ? ORDER BY p.id").param(year).query(Projects::mapProject)
                .list();
    }

    /** The projects of a cycle's scope, by CUI. */
    public List<Project> inScope(int year, String scope) {
        return jdbc.sql(PROJECT_SQL + "WHERE p.cycle_year = ? AND p.scope = ? ORDER BY p.cui").params(year, scope)
                .query(Projects::mapProject).list();
    }

    /** The projects of every cycle with this CUI, oldest cycle first. */
    public List<Project> withCui(String cui) {
        return jdbc.sql(PROJECT_SQL + "WHERE p.cui = ? ORDER BY p.cycle_year").param(cui).query(Projects::mapProject)
                .list();
    }

    /** The projects followed by quarterly monitoring (prioritised and registered at formalisation). */
    public List<Project> monitored() {
        return jdbc.sql(PROJECT_SQL + "WHERE p.monitored_since IS NOT NULL ORDER BY p.id").query(Projects::mapProject)
                .list();
    }

    /** The prioritised projects, of one cycle or (year null) of every cycle. */
    public List<Project> prioritised(Integer year) {
        return year == null
                ? jdbc.sql(PROJECT_SQL + "WHERE p.prioritized = TRUE ORDER BY p.id").query(Projects::mapProject).list()
                : jdbc.sql(PROJECT_SQL + "WHERE p.prioritized = TRUE AND p.cycle_year = ? ORDER BY p.id").param(year)
                .query(Projects::mapProject).list();
    }

    /** The prioritised projects of these cycles, by cycle then scope and CUI (one query). */
    public List<Project> prioritisedIn(java.util.Collection<Integer> years) {
        if (years.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PROJECT_SQL + "WHERE p.prioritized = TRUE AND p.cycle_year IN (:years) "
                + "ORDER BY p.cycle_year, p.scope, p.cui").param("years", List.copyOf(years))
                .query(Projects::mapProject).list();
    }

    /** How many prioritised projects of a cycle are in one execution status (null: none yet), and their cost. */
    public record StatusCount(int year, String executionStatus, int projects, BigDecimal cost) {
    }

    /**
     * The prioritised projects of the cycles {@code firstYear..lastYear} counted per cycle and execution status, with
     * their cost: one grouped query whatever the number of cycles (the pages' per-cycle summaries; rows of the
     * projects themselves are never read into memory).
     */
    public List<StatusCount> prioritisedCounts(int firstYear, int lastYear) {
        return jdbc.sql("""
                SELECT cycle_year, execution_status, COUNT(*), SUM(cost) FROM project
                WHERE prioritized = TRUE AND cycle_year BETWEEN ? AND ?
                GROUP BY cycle_year, execution_status""").params(firstYear, lastYear)
                .query((rs, i) -> new StatusCount(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4)))
                .list();
    }

    /** A page of a cycle's prioritised projects, by scope then CUI. */
    public List<Project> prioritisedPage(int year, int offset, int limit) {
        return jdbc.sql(PROJECT_SQL + "WHERE p.cycle_year = ? AND p.prioritized = TRUE ORDER BY p.scope, p.cui "
                + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY").params(year, offset, limit).query(Projects::mapProject)
                .list();
    }

    /** The projects with these ids, by id: one query per thousand ids (for pages that join in memory). */
    public Map<Long, Project> byIds(java.util.Collection<Long> ids) {
        Map<Long, Project> byId = new HashMap<>();
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int i = 0; i < all.size(); i += 1000) {
            jdbc.sql(PROJECT_SQL + "WHERE p.id IN (:ids)").param("ids", all.subList(i, Math.min(all.size(), i + 1000)))
                    .query(Projects::mapProject).list().forEach(p -> byId.put(p.id(), p));
        }
        return byId;
    }

    /** The projects of a cycle with these CUIs, by CUI. */
    public Map<String, Project> byCuis(int year, java.util.Collection<String> cuis) {
        Map<String, Project> byCui = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(cuis));
        for (int i = 0; i < all.size(); i += 1000) {
            jdbc.sql(PROJECT_SQL + "WHERE p.cycle_year = :year AND p.cui IN (:cuis)").param("year", year)
                    .param("cuis", all.subList(i, Math.min(all.size(), i + 1000)))
                    .query(Projects::mapProject).list().forEach(p -> byCui.put(p.cui(), p));
        }
        return byCui;
    }

    /** The INEI ubigeos of each project's districts, by project id (one query). */
    public Map<Long, List<String>> districtsOf(java.util.Collection<Long> ids) {
        Map<Long, List<String>> out = new HashMap<>();
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int i = 0; i < all.size(); i += 1000) {
            jdbc.sql("SELECT project_id, ubigeo FROM project_district WHERE project_id IN (:ids) ORDER BY ubigeo")
                    .param("ids", all.subList(i, Math.min(all.size(), i + 1000)))
                    .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                    .list();
        }
        return out;
    }

    /**
     * Stores the final vote counts of projects (by id): on PostgreSQL one UPDATE from arrays ({@code unnest}),
     * elsewhere JDBC batches (a cycle may hold 10,000 projects; issue 10, benchmark 6).
     */
    public void storeVoteCounts(Long[] ids, Integer[] online, Integer[] fromWorkshops) {
        int n = ids.length;
        if (onPostgres()) {
            batch.update(con -> {
                var ps = con.prepareStatement("""
                        UPDATE project p SET online_votes = v.o, workshop_votes = v.w, votes = v.o + v.w
                        FROM unnest(?, ?, ?) AS v(id, o, w) WHERE p.id = v.id""");
                ps.setArray(1, con.createArrayOf("bigint", ids));
                ps.setArray(2, con.createArrayOf("integer", online));
                ps.setArray(3, con.createArrayOf("integer", fromWorkshops));
                return ps;
            });
        } else {
            List<Object[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(new Object[] {online[i], fromWorkshops[i], online[i] + fromWorkshops[i], ids[i]});
            }
            batch.batchUpdate("UPDATE project SET online_votes = ?, workshop_votes = ?, votes = ? WHERE id = ?", rows);
        }
    }

    /** What the portal's catalogue searches: text (in the name, or the CUI), scope, sector, cost range, result. */
    public record Search(String text, String scope, String sector, BigDecimal minCost, BigDecimal maxCost,
                         boolean onlyPrioritised, int page) {
    }

    /** One page of a search, with the number of matches and of pages. */
    public record Found(List<Project> projects, int total, int page, int pages) {
    }

    /** The projects of a cycle that match, a page at a time, by scope, name and CUI (two queries). */
    public Found search(int year, Search f, int pageSize) {
        StringBuilder where = new StringBuilder(" WHERE p.cycle_year = :year");
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("year", year);
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" AND (LOWER(p.name) LIKE :text OR p.cui = :cui)");
            String t = f.text().strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            params.put("text", "%" + t + "%");
            params.put("cui", f.text().strip());
        }
        if (f.scope() != null && !f.scope().isBlank()) {
            where.append(" AND p.scope = :scope");
            params.put("scope", f.scope());
        }
        if (f.sector() != null && !f.sector().isBlank()) {
            where.append(" AND p.sector = :sector");
            params.put("sector", f.sector());
        }
        if (f.minCost() != null) {
            where.append(" AND p.cost >= :min");
            params.put("min", f.minCost());
        }
        if (f.maxCost() != null) {
            where.append(" AND p.cost <= :max");
            params.put("max", f.maxCost());
        }
        if (f.onlyPrioritised()) {
            where.append(" AND p.prioritized = TRUE");
        }
        int total = jdbc.sql("SELECT COUNT(*) FROM project p" + where).params(params).query(Integer.class).single();
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        int page = Math.min(Math.max(1, f.page()), pages);
        List<Project> found = jdbc.sql(PROJECT_SQL + where + " ORDER BY p.scope, p.name, p.cui LIMIT " + pageSize
                        + " OFFSET " + (page - 1) * pageSize)
                .params(params).query(Projects::mapProject).list();
        return new Found(found, total, page, pages);
    }

    /** The sectors (functions) of a cycle's projects. */
    public List<String> sectorsOf(int year) {
        return jdbc.sql("SELECT DISTINCT sector FROM project WHERE cycle_year = ? ORDER BY sector").param(year)
                .query(String.class).list();
    }

    /** Whether a cycle holds any project (one index entry read, not the cycle's projects counted). */
    public boolean anyIn(int year) {
        return jdbc.sql("SELECT 1 FROM project WHERE cycle_year = ? FETCH FIRST 1 ROWS ONLY").param(year)
                .query(Integer.class).optional().isPresent();
    }

    /** A project of a cycle stored already prioritised (the demo's earlier cycles). */
    public record Formalised(String cui, String name, String scope, BigDecimal cost, String sector, String unit,
                             BigDecimal technicalScore, int votes, BigDecimal voteScore, BigDecimal totalScore,
                             Integer rank, Boolean prioritized, String reason, String executionStatus,
                             Boolean regionalImpact, String regionalImpactReason, List<String> districts) {
    }

    /** Stores a cycle's projects with their scores and results, and their districts (JDBC batches). */
    public void insertFormalised(int year, List<Formalised> projects) {
        if (projects.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(projects.size());
        List<Object[]> districts = new ArrayList<>();
        for (Formalised p : projects) {
            rows.add(new Object[] {year, p.cui(), p.name(), p.scope(), p.cost(), p.sector(), p.unit(),
                    p.technicalScore(), p.votes(), p.voteScore(), p.totalScore(), p.rank(), p.prioritized(),
                    p.reason(), p.executionStatus(), p.regionalImpact(), p.regionalImpactReason()});
            p.districts().forEach(d -> districts.add(new Object[] {d, year, p.cui()}));
        }
        batch.batchUpdate("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score,
                    votes, vote_score, total_score, scope_rank, prioritized, reason, execution_status,
                    regional_impact, regional_impact_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        batch.batchUpdate("INSERT INTO project_district (project_id, ubigeo) "
                + "SELECT id, ? FROM project WHERE cycle_year = ? AND cui = ?", districts);
    }

    /** Every CUI the system holds, of any cycle, as stored. */
    public java.util.Set<String> allCuis() {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT cui FROM project").query(String.class).list());
    }

    /** A prioritised project of an earlier cycle, loaded from the planning office's history files. */
    public record Historical(int year, String cui, String name, String scope, BigDecimal cost, String sector,
                             String unit, String reason, LocalDate monitoredSince, Boolean regionalImpact,
                             String regionalImpactReason, Set<String> districts) {
    }

    /** Inserts historical projects (prioritised, NO_INICIADO) and their districts: two JDBC batches. */
    public void insertHistorical(List<Historical> projects) {
        if (projects.isEmpty()) {
            return;
        }
        List<Object[]> projectRows = new ArrayList<>(projects.size());
        List<Object[]> districtRows = new ArrayList<>();
        for (Historical p : projects) {
            projectRows.add(new Object[] {p.year(), p.cui(), p.name(), p.scope(), p.cost(), p.sector(), p.unit(),
                    p.reason(), p.monitoredSince() == null ? null : java.sql.Date.valueOf(p.monitoredSince()),
                    p.regionalImpact(), p.regionalImpactReason()});
            p.districts().forEach(d -> districtRows.add(new Object[] {d, p.year(), p.cui()}));
        }
        batch.batchUpdate("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, votes, prioritized,
                                     reason, execution_status, monitored_since, regional_impact,
                                     regional_impact_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, TRUE, ?, 'NO_INICIADO', ?, ?, ?)""", projectRows);
        batch.batchUpdate("INSERT INTO project_district (project_id, ubigeo) "
                + "SELECT id, ? FROM project WHERE cycle_year = ? AND cui = ?", districtRows);
    }

    /** A stored project as a history file states it, with whether it was prioritised. */
    public record Stated(int year, String cui, String name, String scope, BigDecimal cost, String sector, String unit,
                         Boolean prioritized, Set<String> districts) {
    }

    /** Every project of the cycles {@code firstYear..lastYear}, streamed one at a time (by cycle and CUI). */
    public void eachStated(int firstYear, int lastYear, java.util.function.Consumer<Stated> each) {
        Object[] current = new Object[8];
        Set<String> districts = new java.util.TreeSet<>();
        Runnable flush = () -> {
            if (current[0] != null) {
                each.accept(new Stated((Integer) current[0], (String) current[1], (String) current[2],
                        (String) current[3], (BigDecimal) current[4], (String) current[5], (String) current[6],
                        (Boolean) current[7], new java.util.TreeSet<>(districts)));
            }
            districts.clear();
        };
        jdbc.sql("""
                SELECT p.cycle_year, p.cui, p.name, p.scope, p.cost, p.sector, p.executing_unit, p.prioritized, d.ubigeo
                FROM project p LEFT JOIN project_district d ON d.project_id = p.id
                WHERE p.cycle_year BETWEEN ? AND ? ORDER BY p.cycle_year, p.cui, d.ubigeo""")
                .params(firstYear, lastYear)
                .query(rs -> {
                    if (current[0] == null || rs.getInt(1) != (Integer) current[0] || !rs.getString(2).equals(current[1])) {
                        flush.run();
                        current[0] = rs.getInt(1);
                        current[1] = rs.getString(2);
                        current[2] = rs.getString(3);
                        current[3] = rs.getString(4);
                        current[4] = rs.getBigDecimal(5);
                        current[5] = rs.getString(6);
                        current[6] = rs.getString(7);
                        current[7] = rs.getObject(8, Boolean.class);
                    }
                    if (rs.getString(9) != null) {
                        districts.add(rs.getString(9).trim());
                    }
                });
        flush.run();
    }

    /** A project's id and its executing unit's group. */
    public record Key(long id, int year, String cui, String unitGroup) {
    }

    /** Every project of the cycles {@code firstYear..lastYear} by "year:cui" (one query; a few thousand rows). */
    public Map<String, Key> keysIn(int firstYear, int lastYear) {
        Map<String, Key> keys = new HashMap<>();
        jdbc.sql("SELECT p.id, p.cycle_year, p.cui, u.group_id FROM project p "
                        + "JOIN executing_unit u ON u.code = p.executing_unit WHERE p.cycle_year BETWEEN ? AND ?")
                .params(firstYear, lastYear)
                .query(rs -> {
                    keys.put(rs.getInt(2) + ":" + rs.getString(3), new Key(rs.getLong(1), rs.getInt(2),
                            rs.getString(3), rs.getString(4)));
                });
        return keys;
    }

    /** The cost of a cycle's prioritised projects, summed per scope. */
    public Map<String, BigDecimal> prioritisedCostByScope(int year) {
        Map<String, BigDecimal> sums = new HashMap<>();
        jdbc.sql("SELECT scope, SUM(cost) FROM project WHERE cycle_year = ? AND prioritized = TRUE GROUP BY scope")
                .param(year).query((rs, i) -> sums.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return sums;
    }

    /** Sets the execution status of projects (by id), in one batch. */
    public void setExecutionStatuses(Map<Long, String> statuses) {
        List<Object[]> rows = new ArrayList<>(statuses.size());
        statuses.forEach((id, status) -> rows.add(new Object[] {status, id}));
        batch.batchUpdate("UPDATE project SET execution_status = ? WHERE id = ?", rows);
    }

    /** Sets a project's execution status (as its quarterly report states it). */
    public void setExecutionStatus(long id, String status) {
        jdbc.sql("UPDATE project SET execution_status = ? WHERE id = ?").params(status, id).update();
    }

    /** A project of a programme file, to be stored (regional impact only for MULTIPROVINCIAL ones). */
    public record NewProject(String cui, String name, String scope, BigDecimal cost, String sector, String unit,
                             Set<String> districts, Boolean regionalImpact, String regionalImpactReason) {
    }

    /** A stored project as a programme file states it. */
    public record Listed(long id, String cui, String name, String scope, BigDecimal cost, String sector, String unit,
                         Set<String> districts) {
    }

    /** What the prioritisation needs of a project. */
    public record ForRanking(String cui, String scope, BigDecimal cost, BigDecimal technicalScore, int votes,
                             Set<String> districts, Boolean regionalImpact, String regionalImpactReason) {
    }

    /** The result of the prioritisation of one project. */
    public record Ranked(String cui, BigDecimal voteScore, BigDecimal totalScore, Integer rank, Boolean prioritized,
                         String reason) {
    }

    /** The projects of a cycle by CUI, with their districts: two queries for the whole cycle. */
    public Map<String, Listed> ofCycle(int year) {
        Map<Long, Set<String>> districts = districtsById(year);
        Map<String, Listed> stored = new HashMap<>();
        jdbc.sql("SELECT id, cui, name, scope, cost, sector, executing_unit FROM project WHERE cycle_year = ?")
                .param(year)
                .query((rs, i) -> stored.put(rs.getString(2), new Listed(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getBigDecimal(5).setScale(2), rs.getString(6),
                        rs.getString(7), districts.getOrDefault(rs.getLong(1), new LinkedHashSet<>()))))
                .list();
        return stored;
    }

    /** The districts (INEI ubigeos, in order) of every project of a cycle, by project id: one query. */
    public Map<Long, Set<String>> districtsInCycle(int year) {
        return districtsById(year);
    }

    private Map<Long, Set<String>> districtsById(int year) {
        Map<Long, Set<String>> districts = new HashMap<>();
        jdbc.sql("SELECT pd.project_id, pd.ubigeo FROM project_district pd JOIN project p ON p.id = pd.project_id "
                        + "WHERE p.cycle_year = ? ORDER BY pd.ubigeo").param(year)
                .query((rs, i) -> districts.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                        .add(rs.getString(2)))
                .list();
        return districts;
    }

    /** Inserts the projects of a cycle and their districts in JDBC batches; returns their ids by CUI. */
    public Map<String, Long> insertAll(int year, List<NewProject> projects) {
        if (projects.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = new ArrayList<>(projects.size());
        for (NewProject p : projects) {
            rows.add(new Object[] {year, p.cui(), p.name(), p.scope(), p.cost(), p.sector(), p.unit(),
                    p.regionalImpact(), p.regionalImpactReason()});
        }
        batch.batchUpdate("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, "
                + "regional_impact, regional_impact_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        Map<String, Long> ids = idsOf(year);
        List<Object[]> links = new ArrayList<>();
        for (NewProject p : projects) {
            for (String d : p.districts()) {
                links.add(new Object[] {ids.get(p.cui()), d});
            }
        }
        batch.batchUpdate("INSERT INTO project_district (project_id, ubigeo) VALUES (?, ?)", links);
        return ids;
    }

    /** The id of each project of a cycle, by CUI. */
    public Map<String, Long> idsOf(int year) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT cui, id FROM project WHERE cycle_year = ?").param(year)
                .query((rs, i) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    /** The id of each project of a cycle and scope, by CUI. */
    public Map<String, Long> idsOf(int year, String scope) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT cui, id FROM project WHERE cycle_year = ? AND scope = ?").params(year, scope)
                .query((rs, i) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    /** The scopes that have projects in the cycle. */
    public List<String> scopesOf(int year) {
        return jdbc.sql("SELECT DISTINCT scope FROM project WHERE cycle_year = ?").param(year).query(String.class)
                .list();
    }

    /** Stores the technical score and comment of projects (by id), in one batch. */
    public void storeTechnicalScores(Map<Long, BigDecimal> scores, Map<Long, String> comments) {
        List<Object[]> rows = new ArrayList<>(scores.size());
        scores.forEach((id, score) -> rows.add(new Object[] {score, comments.get(id), id}));
        batch.batchUpdate("UPDATE project SET technical_score = ?, technical_comment = ? WHERE id = ?", rows);
    }

    /** Every project of a cycle as the prioritisation reads it, in the order they were loaded. */
    public List<ForRanking> forRanking(int year) {
        Map<Long, Set<String>> districts = districtsById(year);
        return jdbc.sql("SELECT id, cui, scope, cost, technical_score, votes, regional_impact, regional_impact_reason "
                        + "FROM project WHERE cycle_year = ? ORDER BY id")
                .param(year)
                .query((rs, i) -> new ForRanking(rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5) == null ? BigDecimal.ZERO : rs.getBigDecimal(5), rs.getInt(6),
                        districts.getOrDefault(rs.getLong(1), Set.of()), (Boolean) rs.getObject(7, Boolean.class),
                        rs.getString(8)))
                .list();
    }

    /** Keeps the regional-impact decision of a project. */
    public void storeRegionalImpact(int year, String cui, boolean eligible, String reason) {
        jdbc.sql("UPDATE project SET regional_impact = ?, regional_impact_reason = ? WHERE cycle_year = ? AND cui = ?")
                .params(eligible, reason, year, cui).update();
    }

    /**
     * Stores every project's scores, rank and result: on PostgreSQL one UPDATE from arrays ({@code unnest}),
     * elsewhere JDBC batches. 10,000 single-row updates took 3.6 s of the 9 s that the close of voting and the
     * prioritisation of 10,000 projects took on a busy machine (issue 10, benchmark 6).
     */
    public void storeRanking(int year, List<Ranked> results) {
        int n = results.size();
        if (onPostgres()) {
            String[] cuis = new String[n];
            BigDecimal[] voteScores = new BigDecimal[n];
            BigDecimal[] totals = new BigDecimal[n];
            Integer[] ranks = new Integer[n];
            Boolean[] prioritized = new Boolean[n];
            String[] reasons = new String[n];
            for (int i = 0; i < n; i++) {
                Ranked r = results.get(i);
                cuis[i] = r.cui();
                voteScores[i] = r.voteScore();
                totals[i] = r.totalScore();
                ranks[i] = r.rank();
                prioritized[i] = r.prioritized();
                reasons[i] = r.reason();
            }
            batch.update(con -> {
                var ps = con.prepareStatement("""
                        UPDATE project p SET vote_score = v.vs, total_score = v.ts, scope_rank = v.r,
                               prioritized = v.pz, reason = v.rs
                        FROM unnest(?, ?, ?, ?, ?, ?) AS v(cui, vs, ts, r, pz, rs)
                        WHERE p.cycle_year = ? AND p.cui = v.cui""");
                ps.setArray(1, con.createArrayOf("varchar", cuis));
                ps.setArray(2, con.createArrayOf("numeric", voteScores));
                ps.setArray(3, con.createArrayOf("numeric", totals));
                ps.setArray(4, con.createArrayOf("integer", ranks));
                ps.setArray(5, con.createArrayOf("boolean", prioritized));
                ps.setArray(6, con.createArrayOf("varchar", reasons));
                ps.setInt(7, year);
                return ps;
            });
            return;
        }
        List<Object[]> rows = new ArrayList<>(n);
        for (Ranked r : results) {
            rows.add(new Object[] {r.voteScore(), r.totalScore(), r.rank(), r.prioritized(), r.reason(), year, r.cui()});
        }
        batch.batchUpdate("UPDATE project SET vote_score = ?, total_score = ?, scope_rank = ?, prioritized = ?, "
                + "reason = ? WHERE cycle_year = ? AND cui = ?", rows);
    }

    /**
     * Registers the prioritised projects of a cycle for quarterly monitoring from {@code since} (idempotent);
     * returns how many were added.
     */
    public int registerForMonitoring(int year, LocalDate since) {
        return jdbc.sql("""
                UPDATE project SET monitored_since = ?, execution_status = COALESCE(execution_status, 'NO_INICIADO')
                WHERE cycle_year = ? AND prioritized = TRUE AND monitored_since IS NULL""")
                .params(since, year).update();
    }

    /** Whether the database is PostgreSQL (its array functions allow a set-based update). */
    private boolean onPostgres() {
        return pe.gob.regioncajamarca.participa.shared.Databases.isPostgres(batch);
    }
}
