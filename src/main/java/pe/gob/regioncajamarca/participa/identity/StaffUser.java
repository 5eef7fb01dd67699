package pe.gob.regioncajamarca.participa.identity;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The staff member behind a request to a staff page: user id and Camunda groups. */
public record StaffUser(String id, Set<String> groups) {

    static final String GROUP_PREFIX = "GROUP_";

    public static StaffUser of(Authentication authentication) {
        if (authentication == null || authentication.getAuthorities().stream()
                .noneMatch(a -> "ROLE_STAFF".equals(a.getAuthority()))) {
            throw new AccessDeniedException("Solo para el personal del Gobierno Regional");
        }
        return new StaffUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length())).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean inAny(String... groupIds) {
        for (String g : groupIds) {
            if (groups.contains(g)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses (403) unless the user belongs to one of the groups. */
    public StaffUser require(String... groupIds) {
        if (!inAny(groupIds)) {
            throw new AccessDeniedException("Esta acción corresponde a otra oficina");
        }
        return this;
    }
}
