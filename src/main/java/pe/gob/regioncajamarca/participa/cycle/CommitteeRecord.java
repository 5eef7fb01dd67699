package pe.gob.regioncajamarca.participa.cycle;

/**
 * Whether a cycle's Comité de Vigilancia has been elected, answered by the module that records the election
 * (oversight, which depends on this module); read by {@link ComiteElegido}.
 */
public interface CommitteeRecord {

    boolean held(int year);
}
