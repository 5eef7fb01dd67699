package pe.gob.regioncajamarca.participa.results;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The check as a command: {@code java -jar participa.jar --spring.profiles.active=postgres --participa.ledger.verify}
 * (or {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--participa.ledger.verify}) starts the
 * application on the same database, seals what is pending, walks the chain, checks the newest cycles, prints the
 * result and exits: 0 when the chain is whole and every cycle's results follow from it, 1 otherwise.
 */
@Component
@ConditionalOnProperty(name = "participa.ledger.verify")
class IntegrityVerifyRunner implements ApplicationRunner {

    private final IntegrityCheck check;
    private final ConfigurableApplicationContext context;

    IntegrityVerifyRunner(IntegrityCheck check, ConfigurableApplicationContext context) {
        this.check = check;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        IntegrityCheck.Report report = check.run();
        print(report, System.out);
        int code = report.allGood() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    static void print(IntegrityCheck.Report r, PrintStream out) {
        out.println("Registro de integridad");
        out.println("  entradas selladas: " + r.chain().sealed() + " (pendientes: " + r.chain().pending() + ")");
        out.println("  última huella:     " + r.chain().lastHash());
        out.println(r.chain().intact() ? "  cadena íntegra"
                : "  CADENA ROTA en la posición " + r.chain().brokenAt() + ": " + r.chain().problem());
        for (IntegrityCheck.CycleCheck c : r.cycles()) {
            out.println("  ciclo " + c.year() + ": " + c.status() + " - " + c.summary());
            c.differences().forEach(d -> out.println("    " + d));
            if (c.moreDifferences() > 0) {
                out.println("    ... y " + c.moreDifferences() + " diferencias más");
            }
        }
        out.println(r.allGood() ? "RESULTADO: CONFORME" : "RESULTADO: NO CONFORME");
    }
}
