package pe.gob.regioncajamarca.participa.accreditation;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * "¿Olvidó su contraseña?": a single-use link valid for one hour is mailed to the account's address. A reset ends the
 * account's other portal sessions (identity.CredentialsChangedFilter). Only the
 * token's SHA-256 is stored; at most three links per account and hour; the answer to the request never says
 * whether the document has an account (no enumeration of citizens).
 */
@Service
public class PasswordReset {

    static final Duration VALID_FOR = Duration.ofHours(1);
    static final int MAX_PER_HOUR = 3;
    public static final int MIN_LENGTH = 8;

    private final JdbcClient jdbc;
    private final CitizenAccounts accounts;
    private final Notifications notifications;
    private final SecureRandom random = new SecureRandom();

    public PasswordReset(JdbcClient jdbc, CitizenAccounts accounts, Notifications notifications) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.notifications = notifications;
    }

    record Account(long id, String email, String givenNames) {
    }

    /** Mails a reset link when the document has an account with an e-mail; silent otherwise. */
    @Transactional
    public void request(String documentNumber) {
        if (documentNumber == null || !documentNumber.strip().matches("^[0-9A-Za-z]{8,12}$")) {
            return;
        }
        Optional<Account> account = accounts.holder(documentNumber.strip())
                .map(h -> new Account(h.id(), h.email(), h.givenNames()));
        if (account.isEmpty() || account.get().email() == null || account.get().email().isBlank()) {
            return;
        }
        Instant now = Now.instant();
        int recent = jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE citizen_id = ? AND created_at > ?")
                .params(account.get().id(), Timestamp.from(now.minus(Duration.ofHours(1)))).query(Integer.class).single();
        if (recent >= MAX_PER_HOUR) {
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO password_reset (citizen_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(account.get().id(), hash(token), Timestamp.from(now), Timestamp.from(now.plus(VALID_FOR)))
                .update();
        notifications.send("clave:" + hash(token), account.get().email(), "Restablecer su contraseña",
                "restablecer-clave", Map.of("name", account.get().givenNames(), "path", "/acceso/restablecer?token=" + token));
    }

    /** True when the token is known, unused and not expired. */
    public boolean valid(String token) {
        return token != null && openReset(token).isPresent();
    }

    private Optional<Long> openReset(String token) {
        return jdbc.sql("SELECT id FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(hash(token), Now.timestamp()).query(Long.class).optional();
    }

    /** Sets the new password and spends the token (and every other open token of the account). */
    @Transactional
    public void reset(String token, String password, String repeated) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("La contraseña debe tener al menos " + MIN_LENGTH + " caracteres.");
        }
        if (password.length() > 128) {
            throw new IllegalArgumentException("La contraseña admite hasta 128 caracteres.");
        }
        if (!password.equals(repeated)) {
            throw new IllegalArgumentException("Las dos contraseñas no coinciden: escríbala igual en ambos campos.");
        }
        long resetId = openReset(token).orElseThrow(() -> new IllegalStateException(
                "El enlace ya se usó o venció. Pida uno nuevo."));
        long citizen = jdbc.sql("SELECT citizen_id FROM password_reset WHERE id = ?").param(resetId)
                .query(Long.class).single();
        String document = accounts.find(citizen).orElseThrow().documentNumber();
        pe.gob.regioncajamarca.participa.identity.PasswordRules.weakness(password, document).ifPresent(m -> {
            throw new IllegalArgumentException(m);
        });
        // spent first, so that two clicks on the same link cannot both set a password
        int spent = jdbc.sql("UPDATE password_reset SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(Now.timestamp(), resetId).update();
        if (spent == 0) {
            throw new IllegalStateException("El enlace ya se usó o venció. Pida uno nuevo.");
        }
        jdbc.sql("UPDATE password_reset SET used_at = ? WHERE citizen_id = ? AND used_at IS NULL")
                .params(Now.timestamp(), citizen).update();
        accounts.changePassword(citizen, password);
        // whoever knew the old password (or holds a session opened with it) is logged out everywhere
        accounts.credentialsChanged(citizen, Now.instant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
