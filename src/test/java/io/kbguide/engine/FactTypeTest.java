package io.kbguide.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactTypeTest {

    private static final FactType.Choices ARCH = new FactType.Choices(List.of(new Choice("x86", "32-bit"),
            new Choice("x64", "64-bit")));
    private static final FactType.Versions HEARTBEAT = new FactType.Versions(List.of(
            new VersionBand("before-5.0.3", "before 5.0.3", null, Version.of("5.0.3")),
            new VersionBand("5.0.x-patched", "5.0.3 to 5.1", Version.of("5.0.3"), Version.of("5.1.0")),
            new VersionBand("5.1-or-later", "5.1.0 or later", Version.of("5.1.0"), null)));

    private static final FactType.Numbers FREE_SPACE = new FactType.Numbers(List.of(
            new FactType.Numbers.NumberRange("under-1", "under 1 GB", null, new BigDecimal("1")),
            new FactType.Numbers.NumberRange("1-to-10", "1 to 10 GB", new BigDecimal("1"), new BigDecimal("10")),
            new FactType.Numbers.NumberRange("10-or-more", "10 GB or more", new BigDecimal("10"), null)), "GB");

    @Test
    void everyValueOfEveryKindHasARepresentativeAnswerThatResolvesBackToIt() {
        for (FactType type : List.of(ARCH, HEARTBEAT, FREE_SPACE)) {
            for (String value : type.domain()) {
                assertEquals(Optional.of(value), type.resolve(type.representative(value)), type.name() + " " + value);
            }
        }
    }

    @Test
    void aChoiceTakesOnlyItsOwnValuesAndIsPicked() {
        assertEquals(Optional.of("x64"), ARCH.resolve("x64"));
        assertEquals(Optional.empty(), ARCH.resolve("X64"));
        assertEquals(Optional.empty(), ARCH.format());
        assertEquals(ARCH.options(), ARCH.corrections());
        assertEquals(Optional.of(List.of("x86", "x64")), ARCH.closedValues());
        assertEquals("64-bit", ARCH.labelOf("x64"));
    }

    @Test
    void aVersionIsReadAsWrittenAndSeenAsItsBand() {
        assertEquals(Optional.of("5.0.x-patched"), HEARTBEAT.resolve("V5.0.3 build 221"));
        assertEquals(Optional.of("5.0.3"), HEARTBEAT.normalize("V5.0.3 build 221"));
        assertEquals(Optional.of(Fact.UNKNOWN), HEARTBEAT.resolve("5.0"), "5.0 spans two bands");
        assertEquals(Optional.of("5.1-or-later"), HEARTBEAT.resolve("6"));
        assertEquals(Optional.of("before-5.0.3"), HEARTBEAT.normalize("before-5.0.3"));
        assertEquals(Optional.empty(), HEARTBEAT.resolve("banana"));
        assertEquals(Optional.of(Version.WRITTEN), HEARTBEAT.format());
        assertTrue(HEARTBEAT.corrections().isEmpty(), "a version read wrongly is typed again, not picked");
        assertEquals(Optional.empty(), HEARTBEAT.closedValues());
        assertEquals("5.0.3", HEARTBEAT.example());
    }

    @Test
    void aNumberIsReadWithOrWithoutItsUnitAndSeenAsItsRange() {
        assertEquals(Optional.of("1-to-10"), FREE_SPACE.resolve("9.5"));
        assertEquals(Optional.of("1-to-10"), FREE_SPACE.resolve("9,5 gb"));
        assertEquals(Optional.of("10-or-more"), FREE_SPACE.resolve("10"), "a range ends before its 'to'");
        assertEquals(Optional.of("under-1"), FREE_SPACE.resolve("0"));
        assertEquals(Optional.of("9.5"), FREE_SPACE.normalize("9.50 GB"));
        assertEquals(Optional.empty(), FREE_SPACE.resolve("9.5 TB"), "another unit is not this one");
        assertEquals(Optional.empty(), FREE_SPACE.resolve("lots"));
        assertEquals(Optional.of("the number"), FREE_SPACE.typeIn());
        assertEquals("under 1 GB", FREE_SPACE.labelOf("under-1"));
    }

    @Test
    void numberRangesWithAGapAreFaults() {
        assertEquals(Optional.empty(), FREE_SPACE.fault());
        FactType.Numbers gap = new FactType.Numbers(List.of(
                new FactType.Numbers.NumberRange("small", "small", null, new BigDecimal("1")),
                new FactType.Numbers.NumberRange("big", "big", new BigDecimal("2"), null)), null);
        assertEquals(Optional.of("range 'small' must end ('to') where range 'big' starts ('from'); a gap or overlap"
                + " between them would leave numbers undecided"), gap.fault());
    }

    @Test
    void versionBandsWithAGapOrAnOpenFirstBoundAreFaults() {
        assertEquals(Optional.empty(), HEARTBEAT.fault());
        FactType.Versions gap = new FactType.Versions(List.of(
                new VersionBand("old", "old", null, Version.of("5.0.3")),
                new VersionBand("new", "new", Version.of("5.1.0"), null)));
        assertEquals(Optional.of("band 'old' must end ('to') where band 'new' starts ('from'); a gap or overlap"
                + " between them would leave versions undecided"), gap.fault());
        FactType.Versions closedStart = new FactType.Versions(List.of(
                new VersionBand("new", "new", Version.of("5.1.0"), null)));
        assertTrue(closedStart.fault().orElseThrow().startsWith("the first band 'new' must have no 'from'"));
    }
}
