package pe.gob.regioncajamarca.participa.workflow;

import java.lang.reflect.Field;

/**
 * Camunda's commands keep what they carry (task ids, variables, job ids) in protected or private fields; the engine
 * plugins that guard them ({@link TaskVariableGuard}, {@link ProcesslessJobGuard}) read them here. The engine line
 * is final (docs/adr/0001): each guard checks at class loading that its fields exist, so a changed engine fails at
 * start, not silently.
 */
final class CommandFields {

    private CommandFields() {
    }

    @SuppressWarnings("unchecked")
    static <V> V read(Object command, String name) {
        try {
            return (V) field(command.getClass(), name).get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Object command, String name, Object value) {
        try {
            field(command.getClass(), name).set(command, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The field {@code name} of {@code type} or a superclass, made accessible. */
    static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(type.getName() + " has no field " + name
                + ": the engine changed, review the workflow guards");
    }
}
