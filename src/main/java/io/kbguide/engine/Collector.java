package io.kbguide.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * An article's evidence collector: a read-only script that gathers, in one run, the facts a server can show about
 * itself (flow.yaml {@code collector}), and prints each command's raw output between markers under a version line,
 * for the reader to take the facts from exactly. Generated for {@code cmd.exe} (Windows 2000 and 2003: only what
 * ships in the box; no reg.exe on Windows 2000, so registry keys are exported with {@code regedit /e}) and for
 * PowerShell (Windows Server 2008 or later).
 *
 * @param probes what to run, in order
 */
public record Collector(List<Probe> probes) {

    /** The format of the collector's output this service reads. */
    public static final int FORMAT = 1;
    /** The first line of a collector's output: format, article and article version. */
    public static final String HEADER = "kb-guide collector %d, article %s version %s";
    public static final String BEGIN = "----- kb-guide begin %s -----";
    public static final String END = "----- kb-guide end %s -----";

    public Collector {
        probes = List.copyOf(probes);
    }

    /** What a probe's output is, so that the reader knows how to read it. */
    public enum Kind {
        /** {@code ver}: the Windows version line. */
        VER,
        /** {@code PROCESSOR_ARCHITECTURE} and {@code PROCESSOR_ARCHITEW6432}, one {@code NAME=value} a line. */
        ENVIRONMENT,
        /** systeminfo's lines. */
        SYSTEMINFO,
        /** A registry key exported with {@code regedit /e} (REGEDIT4 or "Windows Registry Editor Version 5.00"). */
        REGISTRY,
        /** boot.ini. */
        BOOT
    }

    /**
     * One thing to gather.
     *
     * @param id    the section's name in the output
     * @param kind  how its output is read
     * @param cmd   the cmd.exe lines (a REGISTRY probe has none: the key is exported)
     * @param ps    the PowerShell lines
     * @param key   for a REGISTRY probe: the key, as regedit names it (HKEY_LOCAL_MACHINE\...)
     * @param value for a REGISTRY probe: the value read where reg.exe exists ({@code reg query key /v value})
     * @param facts the facts its output tells
     * @param map   for an ENVIRONMENT probe: what its value (upper case) means for its first fact
     */
    public record Probe(String id, Kind kind, List<String> cmd, List<String> ps, String key, String value,
            List<String> facts, java.util.Map<String, String> map) {

        public Probe {
            cmd = List.copyOf(cmd);
            ps = List.copyOf(ps);
            facts = List.copyOf(facts);
            map = map == null ? java.util.Map.of() : java.util.Map.copyOf(map);
        }
    }

    /** The cmd.exe script, with Windows line ends. */
    public String cmd(Article article) {
        List<String> lines = new ArrayList<>();
        lines.add("@echo off");
        lines.add("rem kb-guide evidence collector for \"" + article.title() + "\"");
        lines.add("rem (article " + article.id() + ", version " + article.version() + "). Read-only: it changes"
                + " nothing on this server.");
        lines.add("rem Run it in a command prompt on the server, then paste everything it prints into the"
                + " conversation.");
        lines.add("setlocal");
        lines.add("echo " + String.format(HEADER, FORMAT, article.id(), article.version()));
        for (Probe p : probes) {
            lines.add("echo " + String.format(BEGIN, p.id()));
            if (p.kind() == Kind.REGISTRY) {
                // reg.exe where Windows has it (2003; 2000 with the Support Tools), else a regedit export
                String file = "%TEMP%\\kb-guide-" + p.id() + ".reg";
                lines.add("if exist \"%SystemRoot%\\system32\\reg.exe\" goto kbg_reg_" + p.id());
                lines.add("if exist \"" + file + "\" del \"" + file + "\"");
                lines.add("regedit /e \"" + file + "\" \"" + p.key() + "\"");
                lines.add("if exist \"" + file + "\" (type \"" + file + "\" & del \"" + file + "\") else (echo "
                        + "kb-guide: key not found: " + p.key() + ")");
                lines.add("goto kbg_end_" + p.id());
                lines.add(":kbg_reg_" + p.id());
                lines.add("reg query \"" + p.key() + "\"" + (p.value() == null ? "" : " /v " + p.value()) + " 2>&1");
                lines.add(":kbg_end_" + p.id());
            } else {
                lines.addAll(p.cmd());
            }
            lines.add("echo " + String.format(END, p.id()));
        }
        lines.add("endlocal");
        return String.join("\r\n", lines) + "\r\n";
    }

    /** The PowerShell script, with Windows line ends. */
    public String ps1(Article article) {
        List<String> lines = new ArrayList<>();
        lines.add("# kb-guide evidence collector for \"" + article.title() + "\"");
        lines.add("# (article " + article.id() + ", version " + article.version() + "). Read-only: it changes"
                + " nothing on this server.");
        lines.add("# Run it in PowerShell on the server, then paste everything it prints into the conversation.");
        lines.add("\"" + String.format(HEADER, FORMAT, article.id(), article.version()) + "\"");
        for (Probe p : probes) {
            lines.add("\"" + String.format(BEGIN, p.id()) + "\"");
            if (p.kind() == Kind.REGISTRY) {
                lines.add("& reg.exe query \"" + p.key() + "\"" + (p.value() == null ? "" : " /v " + p.value())
                        + " 2>&1 | ForEach-Object { \"$_\" }");
            } else {
                lines.addAll(p.ps());
            }
            lines.add("\"" + String.format(END, p.id()) + "\"");
        }
        return String.join("\r\n", lines) + "\r\n";
    }
}
