package io.codegenagentlogs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the GitHub Actions runner makes of a step's log and files, as documented for workflow
 * commands: a line is a command when it starts with {@code ::} (leading spaces ignored), or holds
 * the older {@code ##[} form anywhere; {@code ::stop-commands::T} ignores every command until a line
 * {@code ::T::}. Tests compare what it recognizes with what the CLI meant to say.
 */
final class RunnerModel {
    /** One workflow command as the runner reads it, properties and data unescaped. */
    record Command(String name, Map<String, String> properties, String data) {
    }

    private RunnerModel() {
    }

    /** The commands the runner would act on, in order. */
    static List<Command> commands(String log) {
        List<Command> commands = new ArrayList<>();
        String stopToken = null;
        for (String line : log.split("\n", -1)) {
            String t = line.stripLeading();
            if (stopToken != null) {
                if (t.equals("::" + stopToken + "::")) {
                    commands.add(new Command("resume", Map.of(), stopToken));
                    stopToken = null;
                }
                continue;
            }
            if (t.startsWith("::")) {
                Command c = parse(t);
                commands.add(c);
                if (c.name().equals("stop-commands")) {
                    stopToken = c.data();
                }
            } else if (line.contains("##[")) {
                commands.add(new Command("legacy ##[", Map.of(), line));
            }
        }
        return commands;
    }

    private static Command parse(String line) {
        int end = line.indexOf("::", 2);
        if (end < 0) {
            return new Command("(malformed)", Map.of(), line);
        }
        String head = line.substring(2, end);
        String data = unescapeData(line.substring(end + 2));
        int space = head.indexOf(' ');
        String name = space < 0 ? head : head.substring(0, space);
        Map<String, String> props = new LinkedHashMap<>();
        if (space >= 0) {
            for (String pair : head.substring(space + 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    props.put(pair.substring(0, eq), unescapeProperty(pair.substring(eq + 1)));
                }
            }
        }
        return new Command(name, props, data);
    }

    static String unescapeData(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }

    static String unescapeProperty(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%");
    }

    /** {@code $GITHUB_OUTPUT} as the runner reads it: {@code name=value} lines and {@code name<<DELIM} blocks. */
    static Map<String, String> outputs(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String name = line.substring(0, heredoc);
                String delimiter = line.substring(heredoc + 2);
                List<String> value = new ArrayList<>();
                i++;
                while (!lines.get(i).equals(delimiter)) {
                    value.add(lines.get(i++));
                }
                out.put(name, String.join("\n", value));
            } else if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            } else if (!line.isEmpty()) {
                throw new AssertionError("not an output line: " + line);
            }
        }
        return out;
    }
}
