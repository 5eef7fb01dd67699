package pe.gob.regioncajamarca.participa.investments;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** Run by {@link NationalFileTest} in a JVM of its own with -Xmx512m: reads a national file and prints its counts. */
public final class NationalFileMemoryMain {

    private NationalFileMemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicReference<BigDecimal> pim = new AtomicReference<>(BigDecimal.ZERO);
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            NationalFile.Summary s = NationalFile.read(in, NationalColumns.defaults(),
                    NationalFile.regionOr(Set.<String>of()::contains),
                    f -> pim.accumulateAndGet(f.pimCurrentYear(), BigDecimal::add), (r, k) -> { });
            System.out.println("filas=" + s.rowsRead() + " region=" + s.kept() + " rechazadas=" + s.rejected()
                    + " suma_pim=" + pim.get().toBigInteger() + " heap_max_mb="
                    + Runtime.getRuntime().maxMemory() / 1024 / 1024);
        }
    }
}
