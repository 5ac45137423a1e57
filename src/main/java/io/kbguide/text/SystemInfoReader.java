package io.kbguide.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pasted Windows version output, shared by every article; what the fields mean for the article's facts
 * comes from {@code extractors.systeminfo} in language.yaml.
 * <ul>
 * <li>systeminfo (all of it, or lines such as findstr gives): each configured field's rules apply to its value.
 * A run of systeminfo-shaped lines (Key:  value, indented continuations) is one output; all its lines are
 * consumed so that the free-text reader does not read, say, the install date's year.</li>
 * <li>{@code ver} ("Microsoft Windows [Version 5.2.3790]") and winver ("Version 5.2 (Build 3790.srv03_sp2_rtm... :
 * Service Pack 2)"): the match (not the rest of its line) is rewritten to an "OS Version" value ({@code 5.2.3790 Service Pack 2 Build 3790}, or
 * {@code 5.2.3790} for ver, which does not show the service pack) and read with that field's rules.</li>
 * </ul>
 * Within one output the first rule that decides a fact wins, in the order the fields and rules are listed.
 */
final class SystemInfoReader {

    /** The systeminfo field whose rules ver and winver output is read with. */
    static final String OS_VERSION = "OS Version";

    /**
     * A systeminfo line: a key, a colon and its value after two or more spaces, or after one space where the
     * value starts at column 27, where systeminfo aligns values ("Available Physical Memory: 2,811 MB").
     */
    private static final Pattern KEY_LINE = Pattern.compile(
            "^[A-Za-z][A-Za-z0-9 ().'/:,\\-]{0,45}:(?:\\s{2,}\\S.*|\\s*)$|^[A-Za-z][A-Za-z0-9 ().'/:,\\-]{24}: \\S.*$");
    private static final Pattern CONTINUATION = Pattern.compile("^\\s{4,}\\S");
    /** A value wrapped by the console onto the next line: indented, and no field of its own. */
    private static final Pattern WRAPPED = Pattern.compile("^\\s+\\S[^:\\t]{0,30}$");
    /** A column header of table output (wmic): two or more names, two or more spaces apart. */
    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern COLUMN_HEADER = Pattern.compile("^[A-Za-z][A-Za-z0-9]*(?: {2,}[A-Za-z][A-Za-z0-9]*)+\\s*$");
    private static final Pattern VER = Pattern.compile(
            "Microsoft\\s+Windows[^\\[\\]\\r\\n]{0,40}\\[\\s*Version\\s+(\\d{1,2})\\.(\\d{1,2})\\.(\\d{3,5})(?:\\.\\d+)?\\s*]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WINVER = Pattern.compile(
            "\\bVersion\\s+(\\d{1,2})\\.(\\d{1,2})\\s*\\(\\s*(?:OS\\s+)?Build\\s+(\\d{3,5})([^)\\r\\n]*)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SERVICE_PACK = Pattern.compile("Service\\s+Pack\\s+(\\d+)", Pattern.CASE_INSENSITIVE);

    private final List<Language.SystemInfoField> fields;
    private final Optional<Language.SystemInfoField> osVersion;

    SystemInfoReader(Language language) {
        this.fields = language.systemInfo();
        this.osVersion = fields.stream().filter(f -> f.name().equalsIgnoreCase(OS_VERSION)).findFirst();
    }

    void read(Message m, List<Observation> out) {
        if (!fields.isEmpty()) {
            readColumns(m, out);
            readSystemInfo(m, out);
        }
        if (osVersion.isPresent()) {
            readVer(m, out);
        }
    }

    private void readSystemInfo(Message m, List<Observation> out) {
        int i = 0;
        while (i < m.size()) {
            if (m.consumed[i] || fieldAt(m.line(i)) == null) {
                i++;
                continue;
            }
            int start = i;
            while (start > 0 && !m.consumed[start - 1] && isSystemInfoLine(m.line(start - 1))) {
                start--;
            }
            int end = i;
            while (end + 1 < m.size() && !m.consumed[end + 1] && isSystemInfoLine(m.line(end + 1))) {
                end++;
            }
            Set<String> decided = new HashSet<>();
            for (Language.SystemInfoField field : fields) {
                for (int j = start; j <= end; j++) {
                    Matcher fm = field.line().matcher(m.line(j));
                    if (fm.matches()) {
                        String value = fm.group(1);
                        String evidence = m.line(j).trim();
                        // a value the console wrapped onto the next line ("... Standard Edition" / " R2")
                        for (int k = j + 1; k <= end && WRAPPED.matcher(m.line(k)).matches()
                                && !KEY_LINE.matcher(m.line(k)).matches() && fieldAt(m.line(k)) == null; k++) {
                            value = value + " " + m.line(k).trim();
                            evidence = evidence + " " + m.line(k).trim();
                        }
                        apply(field.rules(), value, evidence, decided, out);
                        break;
                    }
                }
            }
            for (int j = start; j <= end; j++) {
                m.consume(j);
            }
            i = end + 1;
        }
    }

    private void readVer(Message m, List<Observation> out) {
        for (int i = 0; i < m.size(); i++) {
            if (m.consumed[i]) {
                continue;
            }
            String line = m.line(i);
            Matcher v = VER.matcher(line);
            Matcher found = null;
            String normalised = null;
            if (v.find()) {
                found = v;
                normalised = v.group(1) + "." + Integer.parseInt(v.group(2)) + "." + v.group(3);
            } else {
                Matcher w = WINVER.matcher(line);
                if (w.find()) {
                    found = w;
                    Matcher sp = SERVICE_PACK.matcher(w.group(4));
                    normalised = w.group(1) + "." + Integer.parseInt(w.group(2)) + "." + w.group(3)
                            + (sp.find() ? " Service Pack " + sp.group(1) : "") + " Build " + w.group(3);
                }
            }
            if (found != null) {
                apply(osVersion.get().rules(), normalised, found.group().trim(), new HashSet<>(), out);
                m.blank(i, found.start(), found.end());
            }
        }
    }

    private Language.SystemInfoField fieldAt(String line) {
        for (Language.SystemInfoField f : fields) {
            if (f.line().matcher(line).matches()) {
                return f;
            }
        }
        return null;
    }

    private boolean isSystemInfoLine(String line) {
        return KEY_LINE.matcher(line).matches() || CONTINUATION.matcher(line).find() || WRAPPED.matcher(line).matches()
                || fieldAt(line) != null;
    }

    /**
     * Table output (wmic os get Caption,CSDVersion,OtherTypeDescription): a header of column names, then rows
     * whose values start where their column's name does. Each value is read with the rules of the field its column
     * is (by name or alias), fields in their listed order, as one systeminfo output.
     */
    private void readColumns(Message m, List<Observation> out) {
        for (int i = 0; i + 1 < m.size(); i++) {
            String header = m.line(i);
            if (m.consumed[i] || !COLUMN_HEADER.matcher(header).matches()) {
                continue;
            }
            List<int[]> columns = new ArrayList<>();
            Matcher word = COLUMN_NAME.matcher(header);
            while (word.find()) {
                columns.add(new int[] {word.start(), word.end()});
            }
            List<String> names = columns.stream().map(c -> header.substring(c[0], c[1])).toList();
            if (names.stream().noneMatch(n -> fieldAt(n + ": x") != null)) {
                continue; // not a table of fields this article reads
            }
            int row = i + 1;
            while (row < m.size() && m.line(row).isBlank()) {
                row++;
            }
            if (row >= m.size() || m.consumed[row]) {
                continue;
            }
            String values = m.line(row);
            Set<String> decided = new HashSet<>();
            for (Language.SystemInfoField field : fields) {
                for (int c = 0; c < columns.size(); c++) {
                    if (!field.line().matcher(names.get(c) + ": x").matches()) {
                        continue;
                    }
                    int from = columns.get(c)[0];
                    int to = c + 1 < columns.size() ? columns.get(c + 1)[0] : values.length();
                    String value = from >= values.length() ? "" : values.substring(from, Math.min(to, values.length()))
                            .trim();
                    if (!value.isEmpty()) {
                        apply(field.rules(), value, names.get(c) + ": " + value, decided, out);
                    }
                }
            }
            m.consume(i);
            m.consume(row);
        }
    }

    static void apply(List<Language.FieldRule> rules, String value, String evidence, Set<String> decided,
            List<Observation> out) {
        for (Language.FieldRule rule : rules) {
            Matcher rm = rule.match().matcher(value);
            if (!rm.find()) {
                continue;
            }
            for (Map.Entry<String, String> e : rule.set().entrySet()) {
                if (decided.add(e.getKey())) {
                    out.add(Observation.pasted(e.getKey(), e.getValue(), evidence));
                }
            }
            for (Map.Entry<String, String> e : rule.reject().entrySet()) {
                if (decided.add(e.getKey())) {
                    out.add(Observation.rejection(e.getKey(), evidence, fill(e.getValue(), rm)));
                }
            }
        }
    }

    /** Replaces {0}, {1}... in a reason with the match and its groups. */
    static String fill(String reason, Matcher m) {
        String s = reason;
        for (int g = 0; g <= m.groupCount(); g++) {
            String text = m.group(g) == null ? "" : m.group(g).trim();
            s = s.replace("{" + g + "}", text);
        }
        return s;
    }
}
