package pe.gob.regioncajamarca.participa.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The pure rules of the training module: session lines, the completion rule, task lines, age groups, indicators. */
class TrainingRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    @Test
    void sessionLinesAreParsedSortedAndTellPlacesFromLinks() {
        List<SessionLines.Session> s = SessionLines.parse("""
                2026-06-03 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez

                01/06/2026 9:30 | https://meet.example.pe/x | Mg. Luis Cerna
                """, TODAY);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).startsAt()).isEqualTo(LocalDateTime.of(2026, 6, 1, 9, 30));
        assertThat(s.get(0).onlineLink()).isEqualTo("https://meet.example.pe/x");
        assertThat(s.get(0).place()).isNull();
        assertThat(s.get(1).place()).isEqualTo("Auditorio de la Sede Regional");
        assertThat(SessionLines.format(s)).isEqualTo("2026-06-01 09:30 | https://meet.example.pe/x | Mg. Luis Cerna\n"
                + "2026-06-03 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez");
        assertThat(SessionLines.parse(SessionLines.format(s), TODAY)).isEqualTo(s);
    }

    @Test
    void badSessionLinesAreReportedOneByOneWithWhatToFix() {
        assertThatThrownBy(() -> SessionLines.parse("""
                2026-06-01 09:00 | Auditorio
                2026-02-30 09:00 | Auditorio | Ana
                2026-06-02 25:00 | Auditorio | Ana
                ayer | Auditorio | Ana
                2026-05-01 09:00 | Auditorio | Ana
                2026-06-05 09:00 |  | Ana
                2026-06-06 09:00 | www.example.pe | Ana
                """, TODAY))
                .isInstanceOfSatisfying(TrainingInvalid.class, e -> assertThat(e.errors()).containsExactly(
                        "Línea 1: escriba tres partes separadas por «|»: fecha y hora | lugar o enlace | facilitador "
                                + "(por ejemplo «2026-12-03 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez»).",
                        "Línea 2: la fecha «2026-02-30» no existe en el calendario.",
                        "Línea 3: la hora «25:00» no es válida (de 00:00 a 23:59).",
                        "Línea 4: «ayer» no es una fecha y hora; escriba AAAA-MM-DD HH:MM, por ejemplo 2026-12-03 09:00.",
                        "Línea 5: la sesión del 01/05/2026 09:00 no es posterior a hoy (04/05/2026).",
                        "Línea 6: falta el lugar o el enlace de la sesión (segunda parte).",
                        "Línea 7: el enlace «www.example.pe» no es válido; escríbalo completo, con https://."));
        assertThatThrownBy(() -> SessionLines.parse("  \n", TODAY)).hasMessageContaining("Escriba al menos una sesión");
        assertThatThrownBy(() -> SessionLines.parse("2026-06-01 09:00 | A | B\n2026-06-01 09:00 | C | D", TODAY))
                .hasMessageContaining("Hay dos sesiones el 01/06/2026 09:00");
    }

    @Test
    void sessionsOnWeekendsAndHolidaysAreFlaggedWithTheirReason() {
        List<SessionLines.Session> s = SessionLines.parse("""
                2026-06-05 18:00 | https://meet.example.pe/x | Mg. Luis Cerna
                2026-06-06 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez
                2026-06-07 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez
                2026-06-29 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez
                2026-06-30 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez
                """, TODAY);
        assertThat(SessionLines.onNonWorkingDays(s, new pe.gob.regioncajamarca.participa.calendar.BusinessCalendar(
                List.of(LocalDate.of(2026, 6, 30))))).containsExactly(
                "Sesión 2 (06/06/2026 09:00): sábado",
                "Sesión 3 (07/06/2026 09:00): domingo y feriado nacional: Batalla de Arica y Día de la Bandera",
                "Sesión 4 (29/06/2026 09:00): feriado nacional: San Pedro y San Pablo",
                "Sesión 5 (30/06/2026 09:00): día no laborable declarado");
    }

    @Test
    void theCompletionRuleComparesAttendanceExactlyAndTheMarkInclusively() {
        CompletionRule rule = new CompletionRule(75, true, new BigDecimal("11"));
        assertThat(rule.met(4, 3, new BigDecimal("11"))).isTrue();
        assertThat(rule.met(4, 3, new BigDecimal("10.9"))).isFalse();
        assertThat(rule.met(4, 2, new BigDecimal("20"))).isFalse();
        assertThat(rule.met(4, 4, null)).as("no mark when one is required").isFalse();
        assertThat(rule.met(3, 2, new BigDecimal("15"))).as("66 % < 75 %").isFalse();
        assertThat(rule.met(0, 0, new BigDecimal("15"))).as("no sessions, nobody completes").isFalse();
        CompletionRule attendanceOnly = new CompletionRule(75, false, null);
        assertThat(attendanceOnly.met(4, 3, null)).isTrue();
        assertThat(attendanceOnly.text()).isEqualTo("Asistir al menos al 75 % de las sesiones.");
        assertThat(rule.text()).isEqualTo(
                "Asistir al menos al 75 % de las sesiones y aprobar la evaluación con 11 o más (de 20).");
        assertThat(CompletionRule.percent(3, 2)).isEqualTo(66);
        assertThatThrownBy(() -> new CompletionRule(75, true, null)).hasMessageContaining("nota mínima");
        assertThatThrownBy(() -> new CompletionRule(101, false, null)).hasMessageContaining("de 0 a 100");
    }

    @Test
    void absentNumbersMarksAndMaterialsAreReadWithSpanishMessages() {
        assertThat(TaskLines.absentNumbers("12, 14;15  ", Set.of(12L, 14L, 15L, 16L))).containsExactly(12L, 14L, 15L);
        assertThat(TaskLines.absentNumbers("", Set.of(1L))).isEmpty();
        assertThatThrownBy(() -> TaskLines.absentNumbers("12, x, 99", Set.of(12L)))
                .isInstanceOfSatisfying(TrainingInvalid.class, e -> assertThat(e.errors()).containsExactly(
                        "«x» no es un número de la lista: escriba solo números separados por comas.",
                        "El número 99 no corresponde a ninguna persona inscrita en esta edición."));
        Map<Long, BigDecimal> marks = TaskLines.marks("12 | 15,5\n\n14|20", Set.of(12L, 14L));
        assertThat(marks).containsEntry(12L, new BigDecimal("15.5")).containsEntry(14L, new BigDecimal("20"));
        assertThatThrownBy(() -> TaskLines.marks("12 | 15\n12 | 16\n13 | 10\n14 | 21\n14 | quince", Set.of(12L, 14L)))
                .isInstanceOfSatisfying(TrainingInvalid.class, e -> assertThat(e.errors()).containsExactly(
                        "Línea 2: la persona 12 ya tiene nota en otra línea.",
                        "Línea 3: «13» no es el número de una persona inscrita en esta edición.",
                        "Línea 4: la nota 21 es mayor que 20.",
                        "Línea 5: la nota «quince» no es válida; escriba un número de 0 a 20 con un decimal como máximo."));
        assertThat(TaskLines.materials("Afiche | https://example.pe/a.pdf\nReel: taller | https://example.pe/r"))
                .extracting(TaskLines.Material::title).containsExactly("Afiche", "Reel: taller");
        assertThatThrownBy(() -> TaskLines.materials("Afiche | example.pe")).hasMessageContaining("escríbalo completo");
    }

    @Test
    void ageGroupsAndSexCodes() {
        assertThat(Enrolments.ageGroup(LocalDate.of(1980, 1, 1), TODAY)).isEqualTo("45-59");
        assertThat(Enrolments.ageGroup(LocalDate.of(1996, 5, 5), TODAY)).isEqualTo("18-29"); // 29 until tomorrow
        assertThat(Enrolments.ageGroup(LocalDate.of(1996, 5, 4), TODAY)).isEqualTo("30-44");
        assertThat(Enrolments.ageGroup(LocalDate.of(1966, 5, 4), TODAY)).isEqualTo("60+");
        assertThat(Enrolments.ageGroup(LocalDate.of(2010, 1, 1), TODAY)).isEqualTo("0-17");
        assertThat(Enrolments.sexCode("F")).isEqualTo("F");
        assertThat(Enrolments.sexCode("M")).isEqualTo("M");
        assertThat(Enrolments.sexCode("Mujer")).isEqualTo("F");
        assertThat(Enrolments.sexCode(null)).isEqualTo("X");
    }

    @Test
    void indicatorsCountPeopleOncePerGroupInTheOrderOfTheLabels() {
        List<TrainingIndicators.Row> rows = List.of(
                new TrainingIndicators.Row(1, 100, "F", "30-44", "0601", "NINGUNA", true, true),
                new TrainingIndicators.Row(2, 100, "F", "30-44", "0601", "NINGUNA", true, false), // same person again
                new TrainingIndicators.Row(1, 101, "M", "18-29", "0604", "ONG", false, false),
                new TrainingIndicators.Row(1, 102, "F", "60+", "0604", "ONG", true, false));
        TrainingIndicators.Figures f = TrainingIndicators.aggregate(rows, Map.of("0601", "Cajamarca", "0604", "Chota"));
        assertThat(f.enrolled()).isEqualTo(3);
        assertThat(f.attended()).isEqualTo(2);
        assertThat(f.trained()).isEqualTo(1);
        assertThat(f.bySex()).containsExactly(new TrainingIndicators.Group("F", "Mujer", 2, 2, 1),
                new TrainingIndicators.Group("M", "Hombre", 1, 0, 0));
        assertThat(f.byAgeGroup()).extracting(TrainingIndicators.Group::key).containsExactly("18-29", "30-44", "60+");
        assertThat(f.byProvince()).extracting(TrainingIndicators.Group::label).containsExactlyInAnyOrder("Cajamarca", "Chota");
        assertThat(f.max(f.bySex())).isEqualTo(2);
        assertThat(f.bySex().get(1).bar(1, 2)).isEqualTo(50);
    }
}
