package pe.gob.regioncajamarca.participa.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The canonical form and the chain hash, against values computed by hand outside Java
 * ({@code printf '%s\n1\nVOTO\n2026\n2324969\n2026-11-23T12:00:00.000Z\n{"agente":"abc"}' 000…000 | sha256sum}).
 */
class LedgerHashTest {

    @Test
    void theCanonicalFormSortsKeysDropsBlanksAndWritesNumbersPlainly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", List.of(1, new BigDecimal("80.50"), new BigDecimal("1E+3"), BigDecimal.ZERO.setScale(4)));
        m.put("a", "comillas \" y \\ barra\n");
        m.put("m", Ledger.fields("nulo", null, "si", true, "fecha", LocalDate.of(2026, 3, 5)));
        m.put("ñ", "Cajamarca · Jaén");
        assertThat(CanonicalJson.of(m)).isEqualTo(
                "{\"a\":\"comillas \\\" y \\\\ barra\\u000a\",\"m\":{\"fecha\":\"2026-03-05\",\"nulo\":null,\"si\":true},"
                        + "\"z\":[1,80.5,1000,0],\"ñ\":\"Cajamarca · Jaén\"}");
        // the same facts in another order and scale give the same bytes
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("ñ", "Cajamarca · Jaén");
        other.put("m", Ledger.fields("si", true, "nulo", null, "fecha", "2026-03-05"));
        other.put("a", "comillas \" y \\ barra\n");
        other.put("z", List.of(1L, 80.5, 1000, 0));
        assertThat(CanonicalJson.of(other)).isEqualTo(CanonicalJson.of(m));
        assertThat(CanonicalJson.of(Map.of("x", new BigDecimal("64.00")))).isEqualTo(CanonicalJson.of(Map.of("x", 64)));
    }

    @Test
    void theHashIsSha256OverThePreviousHashAndTheEntryAsComputedByHand() {
        String first = Ledger.hash(Ledger.GENESIS, 1, "VOTO", 2026, "2324969", "2026-11-23T12:00:00.000Z",
                CanonicalJson.of(Map.of("agente", "abc")));
        assertThat(first).isEqualTo("721120a7e0b07e84ae9640974929eea98482b9817fe97d85d6ac0f0445112c6a");
        // an entry without a cycle: the cycle line is empty; chained to the first
        String second = Ledger.hash(first, 2, "CAMBIO_DE_FASE", null, "fase PRIORIZACION", "2026-11-23T12:00:01.250Z",
                CanonicalJson.of(Ledger.fields("nota", null, "fase", "PRIORIZACION")));
        assertThat(second).isEqualTo("084b1f11286d9455e195f841ef51c83604f1b083fde81ca4efae5931ec27bd2c");
        // one character of the content changed: another hash
        assertThat(Ledger.hash(Ledger.GENESIS, 1, "VOTO", 2026, "2324969", "2026-11-23T12:00:00.000Z",
                "{\"agente\":\"abd\"}")).isEqualTo("86779c4304359a94c970d77f4dfbacb1e726f166bbe2bf36f6745b43105fde20");
        // and the position is part of it
        assertThat(Ledger.hash(Ledger.GENESIS, 2, "VOTO", 2026, "2324969", "2026-11-23T12:00:00.000Z",
                "{\"agente\":\"abc\"}")).isNotEqualTo(first);
    }
}
