package io.kbguide.bench;

import io.kbguide.kb.KbLoader;
import io.kbguide.text.Extraction;
import io.kbguide.text.TextUnderstanding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Reading facts from typed and pasted text: a typical chat message, and a systeminfo dump with a reg query paste. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractionBenchmark {

    static final String CHAT = "it's a w2k3 box, SP2, no /3GB, heartbeat 5.0.3 and UseNewApi is 0";

    static final String PASTE = """
            C:\\>systeminfo

            Host Name:                 HBPRIMARY01
            OS Name:                   Microsoft(R) Windows(R) Server 2003, Enterprise Edition
            OS Version:                5.2.3790 Service Pack 2 Build 3790
            OS Manufacturer:           Microsoft Corporation
            OS Configuration:          Member Server
            OS Build Type:             Multiprocessor Free
            Registered Owner:          IT Department
            Registered Organization:   Contoso Ltd
            Product ID:                69713-640-1234567-45123
            Original Install Date:     3/14/2006, 10:22:41 AM
            System Up Time:            12 Days, 4 Hours, 31 Minutes, 2 Seconds
            System Manufacturer:       HP
            System Model:              ProLiant DL380 G5
            System Type:               X86-based PC
            Processor(s):              2 Processor(s) Installed.
                                       [01]: x86 Family 6 Model 15 Stepping 11 GenuineIntel ~2992 Mhz
                                       [02]: x86 Family 6 Model 15 Stepping 11 GenuineIntel ~2992 Mhz
            BIOS Version:              HP     - 2
            Windows Directory:         C:\\WINDOWS
            System Directory:          C:\\WINDOWS\\system32
            Boot Device:               \\Device\\HarddiskVolume1
            System Locale:             en-us;English (United States)
            Input Locale:              en-us;English (United States)
            Time Zone:                 (GMT-05:00) Eastern Time (US & Canada)
            Total Physical Memory:     4,095 MB
            Available Physical Memory: 2,811 MB
            Page File: Max Size:       5,940 MB
            Page File: Available:      4,870 MB
            Page File: In Use:         1,070 MB
            Page File Location(s):     C:\\pagefile.sys
            Domain:                    contoso.local
            Logon Server:              \\\\DC01
            Hotfix(s):                 112 Hotfix(s) Installed.
                                       [01]: File 1
                                       [02]: Q147222
                                       [03]: KB925902 - Update
            Network Card(s):           1 NIC(s) Installed.
                                       [01]: HP NC373i Multifunction Gigabit Server Adapter
                                             Connection Name: Public
                                             DHCP Enabled:    No
                                             IP address(es)
                                             [01]: 192.168.20.3

            C:\\>reg query "HKLM\\Software\\Neverfail\\R2\\HookRegistryDriver" /v UseNewApi

            ! REG.EXE VERSION 3.0

            HKEY_LOCAL_MACHINE\\Software\\Neverfail\\R2\\HookRegistryDriver
                UseNewApi   REG_DWORD       0x0
            """;

    private TextUnderstanding understanding;

    @Setup
    public void load() {
        understanding = KbLoader.loadAll(Path.of("kb")).get("heartbeat-registry-driver").understanding()
                .orElseThrow();
        expect(understanding.extract(CHAT), 5);
        expect(understanding.extract(PASTE), 4);
    }

    private static void expect(Extraction e, int facts) {
        if (e.understood().size() != facts) {
            throw new IllegalStateException("expected " + facts + " facts, got " + e);
        }
    }

    @Benchmark
    public Extraction chatMessage() {
        return understanding.extract(CHAT);
    }

    @Benchmark
    public Extraction systeminfoAndRegQueryPaste() {
        return understanding.extract(PASTE);
    }

    /** The longest text the API accepts (12 000 characters of pastes): it is read on the I/O thread. */
    @Benchmark
    public Extraction longestAcceptedText() {
        return understanding.extract(LONGEST);
    }

    static final String LONGEST = (PASTE + "\n").repeat(12_000 / (PASTE.length() + 1) + 1).substring(0, 12_000);
}
