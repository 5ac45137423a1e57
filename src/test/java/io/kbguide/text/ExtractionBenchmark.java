package io.kbguide.text;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A simple harness (not a test, no JMH) timing {@link TextUnderstanding#extract(String)}: warms up, then measures
 * the mean and the 99th percentile per extraction of a typical chat message and of a full systeminfo dump with a
 * reg query paste. Run with src/bench/extraction.sh.
 */
public final class ExtractionBenchmark {

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

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "kb/heartbeat-registry-driver");
        long t0 = System.nanoTime();
        TextUnderstanding tu = TextUnderstanding.read(folder);
        System.out.printf("load flow.yaml + language.yaml: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        check(tu.extract(CHAT), 5);
        check(tu.extract(PASTE), 4);
        run("typical chat message (" + CHAT.length() + " chars)", tu, CHAT);
        run("systeminfo + reg query paste (" + PASTE.length() + " chars)", tu, PASTE);
    }

    private static void check(Extraction e, int facts) {
        if (e.understood().size() != facts) {
            throw new IllegalStateException("expected " + facts + " facts, got " + e);
        }
    }

    private static void run(String name, TextUnderstanding tu, String text) {
        int sink = 0;
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            sink += tu.extract(text).understood().size();
        }
        int n = 20_000;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            sink += tu.extract(text).understood().size();
            times[i] = System.nanoTime() - s;
        }
        Arrays.sort(times);
        double mean = Arrays.stream(times).average().orElse(0) / 1000.0;
        System.out.printf("%-45s mean %7.1f us   p50 %7.1f us   p99 %7.1f us   (%d runs, sink %d)%n", name, mean,
                times[n / 2] / 1000.0, times[(int) (n * 0.99)] / 1000.0, n, sink % 7);
    }
}
