package dev.pcibot.bot.probe;

import dev.pcibot.kb.diagnose.Probe;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Checks the probe configuration at start and builds {@link ProbeSettings}; the first problem found
 * stops the start with a {@link ProbeConfigException} naming the key. Nodes come bound by Micronaut
 * ({@link ProbeNodeConfig}); server policies come as the flat keys under {@code
 * pcibot.probes.guilds} ({@code <guild>.channels}, {@code <guild>.grants.<name>.roles}, …), read
 * here so that a misspelt key is an error rather than silently ignored.
 */
public final class ProbeSettingsReader {
    public static final String GUILDS = "pcibot.probes.guilds";
    private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    private static final Set<String> RULE_FIELDS = Set.of("roles", "users", "nodes", "probes", "vmids");

    private final UnaryOperator<String> environment;

    public ProbeSettingsReader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** @param guildKeys the keys under {@code pcibot.probes.guilds}, without that prefix, and their values */
    public ProbeSettings read(Collection<ProbeNodeConfig> nodeConfigs, Map<String, Object> guildKeys, ProbeLimitsConfig limits) {
        checkLimits(limits);
        Map<String, ProbeNode> nodes = new LinkedHashMap<>();
        NodeConfigChecker checker = new NodeConfigChecker(environment);
        for (ProbeNodeConfig config : nodeConfigs) {
            nodes.put(config.name(), checker.check(config));
        }
        Map<Long, GuildProbePolicy> guilds = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> guild : byFirstSegment(guildKeys).entrySet()) {
            guilds.put(guildId(guild.getKey()), policy(guild.getKey(), guild.getValue(), nodes.keySet()));
        }
        return new ProbeSettings(nodes, guilds, limits);
    }

    private static void checkLimits(ProbeLimitsConfig l) {
        String p = ProbeLimitsConfig.PREFIX + ".";
        if (l.perUser() < 1) throw new ProbeConfigException(p + "per-user", "must be at least 1");
        if (l.perNode() < 1) throw new ProbeConfigException(p + "per-node", "must be at least 1");
        if (l.perGuild() < 1) throw new ProbeConfigException(p + "per-guild", "must be at least 1");
        if (l.window().isNegative() || l.window().isZero()) throw new ProbeConfigException(p + "window", "must be positive");
        if (l.timeout().toMillis() < 1000) throw new ProbeConfigException(p + "timeout", "must be at least 1s");
        if (l.maxBytes() < 1024) throw new ProbeConfigException(p + "max-bytes", "must be at least 1024");
    }

    private static long guildId(String key) {
        try {
            long id = Long.parseLong(key);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProbeConfigException(GUILDS + "." + key, "the key under guilds must be a server id (a number)");
    }

    private static GuildProbePolicy policy(String guild, Map<String, Object> keys, Set<String> nodes) {
        String base = GUILDS + "." + guild;
        Set<Long> channels = Set.of();
        Map<String, Map<String, Object>> grants = new TreeMap<>();
        Map<String, Map<String, Object>> denies = new TreeMap<>();
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            String key = e.getKey();
            if (key.equals("channels")) {
                channels = ids(base + ".channels", e.getValue());
            } else if (key.startsWith("grants.") || key.startsWith("deny.")) {
                boolean grant = key.startsWith("grants.");
                String rest = key.substring(grant ? 7 : 5);
                int dot = rest.indexOf('.');
                if (dot < 0) {
                    throw new ProbeConfigException(base + "." + key, "expected " + (grant ? "grants" : "deny")
                            + ".<rule name>.<roles|users|nodes|probes|vmids>");
                }
                (grant ? grants : denies).computeIfAbsent(rest.substring(0, dot), k -> new LinkedHashMap<>())
                        .put(rest.substring(dot + 1), e.getValue());
            } else {
                throw new ProbeConfigException(base + "." + key, "unknown key; a server takes channels, grants.<name>.*"
                        + " and deny.<name>.*");
            }
        }
        if (channels.isEmpty()) {
            throw new ProbeConfigException(base + ".channels",
                    "list the channel ids probes may be asked in (probes are refused everywhere else)");
        }
        List<ProbeRule> grantRules = new ArrayList<>();
        grants.forEach((name, fields) -> grantRules.add(rule(base + ".grants." + name, name, fields, nodes, true)));
        List<ProbeRule> denyRules = new ArrayList<>();
        denies.forEach((name, fields) -> denyRules.add(rule(base + ".deny." + name, name, fields, nodes, false)));
        return new GuildProbePolicy(Long.parseLong(guild), channels, grantRules, denyRules);
    }

    private static ProbeRule rule(String base, String name, Map<String, Object> fields, Set<String> knownNodes, boolean grant) {
        if (!RULE_NAME.matcher(name).matches()) {
            throw new ProbeConfigException(base, "a rule name is letters, digits, '-' and '_' (at most 40)");
        }
        for (String field : fields.keySet()) {
            if (!RULE_FIELDS.contains(field)) {
                throw new ProbeConfigException(base + "." + field, "unknown key; a rule takes " + String.join(", ",
                        new java.util.TreeSet<>(RULE_FIELDS)));
            }
        }
        Set<Long> roles = ids(base + ".roles", fields.get("roles"));
        Set<Long> users = ids(base + ".users", fields.get("users"));
        Set<String> nodes = new LinkedHashSet<>(strings(fields.get("nodes")));
        for (String node : nodes) {
            if (!node.equals(ProbeRule.ANY_NODE) && !knownNodes.contains(node)) {
                throw new ProbeConfigException(base + ".nodes", "no node named '" + node
                        + "' under " + ProbeNodeConfig.PREFIX + " (known: " + String.join(", ", knownNodes) + ")");
            }
        }
        Set<Probe> probes = probes(base + ".probes", strings(fields.get("probes")));
        VmidRanges vmids = vmids(base + ".vmids", strings(fields.get("vmids")));
        if (grant) {
            if (roles.isEmpty() && users.isEmpty()) {
                throw new ProbeConfigException(base, "a grant needs roles or users (ids): it grants nobody as written");
            }
            if (nodes.isEmpty()) {
                throw new ProbeConfigException(base + ".nodes", "list the nodes this grant allows, or '*' for all");
            }
            if (probes.isEmpty()) {
                throw new ProbeConfigException(base + ".probes", "list the probes this grant allows, or '*' for all");
            }
        }
        return new ProbeRule(name, roles, users, nodes, probes, vmids);
    }

    private static Set<Probe> probes(String key, List<String> names) {
        Set<Probe> probes = new LinkedHashSet<>();
        for (String name : names) {
            if (name.equals("*")) {
                probes.addAll(RemoteProbes.all());
                continue;
            }
            probes.add(RemoteProbes.byId(name.toLowerCase(Locale.ROOT)).orElseThrow(() -> new ProbeConfigException(key,
                    "unknown probe '" + name + "'; one of: * " + String.join(" ",
                            RemoteProbes.all().stream().map(Probe::id).toList()))));
        }
        return probes;
    }

    private static VmidRanges vmids(String key, List<String> entries) {
        List<long[]> ranges = new ArrayList<>();
        for (String entry : entries) {
            if (entry.equals("*")) {
                return VmidRanges.ALL;
            }
            long[] range = VmidRanges.parseRange(entry);
            if (range == null) {
                throw new ProbeConfigException(key, "'" + entry + "' is not a VM id or range such as 100-199 (ids 100 to 999999999)");
            }
            ranges.add(range);
        }
        return VmidRanges.of(ranges);
    }

    private static Set<Long> ids(String key, Object value) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String s : strings(value)) {
            try {
                long id = Long.parseLong(s);
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new ProbeConfigException(key, "'" + s + "' is not a Discord id (a number; names change, ids do not)");
            }
        }
        return ids;
    }

    /** A YAML list, or a comma-separated string (environment variables), as trimmed strings. */
    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
        for (Object item : items) {
            for (String part : String.valueOf(item).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** {@code 123.grants.a.roles -> {123: {grants.a.roles}}}; indexed duplicates ({@code roles[0]}) dropped. */
    private static Map<String, Map<String, Object>> byFirstSegment(Map<String, Object> keys) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("]")) {
                continue; // Micronaut lists a YAML list both whole and item by item
            }
            int dot = key.indexOf('.');
            if (dot < 0) {
                throw new ProbeConfigException(GUILDS + "." + key, "expected <server id>.channels, .grants.<name>.* or .deny.<name>.*");
            }
            out.computeIfAbsent(key.substring(0, dot), k -> new TreeMap<>()).put(key.substring(dot + 1), e.getValue());
        }
        return out;
    }
}
