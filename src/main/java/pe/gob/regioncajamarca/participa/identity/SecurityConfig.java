package pe.gob.regioncajamarca.participa.identity;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may reach what (deny unless allowed). Three doors, each with its own guard:
 * <ul>
 * <li>{@code /actuator/prometheus}: the operators' metrics, HTTP Basic of a staff user of {@code operations} or
 * {@code camunda-admin}; stateless.</li>
 * <li>{@code /engine-rest/**}: HTTP Basic against the engine's identity service (Camunda's own filter, which
 * also sets the engine's authentication so Camunda authorizations apply); 401 without valid staff
 * credentials. Stateless, no CSRF (no cookies are honoured).</li>
 * <li>every staff login (the three below that check a Camunda password) passes the staff login throttle first;
 * Camunda's own account lock is off ({@link NoAccountLockPlugin}).</li>
 * <li>{@code /camunda/**}: Tasklist, Cockpit and Admin, guarded by their own login, session and CSRF
 * protection against the engine's identity service. A portal session gives nothing there.</li>
 * <li>{@code /personal/**} and {@code /demo/**}: staff pages (voting workshops and paper ballots, early closing of a phase, the
 * committee's election; the demo's mail page, which shows password links), form login against the engine's identity
 * service, groups as authorities, CSRF on every form.</li>
 * <li>everything else: the citizen portal. Public pages are open; the rest needs a citizen login
 * (form login, DNI and password, BCrypt hashes, CSRF tokens on every form).</li>
 * </ul>
 * Citizen accounts are not Camunda users, so a citizen cannot log in to the webapps or the REST API.
 */
@Configuration
class SecurityConfig {

    /**
     * Every answer (portal, staff pages, REST API, webapps) tells the browser to send other sites the origin only
     * (never a path or query such as {@code /acceso/restablecer?token=...}), and nothing when going from HTTPS to HTTP.
     */
    static final ReferrerPolicyHeaderWriter.ReferrerPolicy REFERRER_POLICY =
            ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> reg =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        reg.setName("camunda-rest-basic-auth");
        reg.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        reg.addUrlPatterns("/engine-rest/*");
        return reg;
    }

    /**
     * Failed staff logins throttled per address and per (address, account) (issue 20, {@link LoginThrottle}): after
     * the character encoding filter (it reads the login forms' parameters), before Spring Security (-100) and
     * Camunda's REST authentication.
     */
    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> staffLoginThrottle(LoginThrottle throttle) {
        FilterRegistrationBean<jakarta.servlet.Filter> reg = new FilterRegistrationBean<>(throttle.staffFilter());
        reg.setName("staff-login-throttle");
        reg.addUrlPatterns("/engine-rest/*", "/camunda/api/admin/auth/*", "/personal/login", "/actuator/prometheus");
        reg.setOrder(-150);
        return reg;
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(REFERRER_POLICY)));
        return http.build();
    }

    /**
     * The operators' metrics (Prometheus format, {@code docs/operations.md} section 7): HTTP Basic with a staff user
     * of {@code operations} (or {@code camunda-admin}) checked against the engine's identity service, as a scraper
     * sends it; stateless (a portal or staff session gives nothing here), 401 without valid credentials, 403 for
     * staff of other groups. {@code /actuator/health} stays public (portal chain).
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, IdentityService identity) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus"))
                .authenticationManager(new ProviderManager(new StaffAuthenticationProvider(identity)))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(
                        StaffUser.GROUP_PREFIX + StaffGroups.OPERATIONS, StaffUser.GROUP_PREFIX + StaffGroups.ADMINS))
                .httpBasic(basic -> basic.realmName("participa-metricas"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(REFERRER_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable()) // the webapps send and check their own CSRF token
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()).referrerPolicy(r -> r.policy(REFERRER_POLICY)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain staffPages(HttpSecurity http, IdentityService identity) throws Exception {
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/personal/**"),
                        // the demo's pages (profile demo only): the mails it sent carry citizens' password links
                        PathPatternRequestMatcher.withDefaults().matcher("/demo/**")))
                .authenticationManager(new ProviderManager(new StaffAuthenticationProvider(identity)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/personal/login").permitAll()
                        .requestMatchers("/personal/historial", "/personal/historial/**", "/personal/inversiones",
                                "/personal/inversiones/**")
                        .hasAuthority(StaffUser.GROUP_PREFIX + StaffGroups.PLANNING)
                        .anyRequest().hasRole("STAFF"))
                .formLogin(form -> form.loginPage("/personal/login").loginProcessingUrl("/personal/login")
                        .defaultSuccessUrl("/personal", false).failureUrl("/personal/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/personal/logout").logoutSuccessUrl("/personal/login?salida"))
                .headers(h -> h.referrerPolicy(r -> r.policy(REFERRER_POLICY))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'self'")));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain portal(HttpSecurity http, LoginThrottle throttle, CitizenAccounts accounts) throws Exception {
        http.addFilterBefore(throttle.filter(),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                // a password reset ends the account's sessions that logged in before it (on every node)
                .addFilterBefore(new CredentialsChangedFilter(accounts),
                        org.springframework.security.web.access.ExceptionTranslationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/open-data/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/ideas/*/apoyo").hasRole("CITIZEN")
                        // citizen monitors file site-visit reports (the controller checks they are monitors)
                        .requestMatchers("/vigilancia/nuevo").hasRole("CITIZEN")
                        // training: the catalogue, editions, certificates and indicators are public; enrolling,
                        // cancelling and "Mis cursos" need a citizen login
                        .requestMatchers(HttpMethod.POST, "/capacitacion/**").hasRole("CITIZEN")
                        .requestMatchers("/capacitacion/mis-cursos").hasRole("CITIZEN")
                        .requestMatchers(HttpMethod.GET, "/capacitacion", "/capacitacion/**").permitAll()
                        // /forms/**: the embedded Tasklist forms (static HTML, no data)
                        .requestMatchers("/", "/css/**", "/js/**", "/img/**", "/forms/**", "/favicon.ico", "/error", "/login",
                                "/agentes/inscripcion", "/votacion/resultados", "/ideas", "/ideas/**", "/resultados", "/resultados/**", "/avisos", "/reclamos", "/reclamos/**", "/vigilancia", "/vigilancia/**", "/proyectos", "/proyectos/**", "/seguimiento", "/seguimiento/**", "/acceso/**", "/datos-abiertos", "/noticias", "/noticias/**", "/rendicion-de-cuentas", "/rendicion-de-cuentas/**", "/registro-de-integridad",
                                "/actuator/health")
                        .permitAll()
                        .anyRequest().hasRole("CITIZEN"))
                .formLogin(form -> form.loginPage("/login").successHandler(CredentialsChangedFilter.successHandler())
                        // a wrong password keeps where the citizen was going (issue 19); LoginThrottle counts
                        // every answer that goes to /login?error
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/login?error" + LocalReturn.path(request.getParameter(LocalReturn.PARAMETER))
                                .map(p -> "&" + LocalReturn.PARAMETER + "=" + java.net.URLEncoder.encode(p,
                                        java.nio.charset.StandardCharsets.UTF_8)).orElse("")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?salida"))
                // a session that the node does not know (its node died, a restart): "log in again", not a 403
                .exceptionHandling(e -> e.accessDeniedHandler(SessionEnded.accessDenied())
                        .authenticationEntryPoint(SessionEnded.entryPoint()))
                .headers(h -> h.referrerPolicy(r -> r.policy(REFERRER_POLICY))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'self'")));
        return http.build();
    }

    /** Hashes as {@code {bcrypt}...}; older formats stay readable if ever migrated. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Citizens log in with their document number; disabled accounts cannot. */
    @Bean
    UserDetailsService citizens(JdbcClient jdbc) {
        return username -> jdbc.sql("SELECT document_number, password_hash, enabled FROM citizen_account "
                        + "WHERE document_number = ?")
                .param(username == null ? "" : username.trim())
                .query((rs, i) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .disabled(!rs.getBoolean(3)).roles("CITIZEN").build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No existe la cuenta"));
    }
}
