package pe.gob.regioncajamarca.participa.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Staff pages ({@code /personal/**}) log in against the same identity as Tasklist and Cockpit: the engine's
 * identity service (hashed passwords in Camunda's tables). The user gets ROLE_STAFF and one authority
 * {@code GROUP_<id>} per Camunda group, so pages check groups exactly as the engine's authorizations do.
 */
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    StaffAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (user.isEmpty() || !identity.checkPassword(user, password)) {
            throw new BadCredentialsException("Usuario o contraseña incorrectos");
        }
        return token(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    }

    static UsernamePasswordAuthenticationToken token(String user, List<String> groups) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        groups.forEach(g -> authorities.add(new SimpleGrantedAuthority(StaffUser.GROUP_PREFIX + g)));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
