package dev.hotline.server.config;

import dev.hotline.acd.model.CallerNumbers;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.CentreSettings;
import dev.hotline.acd.model.VipPolicy;
import dev.hotline.server.config.internal.AgentsFileReader;
import dev.hotline.server.config.internal.AgentsFileReader.AgentsFile;
import dev.hotline.server.config.internal.CallersFileReader;
import dev.hotline.server.config.internal.CentreFileReader;
import dev.hotline.server.config.internal.CentreFileReader.CentreFile;
import dev.hotline.ivr.FlowSet;
import dev.hotline.server.config.internal.DeadSettings;
import dev.hotline.server.config.internal.FileKind;
import dev.hotline.server.config.internal.Ids;
import dev.hotline.server.config.internal.IvrFlowFiles;
import dev.hotline.server.config.internal.LoadContext;
import dev.hotline.server.config.internal.MisnamedFiles;
import dev.hotline.server.config.internal.NumbersFileReader;
import dev.hotline.server.config.internal.NumbersFileReader.NumbersFile;
import dev.hotline.server.config.internal.QueuesFileReader;
import dev.hotline.server.config.internal.QueuesFileReader.QueuesFile;
import dev.hotline.server.config.internal.ServerFileReader;
import dev.hotline.server.config.internal.Where;
import dev.hotline.server.config.internal.YamlNode;
import dev.hotline.server.config.internal.YamlNode.MapNode;
import dev.hotline.server.config.internal.YamlNode.Mark;
import dev.hotline.server.config.internal.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a configuration directory into a {@link CentreConfig}, checking every rule so that the routing engine only
 * ever sees a complete, consistent configuration. All problems of all files are reported at once.
 *
 * <p>Files (all YAML, UTF-8): {@value #CENTRE}, {@value #NUMBERS}, {@value #QUEUES} and {@value #AGENTS} are
 * required; {@value #BLACKLIST} and {@value #VIPS} are optional (absent means nobody is blocked, nobody is a VIP).
 * The IVR flows are the {@code ivr/} folder's YAML files, with their lookup tables in {@code ivr/tables/}
 * (optional: no folder means no flows, and then nothing may name one).
 */
public final class ConfigLoader {
    public static final String CENTRE = "centre.yaml";
    public static final String NUMBERS = "numbers.yaml";
    public static final String QUEUES = "queues.yaml";
    public static final String AGENTS = "agents.yaml";
    public static final String BLACKLIST = "blacklist.yaml";
    public static final String VIPS = "vips.yaml";
    public static final String SERVER = "server.yaml";

    /** Every file, in the order they are read and their problems listed. */
    public static final List<String> FILES = List.of(CENTRE, NUMBERS, QUEUES, AGENTS, BLACKLIST, VIPS, SERVER);
    public static final List<String> REQUIRED_FILES = List.of(CENTRE, NUMBERS, QUEUES, AGENTS);

    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

    private ConfigLoader() {
    }

    /** Loads and checks the configuration in {@code dir}. Never throws for a bad configuration: it is a value. */
    public static ConfigResult load(Path dir) {
        return load(dir, AsOf.now());
    }

    /**
     * As {@link #load(Path)}, with {@code asOf} the moment the dates in the files are judged against: an entry or a
     * calendar that has run out by then is warned about.
     */
    public static ConfigResult load(Path dir, AsOf asOf) {
        LoadContext ctx = LoadContext.fresh(asOf);
        if (dir.toString().isBlank()) {
            // Path.of("") is the working directory: an empty --config must not quietly mean "here"
            return new ConfigResult.Invalid(List.of(new ConfigProblem("--config", 0, 0, "",
                    "is empty: give the configuration directory, e.g. --config config/")));
        }
        if (!Files.isDirectory(dir)) {
            return new ConfigResult.Invalid(List.of(new ConfigProblem(dir.toString(), 0, 0, "",
                    Files.exists(dir) ? "is a file, not a configuration directory (give the directory that holds "
                            + CENTRE + ")" : "no such configuration directory")));
        }
        Optional<YamlNode> centreRoot = read(dir, CENTRE, ctx);
        Optional<YamlNode> numbersRoot = read(dir, NUMBERS, ctx);
        Optional<YamlNode> queuesRoot = read(dir, QUEUES, ctx);
        Optional<YamlNode> agentsRoot = read(dir, AGENTS, ctx);
        Optional<YamlNode> blacklistRoot = read(dir, BLACKLIST, ctx);
        Optional<YamlNode> vipsRoot = read(dir, VIPS, ctx);
        Optional<YamlNode> serverRoot = read(dir, SERVER, ctx);
        MisnamedFiles.check(dir, FILES, ctx.problems());
        // A file that could not be read declares nothing: references into it are not reported one by one.
        numbersRoot.ifPresentOrElse(r -> { }, () -> ctx.ids().unreadable(Ids.Kind.BUSINESS_TYPE));
        queuesRoot.ifPresentOrElse(r -> { }, () -> ctx.ids().unreadable(Ids.Kind.QUEUE));
        agentsRoot.ifPresentOrElse(r -> { }, () -> {
            ctx.ids().unreadable(Ids.Kind.SKILL_GROUP);
            ctx.ids().unreadable(Ids.Kind.AGENT);
        });

        CentreFile centre = centreRoot.map(r -> CentreFileReader.read(top(CENTRE, r), r, ctx))
                .orElse(new CentreFile(Optional.empty(), Optional.empty()));
        // Queues and the blacklist need the centre's zone and busy prompt; if centre.yaml is broken its problem is
        // already reported and these stand-ins only let the other files be checked too.
        var zone = centre.settings().map(CentreSettings::zone).orElse(ZoneOffset.UTC);
        String busyPrompt = centre.settings().map(CentreSettings::busyPrompt).orElse(CentreSettings.DEFAULT_BUSY_PROMPT);
        NumbersFile numbers = numbersRoot.map(r -> NumbersFileReader.read(top(NUMBERS, r), r, ctx))
                .orElse(new NumbersFile(List.of(), List.of()));
        // only with a VIP group does a VIP call wait for it alone before its queue's groups may take it
        Optional<Duration> vipWait = centre.vipPolicy().filter(v -> v.group().isPresent())
                .map(VipPolicy::escalateAfter).filter(d -> !d.isZero());
        QueuesFile queues = queuesRoot.map(r -> QueuesFileReader.read(top(QUEUES, r), r, zone, busyPrompt, vipWait,
                        ctx))
                .orElse(new QueuesFile(List.of(), java.util.Set.of()));
        AgentsFile agents = agentsRoot.map(r -> AgentsFileReader.read(top(AGENTS, r), r, ctx))
                .orElse(new AgentsFile(List.of(), List.of()));
        CallerNumbers callerNumbers = centre.settings().map(CentreSettings::callerNumbers)
                .orElse(CallerNumbers.AS_GIVEN);
        var blacklist = blacklistRoot
                .map(r -> CallersFileReader.blacklist(top(BLACKLIST, r), r, zone, callerNumbers, ctx))
                .orElse(List.of());
        var vips = vipsRoot.map(r -> CallersFileReader.vips(top(VIPS, r), r, callerNumbers, blacklist, ctx))
                .orElse(List.of());
        Optional<FlowSet> flows = IvrFlowFiles.read(dir, ctx);
        Optional<ServerSettings> server = serverRoot.flatMap(r -> ServerFileReader.read(top(SERVER, r), r, ctx));
        ctx.ids().checkReferences(ctx.problems());

        if (!ctx.problems().isEmpty()) {
            return new ConfigResult.Invalid(ctx.problems().sorted(FILES), ctx.warnings().sorted(FILES));
        }
        VipPolicy vipPolicy = centre.vipPolicy().orElseThrow();
        CentreConfig config = new CentreConfig(centre.settings().orElseThrow(), numbers.numbers(),
                numbers.businessTypes(), queues.queues(), agents.groups(), agents.agents(), blacklist, vipPolicy, vips);
        DeadSettings.check(config, ctx);
        log.debug("Loaded configuration from {}", dir);
        return new ConfigResult.Valid(config, flows.orElseThrow(), server.orElseThrow(), queues.recorded(),
                ctx.warnings().sorted(FILES));
    }

    private static Where top(String file, YamlNode root) {
        return Where.top(file, root.mark());
    }

    /** The file's root map; empty when it is missing, unreadable or not a map (reported unless optional and absent). */
    private static Optional<YamlNode> read(Path dir, String file, LoadContext ctx) {
        Path path = dir.resolve(file);
        if (!Files.exists(path) && !Files.isSymbolicLink(path)) {
            if (REQUIRED_FILES.contains(file)) {
                ctx.problems().add(new ConfigProblem(file, 0, 0, "", "required file is missing from " + dir
                        + " (required: " + String.join(", ", REQUIRED_FILES) + ")"));
                return Optional.empty();
            }
            return Optional.of(new MapNode(new Mark(1, 1), List.of()));
        }
        Optional<String> notAFile = FileKind.notAFile(path);
        if (notAFile.isPresent()) {
            ctx.problems().add(new ConfigProblem(file, 0, 0, "", notAFile.get()));
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (CharacterCodingException e) {
            ctx.problems().add(new ConfigProblem(file, 0, 0, "", "is not UTF-8 text"));
            return Optional.empty();
        } catch (IOException e) {
            ctx.problems().add(new ConfigProblem(file, 0, 0, "", "cannot be read: " + e));
            return Optional.empty();
        }
        try {
            YamlNode root = YamlTreeReader.read(text);
            if (!(root instanceof MapNode map)) {
                ctx.problems().add(Where.top(file, root.mark()), "expected a map of keys, got " + root.describe());
                return Optional.empty();
            }
            if (map.entries().isEmpty() && REQUIRED_FILES.contains(file)) {
                // said once, as a missing file is: every reference into it would otherwise be a problem of its own
                ctx.problems().add(new ConfigProblem(file, 0, 0, "", "is empty (or only comments): a required "
                        + "file (required: " + String.join(", ", REQUIRED_FILES) + ")"));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (YamlTreeReader.SyntaxError e) {
            ctx.problems().add(new ConfigProblem(file, e.mark().line(), e.mark().column(), "", e.getMessage()));
            return Optional.empty();
        }
    }
}
