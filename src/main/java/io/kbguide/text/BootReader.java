package io.kbguide.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pasted {@code boot.ini} or {@code bootcfg /query} output, shared by every article; the switch and the
 * fact it answers come from {@code extractors.bootSwitch} in language.yaml. Only the entry Windows boots from
 * counts:
 * <ul>
 * <li>the first Windows entry (an ARC path such as {@code multi(0)disk(0)rdisk(0)partition(1)\WINDOWS}) whose
 * path is the {@code default=} of boot.ini's [boot loader] section, or bootcfg's {@code default:}, as NTLDR
 * picks it;</li>
 * <li>without a default in the text: the only Windows entry; with several, a value only if all entries agree,
 * otherwise one finding per value, which the caller reports as a conflict rather than guessing;</li>
 * <li>with a default that names no listed entry (a partial paste): nothing.</li>
 * </ul>
 * The switch is matched as a whole option, case-insensitively ({@code /USERVA=3030} is not {@code /3GB});
 * commented-out lines ({@code ;}) and the recovery console ({@code C:\CMDCONS\BOOTSECT.DAT}) do not count. Every
 * line of the output is consumed.
 */
final class BootReader {

    private static final Pattern INI_HEADER = Pattern.compile("^\\s*\\[(boot loader|operating systems)]\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INI_SETTING = Pattern.compile(
            "^\\s*(default|timeout|redirect|redirectbaudrate)\\s*=\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INI_ENTRY = Pattern.compile("^\\s*([^;=\\s\"][^=\"]*?)\\s*=\\s*\"([^\"]*)\"\\s*(.*?)\\s*$");
    private static final Pattern ARC = Pattern.compile("^(?:multi|signature|scsi)\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("^\\s*;");

    private static final Pattern CFG_HEADER = Pattern.compile("^\\s*(Boot Loader Settings|Boot Entries|-{4,})\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CFG_SETTING = Pattern.compile(
            "^\\s*(default|timeout|redirect|redirectbaudrate)\\s*:\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CFG_ID = Pattern.compile("^\\s*Boot entry ID\\s*:\\s*(\\d+)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CFG_FIELD = Pattern.compile(
            "^\\s*(OS Friendly Name|Path|OS Load Options)\\s*:\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);

    private final List<Language.BootSwitch> switches;

    BootReader(Language language) {
        this.switches = language.bootSwitches();
    }

    void read(Message m, List<Observation> out) {
        if (switches.isEmpty()) {
            return;
        }
        List<Entry> entries = new ArrayList<>();
        String[] defaultPath = new String[1];
        boolean found = readBootIni(m, entries, defaultPath) | readBootCfg(m, entries, defaultPath);
        if (!found) {
            return;
        }
        for (Language.BootSwitch sw : switches) {
            decide(sw, entries, defaultPath[0], out);
        }
    }

    private static boolean readBootIni(Message m, List<Entry> entries, String[] defaultPath) {
        boolean marked = false;
        for (int i = 0; i < m.size(); i++) {
            String line = m.line(i);
            Matcher e = entry(line);
            if (line.indexOf('[') >= 0 && INI_HEADER.matcher(line).matches()
                    || e != null && ARC.matcher(e.group(1)).find()) {
                marked = true;
                break;
            }
        }
        if (!marked) {
            return false;
        }
        for (int i = 0; i < m.size(); i++) {
            if (m.consumed[i]) {
                continue;
            }
            String line = m.line(i);
            if (line.indexOf(';') >= 0 && COMMENT.matcher(line).find()
                    || line.indexOf('[') >= 0 && INI_HEADER.matcher(line).matches()) {
                m.consume(i);
                continue;
            }
            if (line.indexOf('=') < 0) {
                continue;
            }
            Matcher s = INI_SETTING.matcher(line);
            if (s.matches()) {
                if (s.group(1).equalsIgnoreCase("default") && defaultPath[0] == null) {
                    defaultPath[0] = s.group(2);
                }
                m.consume(i);
                continue;
            }
            Matcher e = entry(line);
            if (e != null) {
                m.consume(i);
                if (ARC.matcher(e.group(1)).find()) {
                    entries.add(new Entry(e.group(1).trim(), e.group(3), line.trim()));
                }
            }
        }
        return true;
    }

    /** The match of a boot.ini entry line ({@code path="name" /switches}), or null; cheap checks first. */
    private static Matcher entry(String line) {
        if (line.indexOf('=') < 0 || line.indexOf('"') < 0) {
            return null;
        }
        Matcher e = INI_ENTRY.matcher(line);
        return e.matches() ? e : null;
    }

    private static boolean readBootCfg(Message m, List<Entry> entries, String[] defaultPath) {
        boolean marked = false;
        for (int i = 0; i < m.size(); i++) {
            if (m.line(i).indexOf(':') >= 0 && CFG_ID.matcher(m.line(i)).matches()) {
                marked = true;
                break;
            }
        }
        if (!marked) {
            return false;
        }
        String path = null;
        String options = null;
        String evidence = null;
        boolean inEntry = false;
        for (int i = 0; i < m.size(); i++) {
            if (m.consumed[i]) {
                continue;
            }
            String line = m.line(i);
            if (CFG_HEADER.matcher(line).matches()) {
                m.consume(i);
                continue;
            }
            Matcher s = CFG_SETTING.matcher(line);
            if (s.matches()) {
                if (s.group(1).equalsIgnoreCase("default") && defaultPath[0] == null) {
                    defaultPath[0] = s.group(2);
                }
                m.consume(i);
                continue;
            }
            if (CFG_ID.matcher(line).matches()) {
                if (inEntry) {
                    addCfgEntry(entries, path, options, evidence);
                }
                inEntry = true;
                path = null;
                options = null;
                evidence = null;
                m.consume(i);
                continue;
            }
            Matcher f = CFG_FIELD.matcher(line);
            if (f.matches() && inEntry) {
                if (f.group(1).equalsIgnoreCase("Path")) {
                    path = f.group(2);
                } else if (f.group(1).equalsIgnoreCase("OS Load Options")) {
                    options = f.group(2);
                    evidence = line.trim();
                }
                m.consume(i);
            }
        }
        if (inEntry) {
            addCfgEntry(entries, path, options, evidence);
        }
        return true;
    }

    private static void addCfgEntry(List<Entry> entries, String path, String options, String evidence) {
        if (path != null && ARC.matcher(path).find()) {
            entries.add(new Entry(path, options == null ? "" : options, evidence == null ? "Path: " + path : evidence));
        }
    }

    private static void decide(Language.BootSwitch sw, List<Entry> entries, String defaultPath, List<Observation> out) {
        if (entries.isEmpty()) {
            return;
        }
        Pattern option = Pattern.compile("(?<![^\\s\"])" + Pattern.quote(sw.switchName()) + "(?!\\S)",
                Pattern.CASE_INSENSITIVE);
        if (defaultPath != null) {
            for (Entry e : entries) {
                if (e.path.equalsIgnoreCase(defaultPath.trim())) {
                    boolean on = option.matcher(e.options).find();
                    out.add(Observation.pasted(sw.factId(), on ? sw.present() : sw.absent(), e.evidence));
                    return;
                }
            }
            return;
        }
        Map<String, Entry> byValue = new LinkedHashMap<>();
        for (Entry e : entries) {
            byValue.putIfAbsent(option.matcher(e.options).find() ? sw.present() : sw.absent(), e);
        }
        byValue.forEach((value, e) -> out.add(Observation.pasted(sw.factId(), value, e.evidence)));
    }

    private record Entry(String path, String options, String evidence) {
    }
}
