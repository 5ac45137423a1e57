package io.kbguide.text;

import io.kbguide.engine.Article;
import io.kbguide.engine.Collector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence collector round trip: for every server the collector can meet (each Windows version, service pack,
 * 32/64-bit and prompt, UseNewApi state, /3GB, and registry tool: reg.exe, a REGEDIT4 export as Windows 2000
 * writes it, a "Windows Registry Editor Version 5.00" export as {@code type} prints it), the output as Windows
 * prints it is read back to exactly the facts of that server, every one {@code collected}.
 */
class CollectorRoundTripTest {

    static TextUnderstanding tu;
    static Article article;
    static final String KEY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Neverfail\\R2\\HookRegistryDriver";

    @BeforeAll
    static void load() {
        tu = TextUnderstanding.read(Path.of("kb/heartbeat-registry-driver"));
        article = tu.article();
    }

    record Server(String os, String servicePack, String architecture, boolean promptIs32Bit, String useNewApi,
            String threeGb, String registryTool) {
    }

    static List<Server> servers() {
        List<Server> out = new ArrayList<>();
        for (String os : List.of("windows-2000", "windows-2003", "windows-2003-r2", "windows-2008-or-later")) {
            List<String> sps = switch (os) {
                case "windows-2003" -> List.of("none", "sp1", "sp2");
                case "windows-2003-r2" -> List.of("sp1", "sp2");
                default -> List.of("none");
            };
            for (String sp : sps) {
                for (String arch : os.equals("windows-2000") ? List.of("x86") : List.of("x86", "x64")) {
                    for (boolean prompt32 : arch.equals("x64") ? List.of(false, true) : List.of(false)) {
                        for (String api : List.of("absent", "zero", "nonzero", "no-key")) {
                            for (String gb : os.equals("windows-2008-or-later") ? List.of("none")
                                    : List.of("yes", "no")) {
                                List<String> tools = os.equals("windows-2000")
                                        ? List.of("regedit4", "reg-support-tools") : List.of("reg", "regedit5");
                                for (String tool : tools) {
                                    out.add(new Server(os, sp, arch, prompt32, api, gb, tool));
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** What the collector prints on this server, as Windows prints it (CRLF line ends). */
    static String output(Server s) {
        StringBuilder o = new StringBuilder(String.format(Collector.HEADER, Collector.FORMAT, article.id(),
                article.version())).append("\r\n");
        section(o, "ver", switch (s.os()) {
            case "windows-2000" -> "\r\nMicrosoft Windows 2000 [Version 5.00.2195]\r\n";
            case "windows-2008-or-later" -> "\r\nMicrosoft Windows [Version 6.0.6001]\r\n";
            default -> "\r\nMicrosoft Windows [Version 5.2.3790]\r\n";
        });
        String arch = s.architecture().equals("x86") ? "x86" : s.promptIs32Bit() ? "x86" : "AMD64";
        String w6432 = s.promptIs32Bit() ? "AMD64" : "";
        section(o, "environment", "PROCESSOR_ARCHITECTURE=" + arch + "\r\nPROCESSOR_ARCHITEW6432=" + w6432 + "\r\n");
        String systeminfo = "";
        if (!s.os().equals("windows-2000")) {
            String name = switch (s.os()) {
                case "windows-2003" -> "Microsoft(R) Windows(R) Server 2003, Standard "
                        + (s.architecture().equals("x64") ? "x64 " : "") + "Edition";
                case "windows-2003-r2" -> "Microsoft(R) Windows(R) Server 2003 R2, Standard "
                        + (s.architecture().equals("x64") ? "x64 " : "") + "Edition";
                default -> "Microsoft Windows Server 2008 Standard";
            };
            String version = switch (s.os()) {
                case "windows-2008-or-later" -> "6.0.6001 Service Pack 1 Build 6001";
                default -> "5.2.3790 " + switch (s.servicePack()) {
                    case "sp1" -> "Service Pack 1";
                    case "sp2" -> "Service Pack 2";
                    default -> "N/A";
                } + " Build 3790";
            };
            systeminfo = String.format("%-27s%s\r\n%-27s%s\r\n%-27s%s\r\n", "OS Name:", name, "OS Version:", version,
                    "System Type:", s.architecture().equals("x86") ? "X86-based PC" : "x64-based PC");
        }
        section(o, "systeminfo", systeminfo);
        section(o, "registry", registry(s));
        section(o, "boot", switch (s.threeGb()) {
            case "none" -> "kb-guide: no boot.ini\r\n";
            default -> "[boot loader]\r\ntimeout=30\r\ndefault=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n"
                    + "[operating systems]\r\nmulti(0)disk(0)rdisk(0)partition(1)\\WINDOWS=\"Windows\" /fastdetect"
                    + (s.threeGb().equals("yes") ? " /3GB" : "") + "\r\n"
                    + "multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS=\"Windows, safe\" /fastdetect /3GB /sos\r\n";
        });
        return o.toString();
    }

    static String registry(Server s) {
        String data = s.useNewApi().equals("zero") ? "0" : "1";
        return switch (s.registryTool()) {
            case "reg" -> s.useNewApi().equals("zero") || s.useNewApi().equals("nonzero")
                    ? "\r\n" + KEY + "\r\n    UseNewApi    REG_DWORD    0x" + data + "\r\n\r\n"
                    : "\r\nERROR: The system was unable to find the specified registry key or value.\r\n";
            case "reg-support-tools" -> s.useNewApi().equals("zero") || s.useNewApi().equals("nonzero")
                    ? "\r\n! REG.EXE VERSION 2.0\r\n\r\n" + KEY + "\r\n    UseNewApi\tREG_DWORD\t" + data + "\r\n"
                    : "\r\nError:  The system was unable to find the specified registry key or value.\r\n";
            default -> {
                if (s.useNewApi().equals("no-key")) {
                    yield "kb-guide: key not found: " + KEY + "\r\n";
                }
                String head = s.registryTool().equals("regedit4") ? "REGEDIT4" : "Windows Registry Editor Version 5.00";
                yield head + "\r\n\r\n[" + KEY + "]\r\n\"Version\"=\"1\"\r\n"
                        + (s.useNewApi().equals("absent") ? "" : "\"UseNewApi\"=dword:0000000" + data + "\r\n") + "\r\n";
            }
        };
    }

    static void section(StringBuilder o, String id, String body) {
        o.append(String.format(Collector.BEGIN, id)).append("\r\n").append(body)
                .append(String.format(Collector.END, id)).append("\r\n");
    }

    static Map<String, String> expected(Server s) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("os", s.os());
        facts.put("architecture", s.architecture());
        if (s.os().startsWith("windows-2003")) {
            facts.put("servicePack", s.servicePack());
        }
        facts.put("useNewApi", s.useNewApi().equals("no-key") ? "absent" : s.useNewApi());
        if (!s.threeGb().equals("none")) {
            facts.put("threeGb", s.threeGb());
        }
        return facts;
    }

    @Test
    void shouldReadBackExactlyTheFactsOfEveryServerTheCollectorCanMeet() {
        List<String> wrong = new ArrayList<>();
        List<Server> servers = servers();
        for (Server s : servers) {
            Extraction x = tu.extract(output(s));
            Map<String, String> read = new LinkedHashMap<>();
            x.understood().forEach(u -> read.put(u.factId(), u.value()));
            if (!read.equals(expected(s)) || x.understood().stream().anyMatch(u -> u.source() != Origin.COLLECTED)
                    || !x.conflicts().isEmpty() || !x.unclear().isEmpty()) {
                wrong.add(s + ": read " + read + " " + x);
            }
        }
        System.out.printf("collector round trip: %d servers%n", servers.size());
        assertTrue(servers.size() > 200, servers.size() + " servers");
        assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())), wrong.size() + " servers read wrong");
    }

    @Test
    void shouldReadNothingFromAnotherArticlesCollectorOrAnOlderFormat() {
        Server s = new Server("windows-2003", "sp2", "x86", false, "zero", "no", "reg");
        String other = output(s).replace("article " + article.id(), "article printer-spooler");
        assertTrue(tu.extract(other).understood().isEmpty(), "another article's output");
        String older = output(s).replace("kb-guide collector 1,", "kb-guide collector 0,");
        assertTrue(tu.extract(older).understood().isEmpty(), "a format this service does not know");
    }
}
