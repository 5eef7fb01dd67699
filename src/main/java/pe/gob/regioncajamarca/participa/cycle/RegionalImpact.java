package pe.gob.regioncajamarca.participa.cycle;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Whether a MULTIPROVINCIAL project is of regional impact (DS 132-2010-EF): the DMN decision {@value #DECISION}
 * ({@code processes/impacto-regional.dmn}) evaluated through the engine's {@link DecisionService}. The rule lives in
 * that table alone; loading the programme, the history import, the demo data, the prioritisation and the integrity
 * check all ask here (docs/adr/0006-regional-impact-in-one-decision.md).
 *
 * <p>The inputs are the cost in soles, the number of districts and the number of provinces they lie in (the first 4
 * digits of a district's INEI ubigeo are its province). The cost goes in as a double: amounts have 2 decimals and
 * are far below 2^53 cents, and S/ 3,000,000 is exact in binary, so a cost below it (at most 2,999,999.99) never
 * becomes 3,000,000 and the comparison {@code < 3000000} is exact.
 *
 * <p>The decision is evaluated by the application, not by whoever's request led here (a planner in Tasklist, the
 * job executor, an anonymous visitor of the integrity page): the engine's current authentication is set aside
 * for the evaluation. Each evaluation is kept in the engine's decision history (Cockpit's "Decisiones", readable by
 * planning and regional management only; inputs are amounts and counts, never personal data; history time to live
 * 10 years). The decision is a pure function of its inputs and its version, so each distinct input is evaluated once
 * per version and application run and remembered: the integrity check, which may recheck every cycle every few
 * minutes, does not fill the history.
 */
@Service
public class RegionalImpact {

    public static final String DECISION = "impacto-regional";
    /** Distinct inputs remembered at most (then forgotten all at once: evaluating again is only slower). */
    static final int REMEMBERED = 10_000;

    /** The decision for one project: eligible or not, its Spanish reason, and the version of the table that decided. */
    public record Decision(boolean eligible, String reason, int version) {
    }

    private record Input(String definitionId, double cost, int districts, int provinces) {
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final Map<Input, Decision> remembered = new ConcurrentHashMap<>();

    public RegionalImpact(DecisionService decisions, RepositoryService repository, IdentityService identity) {
        this.decisions = decisions;
        this.repository = repository;
        this.identity = identity;
    }

    /** One version of the decision table, to decide many projects with. */
    public final class Rule {
        private final String definitionId;
        private final int version;

        private Rule(DecisionDefinition d) {
            this.definitionId = d.getId();
            this.version = d.getVersion();
        }

        public int version() {
            return version;
        }

        /** The decision for a project of this cost benefiting these districts (ubigeo codes). */
        public Decision decide(BigDecimal cost, Collection<String> districts) {
            Input in = new Input(definitionId, cost.doubleValue(), districts.size(), provincesOf(districts));
            Decision known = remembered.get(in);
            if (known != null) {
                return known;
            }
            Decision d = asApplication(() -> {
                DmnDecisionResultEntries r = decisions.evaluateDecisionById(definitionId)
                        .variables(Variables.createVariables().putValue("costo", in.cost())
                                .putValue("distritos", in.districts()).putValue("provincias", in.provinces()))
                        .evaluate().getSingleResult();
                return new Decision(r.<Boolean>getEntry("elegible"), r.getEntry("motivo"), version);
            });
            if (remembered.size() >= REMEMBERED) {
                remembered.clear();
            }
            remembered.put(in, d);
            return d;
        }
    }

    /** The version in force: the newest deployed. */
    public Rule current() {
        return new Rule(asApplication(() -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult()));
    }

    /** The given version of the table (the one a logged decision was taken with), or the current one if unknown. */
    public Rule version(Integer version) {
        if (version == null) {
            return current();
        }
        DecisionDefinition d = asApplication(() -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION).decisionDefinitionVersion(version).singleResult());
        return d == null ? current() : new Rule(d);
    }

    /** The decision of the version in force for one project. */
    public Decision decide(BigDecimal cost, Collection<String> districts) {
        return current().decide(cost, districts);
    }

    /** How many provinces the districts lie in: distinct first 4 digits of their ubigeo codes. */
    public static int provincesOf(Collection<String> districts) {
        return (int) districts.stream().map(d -> d.length() >= 4 ? d.substring(0, 4) : d).distinct().count();
    }

    private <T> T asApplication(Supplier<T> work) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null) {
            return work.get();
        }
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            identity.setAuthentication(current);
        }
    }
}
