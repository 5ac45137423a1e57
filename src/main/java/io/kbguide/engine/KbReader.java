package io.kbguide.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads articles from a kb directory: one folder per article with {@code flow.yaml} and the article text
 * (Markdown). Checks the files' shape and fails fast with the file, the element and, where it can, the line.
 * Cross-references, citations and completeness are the {@link ArticleVerifier}'s job.
 */
public final class KbReader {

    /** The flow file every article folder holds. */
    public static final String FLOW_FILE = "flow.yaml";

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*(?:\\{#([^}]*)})?\\s*$");
    private static final Pattern ANCHOR = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*(?:[-*+•]|\\d+\\.)\\s+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
    private static final Pattern ID_LINE = Pattern.compile("\\s*-?\\s*id:\\s*[\"']?([^\"'\\s]+)[\"']?\\s*");

    private static final ObjectMapper TREE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Reads every article folder below {@code kbDir}, sorted by folder name. */
    public List<Article> readAll(Path kbDir) {
        if (!Files.isDirectory(kbDir)) {
            throw new KbException(kbDir.toString(), "the kb directory does not exist");
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(kbDir)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new KbException(kbDir.toString(), "cannot list the kb directory: " + e.getMessage(), e);
        }
        List<Article> articles = new ArrayList<>();
        for (Path folder : folders) {
            articles.add(read(folder));
        }
        if (articles.isEmpty()) {
            throw new KbException(kbDir.toString(), "the kb directory holds no article folder");
        }
        return articles;
    }

    /** Reads one article folder. */
    public Article read(Path folder) {
        String folderName = folder.getFileName().toString();
        String flowName = folderName + "/" + FLOW_FILE;
        Path flowPath = folder.resolve(FLOW_FILE);
        String flowText = KbFiles.read(flowPath, flowName);
        FlowDto flow = KbFiles.yaml(flowName, flowText, FlowDto.class);
        return new Builder(folderName, flowName, flowText, folder).build(flow);
    }

    /** The golden file every article folder may hold. */
    public static final String GOLDEN_FILE = "golden.yaml";

    /** Reads an article's golden cases; empty when it has none. */
    public List<GoldenCase> readGolden(Path folder) {
        Path path = folder.resolve(GOLDEN_FILE);
        String name = folder.getFileName() + "/" + GOLDEN_FILE;
        if (!Files.isRegularFile(path)) {
            return List.of();
        }
        GoldenFileDto file = KbFiles.yaml(name, KbFiles.read(path, name), GoldenFileDto.class);
        List<GoldenCase> cases = new ArrayList<>();
        for (GoldenDto c : file.cases()) {
            if (c.name() == null || c.facts() == null || c.findings() == null || c.steps() == null) {
                throw new KbException(name, "case '" + c.name() + "' needs name, facts, findings and steps");
            }
            cases.add(new GoldenCase(c.name(), c.facts(), c.findings(), c.steps(), c.missingFacts()));
        }
        return cases;
    }

    record GoldenFileDto(List<GoldenDto> cases) {
    }

    record GoldenDto(String name, Map<String, String> facts, Map<String, String> findings, List<String> steps,
            List<String> missingFacts) {
    }

    /** Parses Markdown into sections: every heading must end with an anchor {@code {#anchor}}. */
    static List<Section> parseSections(String markdown, String fileName) {
        String text = markdown.replaceAll("(?s)<!--.*?-->", "");
        List<Section> sections = new ArrayList<>();
        String anchor = null;
        String title = null;
        StringBuilder body = new StringBuilder();
        int lineNr = 0;
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : text.split("\\R", -1)) {
            lineNr++;
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                if (anchor != null) {
                    sections.add(section(anchor, title, body.toString()));
                }
                anchor = m.group(3);
                title = m.group(2);
                if (anchor == null || !ANCHOR.matcher(anchor).matches()) {
                    throw new KbException(fileName, "heading '" + title + "' needs a stable anchor such as"
                            + " {#" + slug(title) + "} (lower case letters, digits and hyphens)");
                }
                if (!anchors.add(anchor)) {
                    throw new KbException(fileName, "anchor '" + anchor + "' is used by two headings");
                }
                body.setLength(0);
            } else if (anchor == null) {
                if (!line.isBlank()) {
                    throw new KbException(fileName, "text before the first heading (near line " + lineNr
                            + "): every part of the article must belong to a section");
                }
            } else {
                body.append(line).append('\n');
            }
        }
        if (anchor != null) {
            sections.add(section(anchor, title, body.toString()));
        }
        if (sections.isEmpty()) {
            throw new KbException(fileName, "the article has no section");
        }
        return sections;
    }

    private static Section section(String anchor, String title, String body) {
        String markdown = body.strip();
        return new Section(anchor, title, markdown, Text.fold(LIST_MARKER.matcher(markdown).replaceAll("")));
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Builds the model from the parsed flow file, with messages that name the element at fault. */
    private static final class Builder {
        private final String folderName;
        private final String flowName;
        private final String flowText;
        private final Path folder;
        private Map<String, Integer> lines;

        Builder(String folderName, String flowName, String flowText, Path folder) {
            this.folderName = folderName;
            this.flowName = flowName;
            this.flowText = flowText;
            this.folder = folder;
        }

        Article build(FlowDto flow) {
            ArticleDto meta = required(flow.article(), "article");
            String id = requiredText(meta.id(), "article.id");
            if (!id.equals(folderName)) {
                throw fail("article.id '" + id + "' must equal its folder name '" + folderName + "'");
            }
            String textFile = requiredText(meta.text(), "article.text");
            String textName = folderName + "/" + textFile;
            List<Section> sections = parseSections(KbFiles.read(folder.resolve(textFile), textName), textName);

            List<Fact> facts = new ArrayList<>();
            for (FactDto dto : list(flow.facts(), "facts")) {
                facts.add(fact(dto));
            }
            List<Constraint> constraints = new ArrayList<>();
            for (ConstraintDto dto : flow.constraints() == null ? List.<ConstraintDto>of() : flow.constraints()) {
                String cid = requiredId(dto.id(), "constraints[].id");
                constraints.add(new Constraint(cid, condition(dto.when(), "constraint '" + cid + "'"),
                        requiredText(dto.message(), "constraint '" + cid + "' message")));
            }
            List<Decision> decisions = new ArrayList<>();
            for (DecisionDto dto : list(flow.decisions(), "decisions")) {
                decisions.add(decision(dto));
            }
            List<Step> steps = new ArrayList<>();
            for (StepDto dto : list(flow.steps(), "steps")) {
                steps.add(step(dto));
            }
            List<Proof> proofs = new ArrayList<>();
            for (ProofDto dto : flow.proofs() == null ? List.<ProofDto>of() : flow.proofs()) {
                String pid = requiredId(dto.id(), "proofs[].id");
                String where = "proof '" + pid + "' (line " + lineOf(pid) + ")";
                boolean aboutStep = dto.step() != null;
                boolean aboutSituation = dto.requireOneOf() != null && !dto.requireOneOf().isEmpty();
                if (aboutStep == aboutSituation) {
                    throw fail(where + ": give either 'step' (where a step may be advised) or 'requireOneOf'"
                            + " (what must be advised where 'when' holds)");
                }
                proofs.add(new Proof(pid, condition(dto.when(), where), dto.complete(), dto.step(),
                        dto.orWithSteps() == null ? List.of() : dto.orWithSteps(),
                        aboutSituation ? dto.requireOneOf() : List.of(), lineOf(pid)));
            }
            List<Headline> headlines = new ArrayList<>();
            for (HeadlineDto dto : flow.headlines() == null ? List.<HeadlineDto>of() : flow.headlines()) {
                String hid = requiredId(dto.id(), "headlines[].id");
                headlines.add(new Headline(hid, condition(dto.when(), "headline '" + hid + "'"),
                        requiredText(dto.text(), "headline '" + hid + "' text"), lineOf(hid)));
            }
            Collector collector = null;
            if (flow.collector() != null) {
                List<Collector.Probe> probes = new ArrayList<>();
                for (ProbeDto p : list(flow.collector().probes(), "collector.probes")) {
                    String pid = requiredId(p.id(), "collector.probes[].id");
                    String where = "collector probe '" + pid + "' (line " + lineOf(pid) + ")";
                    Collector.Kind kind;
                    try {
                        kind = Collector.Kind.valueOf(requiredText(p.kind(), where + " kind")
                                .toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw fail(where + ": kind '" + p.kind() + "' is not one of ver, environment, systeminfo,"
                                + " registry, boot");
                    }
                    if ((kind == Collector.Kind.REGISTRY) != (p.key() != null)) {
                        throw fail(where + ": a registry probe names a key (and only a registry probe does)");
                    }
                    if (kind != Collector.Kind.REGISTRY && (p.cmd() == null || p.cmd().isEmpty()
                            || p.ps() == null || p.ps().isEmpty())) {
                        throw fail(where + ": give its cmd and ps lines");
                    }
                    List<String> told = p.facts() == null ? List.of() : p.facts();
                    if (p.map() != null) {
                        Fact target = told.isEmpty() ? null : facts.stream().filter(x -> x.id().equals(told.get(0)))
                                .findFirst().orElse(null);
                        for (String v : p.map().values()) {
                            if (target == null || !target.domain().contains(v)) {
                                throw fail(where + ": map gives '" + v + "', which is not a value of its first fact");
                            }
                        }
                    }
                    for (String f : told) {
                        if (facts.stream().noneMatch(x -> x.id().equals(f))) {
                            throw fail(where + ": '" + f + "' is not a fact");
                        }
                    }
                    probes.add(new Collector.Probe(pid, kind, p.cmd() == null ? List.of() : p.cmd(),
                            p.ps() == null ? List.of() : p.ps(), p.key(), p.value(), told, p.map() == null ? Map.of()
                            : upper(p.map())));
                }
                collector = new Collector(probes);
            }
            List<String> symptoms = new ArrayList<>();
            for (String symptom : meta.symptoms() == null ? List.<String>of() : meta.symptoms()) {
                symptoms.add(requiredText(symptom, "article.symptoms[]"));
            }
            return new Article(id, requiredText(meta.title(), "article.title"),
                    requiredText(meta.version(), "article.version"), folderName, sections, facts, constraints,
                    decisions, steps, proofs, headlines, collector, symptoms);
        }

        private Fact fact(FactDto dto) {
            String id = requiredId(dto.id(), "facts[].id");
            String where = "fact '" + id + "'";
            String kind = dto.type() == null ? "choice" : dto.type().toLowerCase(Locale.ROOT);
            if (!"number".equals(kind) && (dto.ranges() != null || dto.unit() != null)) {
                throw fail(where + ": only a number fact has ranges and a unit");
            }
            if ("number".equals(kind) && (dto.choices() != null || dto.bands() != null)) {
                throw fail(where + ": a number fact has ranges, not choices or bands");
            }
            FactType type = switch (kind) {
                case "choice" -> {
                    List<Choice> choices = new ArrayList<>();
                    for (ChoiceDto c : list(dto.choices(), where + " choices")) {
                        choices.add(new Choice(requiredId(c.value(), where + " choice value"),
                                requiredText(c.label(), where + " choice '" + c.value() + "' label")));
                    }
                    if (dto.bands() != null) {
                        throw fail(where + ": a choice fact has no bands");
                    }
                    yield new FactType.Choices(choices);
                }
                case "version" -> {
                    List<VersionBand> bands = new ArrayList<>();
                    for (BandDto b : list(dto.bands(), where + " bands")) {
                        String bandId = requiredId(b.id(), where + " band id");
                        try {
                            bands.add(new VersionBand(bandId, requiredText(b.label(), where + " band label"),
                                    b.from() == null ? null : Version.of(b.from()),
                                    b.to() == null ? null : Version.of(b.to())));
                        } catch (IllegalArgumentException e) {
                            throw fail(where + " band '" + bandId + "': " + e.getMessage());
                        }
                    }
                    if (dto.choices() != null) {
                        throw fail(where + ": a version fact has bands, not choices");
                    }
                    yield new FactType.Versions(bands);
                }
                case "number" -> {
                    List<FactType.Numbers.NumberRange> ranges = new ArrayList<>();
                    for (RangeDto r : list(dto.ranges(), where + " ranges")) {
                        ranges.add(new FactType.Numbers.NumberRange(requiredId(r.id(), where + " range id"),
                                requiredText(r.label(), where + " range label"), r.from(), r.to()));
                    }
                    yield new FactType.Numbers(ranges, dto.unit() == null || dto.unit().isBlank() ? null
                            : dto.unit().strip());
                }
                default -> throw fail(where + ": type '" + dto.type() + "' is not one of: choice, version, number");
            };
            List<String> assumes = List.of();
            Explanation note = null;
            if (dto.whenUnknown() != null) {
                assumes = list(dto.whenUnknown().assume(), where + " whenUnknown.assume");
                note = new Explanation(requiredText(dto.whenUnknown().note(), where + " whenUnknown.note"),
                        Source.ARTICLE, citations(dto.whenUnknown().citations()));
            }
            Explanation purpose = dto.purpose() == null ? null : explanation(dto.purpose().text(),
                    dto.purpose().source(), dto.purpose().citations(), where + " purpose");
            return new Fact(id, dto.name() == null || dto.name().isBlank() ? id : dto.name().strip(), type,
                    requiredText(dto.question(), where + " question"),
                    requiredText(dto.help(), where + " help"), commands(dto.commands(), where), assumes, note,
                    purpose);
        }

        private Decision decision(DecisionDto dto) {
            String id = requiredId(dto.id(), "decisions[].id");
            String where = "decision '" + id + "'";
            Decision.Kind kind;
            try {
                kind = Decision.Kind.valueOf(
                        (dto.kind() == null ? "finding" : dto.kind()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(where + ": kind '" + dto.kind() + "' is not one of: finding, plan, notes");
            }
            Map<String, String> values = dto.values() == null ? Map.of() : dto.values();
            if (kind == Decision.Kind.FINDING && values.isEmpty()) {
                throw fail(where + ": a finding lists its values, each with the sentence that states it");
            }
            if (kind != Decision.Kind.FINDING && !values.isEmpty()) {
                throw fail(where + ": only a finding has values");
            }
            List<Rule> rules = new ArrayList<>();
            for (RuleDto r : list(dto.rules(), where + " rules")) {
                rules.add(rule(r, kind, where));
            }
            return new Decision(id, kind, requiredText(dto.label(), where + " label"), values, rules);
        }

        private Rule rule(RuleDto dto, Decision.Kind kind, String decisionWhere) {
            String id = requiredId(dto.id(), decisionWhere + " rules[].id");
            String where = "rule '" + id + "' (line " + lineOf(id) + ")";
            JsonNode then = dto.then();
            String value = null;
            List<PlanItem> plan = new ArrayList<>();
            if (then == null || then.isNull()) {
                throw fail(where + ": 'then' is required");
            }
            if (kind == Decision.Kind.PLAN) {
                if (!then.isArray()) {
                    throw fail(where + ": 'then' of a plan is a list of steps ([] for none)");
                }
                for (JsonNode item : then) {
                    PlanItemDto p;
                    try {
                        p = TREE.treeToValue(item, PlanItemDto.class);
                    } catch (JsonProcessingException e) {
                        throw fail(where + ": " + KbFiles.describe(e));
                    }
                    String stepId = requiredText(p.step(), where + " step");
                    Explanation reason = p.reason() == null ? null
                            : explanation(p.reason(), p.source(), p.citations(), where + " reason for " + stepId);
                    plan.add(new PlanItem(stepId, reason));
                }
            } else {
                if (!then.isValueNode()) {
                    throw fail(where + ": 'then' is one value");
                }
                value = then.asText();
            }
            String explanationText = kind == Decision.Kind.NOTES ? value : dto.explanation();
            return new Rule(id, condition(dto.when(), where), value, plan,
                    explanation(explanationText, dto.source(), dto.citations(), where), lineOf(id));
        }

        private Step step(StepDto dto) {
            String id = requiredId(dto.id(), "steps[].id");
            String where = "step '" + id + "' (line " + lineOf(id) + ")";
            List<Condition> guards = new ArrayList<>();
            if (dto.allowedWhen() != null) {
                for (Map<String, Object> when : dto.allowedWhen()) {
                    guards.add(condition(when, where + " allowedWhen"));
                }
            }
            return new Step(id, requiredText(dto.title(), where + " title"),
                    requiredText(dto.detail(), where + " detail"),
                    commands(dto.commands(), where), dto.restart(), dto.requiresRestart(),
                    dto.changesOs(), guards, explanation(dto.detail(), dto.source(), dto.citations(), where));
        }

        private Explanation explanation(String text, String source, List<CitationDto> citations, String where) {
            Source parsed;
            try {
                parsed = Source.valueOf(requiredText(source, where + " source").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(where + ": source '" + source + "' is not one of: article, inference");
            }
            return new Explanation(requiredText(text, where + " explanation"), parsed, citations(citations));
        }

        private List<Citation> citations(List<CitationDto> dtos) {
            List<Citation> out = new ArrayList<>();
            for (CitationDto c : dtos == null ? List.<CitationDto>of() : dtos) {
                out.add(new Citation(requiredText(c.section(), "citation section"),
                        requiredText(c.quote(), "citation quote in section '" + c.section() + "'")));
            }
            return out;
        }

        /**
         * Commands as written in flow.yaml: a plain string is a command for every server; a mapping has {@code run}
         * (a command) or {@code gui} (what to click), and may have {@code expect} and {@code when}.
         */
        @SuppressWarnings("unchecked")
        private List<Command> commands(List<Object> entries, String where) {
            List<Command> out = new ArrayList<>();
            if (entries == null) {
                return out;
            }
            for (int i = 0; i < entries.size(); i++) {
                Object e = entries.get(i);
                String at = where + " commands[" + i + "]";
                if (e instanceof String run) {
                    out.add(new Command(requiredText(run, at), null, null, new Condition(Map.of())));
                    continue;
                }
                if (!(e instanceof Map<?, ?> map)) {
                    throw fail(at + ": expected a command, or a mapping with run or gui, expect and when");
                }
                for (Object key : map.keySet()) {
                    if (!Set.of("run", "gui", "expect", "when").contains(String.valueOf(key))) {
                        throw fail(at + ": unknown key '" + key + "' (known: run, gui, expect, when)");
                    }
                }
                Object run = map.get("run");
                Object gui = map.get("gui");
                if ((run == null) == (gui == null)) {
                    throw fail(at + ": give either run (a command) or gui (what to click), not both");
                }
                Object expect = map.get("expect");
                Object when = map.get("when");
                if (when != null && !(when instanceof Map)) {
                    throw fail(at + ": when must map facts to the values the command applies to");
                }
                out.add(new Command(run == null ? null : requiredText(String.valueOf(run), at + " run"),
                        gui == null ? null : requiredText(String.valueOf(gui), at + " gui"),
                        expect == null ? null : requiredText(String.valueOf(expect), at + " expect"),
                        condition((Map<String, Object>) when, at + " when")));
            }
            return out;
        }

        private Condition condition(Map<String, Object> when, String where) {
            Map<String, Set<String>> accepts = new LinkedHashMap<>();
            if (when != null) {
                for (Map.Entry<String, Object> e : when.entrySet()) {
                    Set<String> values = new LinkedHashSet<>();
                    if (e.getValue() instanceof List<?> items) {
                        items.forEach(v -> values.add(scalar(v, where, e.getKey())));
                    } else {
                        values.add(scalar(e.getValue(), where, e.getKey()));
                    }
                    accepts.put(e.getKey(), values);
                }
            }
            return new Condition(accepts);
        }

        private String scalar(Object value, String where, String key) {
            if (value instanceof Boolean) {
                throw fail(where + ": '" + key + "' has the YAML boolean " + value
                        + "; quote yes and no (\"yes\") so they stay text");
            }
            if (value == null || value instanceof Map || value instanceof List) {
                throw fail(where + ": '" + key + "' must list plain values");
            }
            return value.toString();
        }

        private <T> List<T> list(List<T> items, String what) {
            if (items == null || items.isEmpty()) {
                throw fail(what + " must list at least one entry");
            }
            return items;
        }

        private <T> T required(T value, String what) {
            if (value == null) {
                throw fail(what + " is required");
            }
            return value;
        }

        private String requiredText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw fail(what + " is required");
            }
            return value.strip();
        }

        private String requiredId(String value, String what) {
            String id = requiredText(value, what);
            if (!ID.matcher(id).matches()) {
                throw fail(what + " '" + id + "' may hold only letters, digits, dots and hyphens");
            }
            return id;
        }

        private int lineOf(String id) {
            if (lines == null) {
                lines = new java.util.HashMap<>();
                String[] all = flowText.split("\\R", -1);
                for (int i = 0; i < all.length; i++) {
                    Matcher m = ID_LINE.matcher(all[i]);
                    if (m.matches()) {
                        lines.putIfAbsent(m.group(1), i + 1);
                    }
                }
            }
            return lines.getOrDefault(id, 0);
        }

        private KbException fail(String message) {
            return new KbException(flowName, message);
        }
    }

    // Shapes of flow.yaml; unknown properties are rejected with their line.
    record FlowDto(ArticleDto article, List<FactDto> facts, List<ConstraintDto> constraints,
            List<DecisionDto> decisions, List<StepDto> steps, List<ProofDto> proofs, List<HeadlineDto> headlines,
            CollectorDto collector) {
    }

    record ProofDto(String id, Map<String, Object> when, boolean complete, String step, List<String> orWithSteps,
            List<String> requireOneOf) {
    }

    record HeadlineDto(String id, Map<String, Object> when, String text) {
    }

    record CollectorDto(List<ProbeDto> probes) {
    }

    record ProbeDto(String id, String kind, List<String> cmd, List<String> ps, String key, String value,
            List<String> facts, Map<String, String> map) {
    }

    private static Map<String, String> upper(Map<String, String> map) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.toUpperCase(java.util.Locale.ROOT), v));
        return out;
    }

    record ArticleDto(String id, String title, String version, String text, List<String> symptoms) {
    }

    record FactDto(String id, String name, String type, String question, String help, List<Object> commands,
            List<ChoiceDto> choices, List<BandDto> bands, List<RangeDto> ranges, String unit,
            WhenUnknownDto whenUnknown, PurposeDto purpose) {
    }

    record PurposeDto(String text, String source, List<CitationDto> citations) {
    }

    record RangeDto(String id, String label, java.math.BigDecimal from, java.math.BigDecimal to) {
    }

    record ChoiceDto(String value, String label) {
    }

    record BandDto(String id, String label, String from, String to) {
    }

    record WhenUnknownDto(List<String> assume, String note, List<CitationDto> citations) {
    }

    record ConstraintDto(String id, Map<String, Object> when, String message) {
    }

    record DecisionDto(String id, String kind, String label, LinkedHashMap<String, String> values,
            List<RuleDto> rules) {
    }

    record RuleDto(String id, Map<String, Object> when, JsonNode then, String explanation, String source,
            List<CitationDto> citations) {
    }

    record PlanItemDto(String step, String reason, String source, List<CitationDto> citations) {
    }

    record StepDto(String id, String title, String detail, List<Object> commands, boolean restart,
            boolean requiresRestart, boolean changesOs, List<Map<String, Object>> allowedWhen, String source,
            List<CitationDto> citations) {
    }

    record CitationDto(String section, String quote) {
    }
}
