package pe.gob.regioncajamarca.participa.identity;

import java.util.Optional;

/**
 * Where a citizen goes back to after logging in ({@code /login?continuar=/capacitacion/12}), issue 19: only a path
 * of this portal, never another site (no open redirect): it starts with one "/", has no scheme, host, backslash or
 * control character, and is not the login itself.
 */
public final class LocalReturn {

    public static final String PARAMETER = "continuar";

    private LocalReturn() {
    }

    /** {@code candidate} if it is a safe local path of the portal, else empty. */
    public static Optional<String> path(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 500 || !candidate.startsWith("/")
                || candidate.startsWith("//") || candidate.contains("\\")) {
            return Optional.empty();
        }
        for (char c : candidate.toCharArray()) {
            if (c < 0x21 || c == 0x7f) {
                return Optional.empty();
            }
        }
        String lower = candidate.toLowerCase(java.util.Locale.ROOT);
        // encoded slashes or backslashes could be decoded into "//host" or "/\host" further on
        if (lower.contains("%5c") || lower.contains("%2f") || lower.contains("%0d") || lower.contains("%0a")
                || lower.contains("%00") || lower.contains("%09")) {
            return Optional.empty();
        }
        try {
            java.net.URI uri = new java.net.URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
                return Optional.empty();
            }
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        String path = candidate.split("[?#]", 2)[0];
        if (path.equals("/login") || path.equals("/logout") || path.startsWith("/personal") || path.startsWith("/camunda")
                || path.startsWith("/engine-rest")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
