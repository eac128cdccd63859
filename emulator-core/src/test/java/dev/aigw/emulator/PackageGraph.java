package dev.aigw.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which packages below a root each package's sources use (imports and qualified names in code; comments and
 * string literals do not count), and the cycles among them: a small import scan in place of an architecture
 * library.
 */
final class PackageGraph {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private final String root;
    private final Map<String, Set<String>> uses = new TreeMap<>();

    PackageGraph(String root) {
        this.root = root;
    }

    /** Adds one source file's uses to the graph. */
    void add(String source) {
        String code = CatchBlockScan.blankCommentsAndLiterals(source);
        Matcher declared = PACKAGE.matcher(code);
        if (!declared.find() || !declared.group(1).startsWith(root)) {
            return;
        }
        String from = declared.group(1);
        Set<String> targets = uses.computeIfAbsent(from, p -> new TreeSet<>());
        Matcher used = Pattern.compile("\\b(" + Pattern.quote(root) + "(?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]").matcher(code);
        while (used.find()) {
            if (!used.group(1).equals(from)) {
                targets.add(used.group(1));
            }
        }
    }

    /** Returns the packages seen. */
    Set<String> packages() {
        return uses.keySet();
    }

    /** Returns the packages one package uses. */
    Set<String> uses(String from) {
        return uses.getOrDefault(from, Set.of());
    }

    /** Returns one cycle through each group of packages that reach each other, as a path back to its start. */
    List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        Set<String> inACycle = new TreeSet<>();
        for (String start : uses.keySet()) {
            if (inACycle.contains(start)) {
                continue;
            }
            pathBack(start).ifPresent(cycle -> {
                inACycle.addAll(cycle);
                cycles.add(cycle);
            });
        }
        return cycles;
    }

    /** Finds a shortest path from {@code start} through its uses back to {@code start}. */
    private Optional<List<String>> pathBack(String start) {
        Map<String, String> cameFrom = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : uses(at)) {
                if (next.equals(start)) {
                    List<String> cycle = new ArrayList<>(List.of(start));
                    for (String p = at; !p.equals(start); p = cameFrom.get(p)) {
                        cycle.add(1, p);
                    }
                    cycle.add(start);
                    return Optional.of(cycle);
                }
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        return Optional.empty();
    }
}
