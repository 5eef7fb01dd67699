package pe.gob.regioncajamarca.participa.documents;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Amounts in soles as people in Peru write them: "S/ 1,234,567.00" (used in templates as {@code @soles}). */
@Component("soles")
public class Soles {

    public String format(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return "S/ " + f.format(amount);
    }
}
