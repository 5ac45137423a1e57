package io.kbguide.text;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pasted {@code reg query} output (reg.exe 2.0 and 3.0 and later, and regedit-style "name  type  data"
 * lines), shared by every article; which registry value feeds which fact comes from
 * {@code extractors.registry} in language.yaml.
 * <ul>
 * <li>A value line of the configured name and type: data 0 is the {@code zero} value, any other number
 * {@code nonzero}; data that is not a number is rejected ({@code badData}).</li>
 * <li>The configured name with any other type (REG_SZ "0", REG_BINARY...): rejected ({@code wrongType}); a
 * string "0" is not a zero for a driver that reads a DWORD.</li>
 * <li>"ERROR: The system was unable to find the specified registry key or value." is {@code absent} when the
 * query it answers (the last {@code reg query} line before it) names the value or its key; with no query line
 * in the message, when the message names the value or key elsewhere or the value's fact is being asked.</li>
 * <li>A query of the value's key without {@code /v} that lists the key but not the value: {@code absent}.</li>
 * </ul>
 * Every reg query line, key line, value line and error line is consumed.
 */
final class RegistryReader {

    private static final Pattern QUERY = Pattern.compile(
            "\\breg(?:\\.exe)?\\s+query\\s+(\"[^\"]*\"|\\S+)(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SLASH_V = Pattern.compile("/v\\s+(\"[^\"]*\"|\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*(HKEY_[A-Z_]+|HKLM|HKCU)(\\\\\\S.*?)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE_LINE = Pattern.compile(
            "^\\s*(\\S+)\\s+(REG_[A-Z_0-9]+)(?:\\s+(.*?))?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE_LINE_OLD = Pattern.compile(
            "^\\s*(REG_[A-Z_0-9]+)\\s+(\\S+)(?:\\s+(.*?))?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_FOUND = Pattern.compile(
            "ERROR:\\s*The system was unable to find the specified registry key(?: or value)?\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BANNER = Pattern.compile("^\\s*! REG\\.EXE VERSION [\\d.]+\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_MACHINE = Pattern.compile("^\\s*(?:HKLM|HKEY_LOCAL_MACHINE)\\\\",
            Pattern.CASE_INSENSITIVE);
    /** regedit /e export: the banner, a [key] section line, and a "name"=data line. */
    private static final Pattern EXPORT_BANNER = Pattern.compile(
            "^\\s*(?:Windows Registry Editor Version [\\d.]+|REGEDIT4)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPORT_KEY = Pattern.compile("^\\s*\\[-?(HKEY_[^\\]]+)\\]\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPORT_VALUE = Pattern.compile(
            "^\\s*\"([^\"]+)\"\\s*=\\s*(?:dword:([0-9a-f]{1,8})|(\"(?:[^\"\\\\]|\\\\.)*\")|(hex(?:\\([0-9a-f]+\\))?):(\\S*)|(-))\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("^(?:0x([0-9a-f]+)|(\\d+))(?:\\s*\\(\\d+\\))?$",
            Pattern.CASE_INSENSITIVE);

    private final List<Language.RegistryValue> values;

    RegistryReader(Language language) {
        this.values = language.registry();
    }

    void read(Message m, List<Observation> out) {
        for (Language.RegistryValue rv : values) {
            read(m, rv, out);
        }
    }

    private void read(Message m, Language.RegistryValue rv, List<Observation> out) {
        Query query = null;
        String section = null; // the [key] of a regedit export being read
        String listedKey = null; // the last key line of reg query output
        boolean mentionedElsewhere = false;
        for (int i = 0; i < m.size(); i++) {
            if (m.consumed[i]) {
                continue; // read already (the evidence collector's output)
            }
            String line = m.line(i);
            String folded = Trigger.fold(line); // cheap guards: each pattern below needs its literal
            Matcher q = QUERY.matcher(line);
            if (folded.contains("query") && q.find()) {
                finish(query, rv, out);
                String key = unquote(q.group(1));
                Matcher v = SLASH_V.matcher(q.group(2));
                String valueName = v.find() ? unquote(v.group(1)) : null;
                query = new Query(line.trim(), key, ours(rv, key), valueName);
                section = null;
                listedKey = null;
                m.consume(i);
                continue;
            }
            if (folded.contains("registry editor") || folded.contains("regedit4")) {
                if (EXPORT_BANNER.matcher(line).matches()) {
                    m.consume(i);
                    continue;
                }
            }
            if (folded.contains("[hkey_")) {
                Matcher ek = EXPORT_KEY.matcher(line);
                if (ek.matches()) {
                    finish(query, rv, out);
                    query = null;
                    section = ek.group(1);
                    m.consume(i);
                    continue;
                }
            }
            if (section != null && folded.contains("=")) {
                Matcher ev = EXPORT_VALUE.matcher(line);
                if (ev.matches()) {
                    m.consume(i);
                    if (ev.group(1).equalsIgnoreCase(rv.name())) {
                        if (!ours(rv, section)) {
                            out.add(Observation.doubt(rv.factId(), null, line.trim(), Doubt.OTHER_KEY));
                        } else if (ev.group(2) != null) {
                            out.add(valueObservation(rv, rv.type().toUpperCase(Locale.ROOT), "0x" + ev.group(2),
                                    line.trim()));
                        } else if (ev.group(6) != null) {
                            out.add(Observation.pasted(rv.factId(), rv.absent(), line.trim()));
                        } else {
                            String type = ev.group(3) != null ? "REG_SZ" : "REG_BINARY (" + ev.group(4) + ")";
                            String data = ev.group(3) != null ? ev.group(3) : ev.group(5);
                            out.add(valueObservation(rv, type, data, line.trim()));
                        }
                    }
                    continue;
                }
            }
            if (folded.contains("reg.exe") && BANNER.matcher(line).matches()) {
                m.consume(i);
                continue;
            }
            if (folded.contains("hk") && KEY_LINE.matcher(line).matches()) {
                listedKey = line.trim();
                if (query != null && ours(rv, line.trim())) {
                    query.keyListed = true;
                }
                m.consume(i);
                continue;
            }
            if (folded.contains("error") && NOT_FOUND.matcher(line).find()) {
                m.consume(i);
                boolean ours;
                if (query != null) {
                    boolean ourValue = query.valueName == null || query.valueName.equalsIgnoreCase(rv.name());
                    ours = query.ourKey && ourValue;
                    query.errored = true;
                    if (!ours && (query.ourKey || query.valueName != null && ourValue
                            || rv.key().matcher(query.line).find())) {
                        // a failed query of another key or value says nothing about this one
                        out.add(Observation.doubt(rv.factId(), null, query.line + " / " + line.trim(),
                                Doubt.OTHER_KEY));
                    }
                } else {
                    ours = rv.factId().equals(m.currentFactId) || mentionedElsewhere || mentionsAfter(m, i, rv);
                }
                if (ours && query != null) {
                    out.add(Observation.pasted(rv.factId(), rv.absent(), line.trim()));
                } else if (ours) {
                    // without the command it is not known which key or value was queried: read, but read back
                    out.add(Observation.value(rv.factId(), rv.absent(), line.trim()));
                }
                continue;
            }
            String name = null;
            String type = null;
            String data = null;
            if (folded.contains("reg_")) {
                Matcher vl = VALUE_LINE.matcher(line);
                Matcher old = VALUE_LINE_OLD.matcher(line);
                if (vl.matches()) {
                    name = vl.group(1);
                    type = vl.group(2);
                    data = vl.group(3);
                } else if (old.matches()) {
                    type = old.group(1);
                    name = old.group(2);
                    data = old.group(3);
                }
            }
            if (name != null) {
                name = name.replaceAll("^\\W+|[\\W&&[^_]]+$", "");
                boolean ours = name.equalsIgnoreCase(rv.name());
                if (ours || query != null || Character.isWhitespace(line.charAt(0))) {
                    m.consume(i);
                }
                if (ours) {
                    if (query != null) {
                        query.valueListed = true;
                    }
                    String key = listedKey != null ? listedKey : query != null ? query.key : null;
                    if (key != null && !ours(rv, key)) {
                        out.add(Observation.doubt(rv.factId(), null, key + " / " + line.trim(), Doubt.OTHER_KEY));
                    } else {
                        out.add(valueObservation(rv, type.toUpperCase(Locale.ROOT), data == null ? "" : data.trim(),
                                line.trim()));
                    }
                }
                continue;
            }
            if (line.toLowerCase(Locale.ROOT).contains(rv.name().toLowerCase(Locale.ROOT))
                    || rv.key().matcher(line).find()) {
                mentionedElsewhere = true;
            }
        }
        finish(query, rv, out);
    }

    /** Whether a key path is the value's key under HKEY_LOCAL_MACHINE (where the driver reads it). */
    private static boolean ours(Language.RegistryValue rv, String key) {
        String k = unquote(key);
        return LOCAL_MACHINE.matcher(k).lookingAt() && rv.key().matcher(k).find();
    }

    private static boolean mentionsAfter(Message m, int from, Language.RegistryValue rv) {
        for (int j = from + 1; j < m.size(); j++) {
            if (m.line(j).toLowerCase(Locale.ROOT).contains(rv.name().toLowerCase(Locale.ROOT))
                    || rv.key().matcher(m.line(j)).find()) {
                return true;
            }
        }
        return false;
    }

    /** A key listing without /v that shows the key but not the value means the value is absent. */
    private static void finish(Query query, Language.RegistryValue rv, List<Observation> out) {
        if (query != null && query.valueName == null && query.ourKey && query.keyListed && !query.valueListed
                && !query.errored) {
            out.add(Observation.pasted(rv.factId(), rv.absent(), query.line));
        }
    }

    private static Observation valueObservation(Language.RegistryValue rv, String type, String data, String evidence) {
        if (!type.equals(rv.type().toUpperCase(Locale.ROOT))) {
            return Observation.rejection(rv.factId(), evidence, place(rv.wrongType(), rv, type, data));
        }
        Matcher n = NUMBER.matcher(data);
        if (!n.matches()) {
            return Observation.rejection(rv.factId(), evidence, place(rv.badData(), rv, type, data));
        }
        BigInteger number = n.group(1) != null ? new BigInteger(n.group(1), 16) : new BigInteger(n.group(2));
        return Observation.pasted(rv.factId(), number.signum() == 0 ? rv.zero() : rv.nonzero(), evidence);
    }

    private static String place(String reason, Language.RegistryValue rv, String type, String data) {
        return reason.replace("{name}", rv.name()).replace("{type}", type)
                .replace("{data}", data.isEmpty() ? "(empty)" : data);
    }

    private static String unquote(String s) {
        return s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
    }

    private static final class Query {
        final String line;
        final boolean ourKey;
        final String valueName;
        boolean keyListed;
        boolean valueListed;
        boolean errored;

        final String key;

        Query(String line, String key, boolean ourKey, String valueName) {
            this.line = line;
            this.key = key;
            this.ourKey = ourKey;
            this.valueName = valueName;
        }
    }
}
