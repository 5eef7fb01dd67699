package pe.gob.regioncajamarca.participa.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Turns off Camunda's account-wide login lock (issue 20). Camunda delays a user's next login after every wrong
 * password ({@code loginDelayBase}, {@code loginDelayFactor}, {@code loginDelayMaxTime}) and locks the account for
 * good after {@code loginMaxAttempts} (10) until an administrator unlocks it: with HTTP Basic at
 * {@code /engine-rest} open to anyone, a stranger who knows a user id could lock regional management out. The
 * engine's identity provider is replaced by one that never records a failure or a lock (and ignores a lock left in
 * {@code ACT_ID_USER} by earlier versions); password guessing is throttled instead per client address and per
 * (address, account) in front of every staff login ({@link LoginThrottle#staffFilter()}), so failures from one
 * address never stop the owner logging in from another.
 */
@Component
class NoAccountLockPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(Provider.class));
    }

    /** The engine's database identity provider without the login lock (instantiated by the engine per session). */
    public static class Provider extends DbIdentityServiceProvider {

        @Override
        protected boolean isUserLocked(UserEntity user) {
            return false;
        }

        @Override
        protected void lockUser(UserEntity user) {
            // no failure count and no lock: see the class comment
        }
    }
}
