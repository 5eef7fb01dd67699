package pe.gob.regioncajamarca.participa.workflow;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept for the rest of the current transaction only: what a step reads once for many tasks created in the
 * same transaction (a monitoring round opens a thousand tasks in one job), instead of each task's listener reading
 * it again. Outside a transaction with synchronization nothing is kept, and the callers read as before.
 */
public final class PerTransaction {

    private PerTransaction() {
    }

    /**
     * Keeps {@code value} under {@code key} until the current transaction completes (commit or rollback); returns
     * false, keeping nothing, when there is no such transaction.
     */
    public static boolean put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        if (TransactionSynchronizationManager.unbindResourceIfPossible(key) == null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(key, value);
        return true;
    }

    /** What {@link #put} keeps under {@code key} in this transaction, or null. */
    public static <T> T get(Object key, Class<T> type) {
        Object value = TransactionSynchronizationManager.getResource(key);
        return type.isInstance(value) ? type.cast(value) : null;
    }
}
