package io.codegenagentlogs.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        headerHeading = "%n",
        header = "Print a bash/zsh completion script for the commands and options.",
        synopsisHeading = "%nUsage:%n  ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Prints a completion script (made by picocli's AutoComplete) for a command named "
                    + "codegen-agent-logs: command names, options and the values of --format. It works in "
                    + "bash, and in zsh after 'autoload -U +X bashcompinit && bashcompinit'.",
            "",
            "The jar runs as 'java -jar ...', so first give it that name, with an alias or a small script "
                    + "on your PATH, as in the examples.",
        },
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the script was printed",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  alias codegen-agent-logs='java -jar /path/to/codegen-agent-logs.jar'",
            "  source <(codegen-agent-logs completion)           # this shell",
            "  codegen-agent-logs completion > ~/.codegen-agent-logs-completion.bash",
            "  echo 'source ~/.codegen-agent-logs-completion.bash' >> ~/.bashrc",
        })
final class CompletionCommand implements Callable<Integer> {
    /** The name the script completes: the alias the examples make. */
    static final String NAME = "codegen-agent-logs";

    private final CliContext ctx;

    @Spec
    CommandLine.Model.CommandSpec spec;

    CompletionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        ctx.out().print(AutoComplete.bash(NAME, root));
        ctx.out().flush();
        return ExitCodes.PASSED;
    }
}
