package io.kbguide.text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each message the "safe understanding" review found misread, as the person typed it: it must now give the
 * right fact, or no value for it (the service asks). The evidence of a value read must show what decided it.
 */
class IssueExamplesTest {

    static TextUnderstanding tu;

    @BeforeAll
    static void read() {
        tu = TextUnderstanding.read(Path.of("kb/heartbeat-registry-driver"));
    }

    /** {@code expected}: a value; {@code ?} for no value (asked); {@code ?value} for no value but a doubt or conflict. */
    @ParameterizedTest(name = "[{1}] {0} -> {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Heartbeat 5.0.3 SP1                                            |                  | servicePack      | ?
            IE6 SP1                                                        |                  | servicePack      | ?
            .NET 2.0 sp2                                                   |                  | servicePack      | ?
            we run w2k3, IE6 SP1 is on it                                  |                  | servicePack      | ?
            we didn't remove /3GB                                          |                  | threeGb          | yes
            /3GB is definitely not set                                     |                  | threeGb          | no
            none of the entries have /3GB                                  |                  | threeGb          | no
            /3GB has never been set                                        |                  | threeGb          | no
            w2k3 box with no service pack and /3GB on                      |                  | threeGb          | yes
            w2k3 box with no service pack and /3GB on                      |                  | servicePack      | none
            UseNewApi was 0 but I changed it to 1 this morning, have not rebooted yet |       | useNewApi        | ?doubt
            support sent us the patch but we have not installed it         |                  | leakPatch        | not-installed
            got the patch from support, not installed yet                  |                  | leakPatch        | ?
            we patched Windows but not Heartbeat                           |                  | leakPatch        | not-installed
            never patched                                                  | leakPatch        | leakPatch        | not-installed
            has not been patched                                           | leakPatch        | leakPatch        | not-installed
            we did not install the patch                                   |                  | leakPatch        | not-installed
            the primary has /3GB but the secondary does not                |                  | threeGb          | ?doubt
            UseNewApi is 0 on node A and 1 on node B                       |                  | useNewApi        | ?doubt
            probably SP2                                                   | servicePack      | servicePack      | ?doubt
            I think it's SP2                                               | servicePack      | servicePack      | ?doubt
            no idea about the patch, the guy who installed it left         | threeGb          | threeGb          | ?
            5.0.2 actually                                                 | useNewApi        | useNewApi        | ?
            Windows 2000 SP4                                               |                  | servicePack      | ?
            Windows 2000 SP4                                               |                  | os               | windows-2000
            our active/passive pair runs w2k3 SP2                          |                  | servicePack      | sp2
            both nodes are w2k3 SP1                                        |                  | servicePack      | sp1
            """)
    void shouldReadTheRightFactOrAsk(String text, String current, String factId, String expected) {
        Extraction e = tu.extract(text, current == null || current.isBlank() ? null : current.trim());
        Optional<String> read = e.valueOf(factId);
        if (expected.startsWith("?")) {
            assertTrue(read.isEmpty(), "read " + factId + "=" + read.orElse("") + " from \"" + text + "\": " + e);
            assertTrue(e.rejections().stream().noneMatch(r -> r.factId().equals(factId)),
                    "a rejection would show a wrong reason: " + e);
            if (expected.equals("?doubt")) {
                assertTrue(e.unclear().stream().anyMatch(u -> u.factId().equals(factId))
                        || e.conflicts().stream().anyMatch(c -> c.factId().equals(factId)), e.toString());
            }
        } else {
            assertEquals(Optional.of(expected), read, e.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            we didn't remove /3GB                 | didn't remove /3GB
            /3GB is definitely not set            | /3GB is definitely not set
            none of the entries have /3GB         | none of the entries have /3GB
            we did not install the patch          | not install the patch
            """)
    void shouldShowTheNegationInTheEvidence(String text, String evidence) {
        Extraction e = tu.extract(text);
        assertEquals(evidence, e.understood().get(0).evidence(), e.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            C:\\>reg query "HKCU\\Software\\Neverfail\\R2\\HookRegistryDriver" /v UseNewApi
            C:\\>reg query "HKLM\\Software\\Neverfail\\R2\\HookRegistyDriver" /v UseNewApi
            C:\\>reg query "HKLM\\Software\\Neverfail\\R2" /v UseNewApi
            """)
    void shouldNotReadAFailedQueryOfAnotherKeyAsAbsent(String command) {
        Extraction e = tu.extract(command.replace("\\\\", "\\") + "\n\nERROR: The system was unable to find the"
                + " specified registry key or value.\n", "useNewApi");
        assertTrue(e.valueOf("useNewApi").isEmpty(), e.toString());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            dword:00000000 | zero
            dword:00000001 | nonzero
            """)
    void shouldReadARegeditExport(String data, String value) {
        Extraction e = tu.extract("Windows Registry Editor Version 5.00\n\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Neverfail\\R2\\HookRegistryDriver]\n\"UseNewApi\"=" + data + "\n");
        assertEquals(Optional.of(value), e.valueOf("useNewApi"), e.toString());
        assertTrue(e.valueOf("heartbeatVersion").isEmpty(), "the regedit banner is not a Heartbeat version: " + e);
        assertEquals(Origin.PASTED, e.understood().get(0).source());
    }
}
