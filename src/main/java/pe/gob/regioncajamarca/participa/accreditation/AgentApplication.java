package pe.gob.regioncajamarca.participa.accreditation;

import java.time.LocalDate;

/** What a citizen gives when registering as a participating agent of a cycle (besides the portal account). */
public record AgentApplication(int cycleYear, long citizenId, String mobilePhone, String sex, LocalDate birthDate,
                               String educationLevel, String profession, String organization,
                               String provinceCode, String districtUbigeo) {
}
