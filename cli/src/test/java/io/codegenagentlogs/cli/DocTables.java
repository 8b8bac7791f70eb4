package io.codegenagentlogs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the Markdown tables of the docs, so tests can hold them to the code. */
final class DocTables {
    private DocTables() {
    }

    /**
     * The rows of the first table after {@code heading} (a whole line, e.g. {@code ## Inputs}), keyed by
     * the first cell without backticks and without what follows its first space or {@code =}
     * ({@code `--run ID`} gives {@code --run}); the value is the other cells.
     */
    static Map<String, List<String>> rows(Path markdown, String heading) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        int i = lines.indexOf(heading);
        if (i < 0) {
            throw new AssertionError(markdown + " has no line '" + heading + "'");
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (i++; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            List<String> cells = cells(line);
            String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
            if (cells.get(0).matches(":?-+:?") || next.matches("\\|\\s*:?-+.*")) {
                continue; // the separator, or the header row above it
            }
            String key = cells.get(0).replace("`", "").strip().split("[ =]", 2)[0];
            rows.put(key, new ArrayList<>(cells.subList(1, cells.size())));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }
}
