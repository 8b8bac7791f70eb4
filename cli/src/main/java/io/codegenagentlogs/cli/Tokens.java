package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.ApiToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Finds the API token: {@code --token-file FILE} when given, else {@code CODEGEN_API_TOKEN}. No
 * message here ever includes the token or any part of the file: a file holding the wrong thing
 * may still hold a secret.
 */
final class Tokens {
    /** Far more than any token; a larger file is certainly not one. */
    private static final long MAX_FILE_BYTES = 16 * 1024;

    private Tokens() {
    }

    static ApiToken resolve(CliContext ctx, String tokenFile) {
        if (tokenFile != null) {
            return fromFile(ctx, ctx.resolve(tokenFile));
        }
        String value = ctx.env(ApiOptions.ENV_TOKEN);
        if (value == null) {
            throw CliException.usage("No Codegen API token",
                    "Set the " + ApiOptions.ENV_TOKEN + " environment variable or pass --token-file FILE");
        }
        try { // the value is a secret already: CliContext took it from the environment at the start
            return ApiToken.of(value);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("The " + ApiOptions.ENV_TOKEN + " environment variable does not hold a token "
                    + "(it contains spaces or non-ASCII characters)", "Set it to the token alone");
        }
    }

    private static ApiToken fromFile(CliContext ctx, Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw CliException.usage("The token file " + file + " is a directory",
                        "Pass the file that holds the token with --token-file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw CliException.usage("The token file " + file + " is too large to hold a token",
                        "Pass a file that holds only the token");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw CliException.usage("The token file " + file + " does not exist",
                    "Check the --token-file path, or set " + ApiOptions.ENV_TOKEN);
        } catch (AccessDeniedException e) {
            throw CliException.usage("The token file " + file + " cannot be read (permission denied)",
                    "Make it readable by this user, or set " + ApiOptions.ENV_TOKEN);
        } catch (CharacterCodingException e) {
            throw CliException.usage("The token file " + file + " is not text",
                    "Pass a file that holds only the token");
        } catch (IOException e) {
            throw CliException.usage("The token file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check the --token-file path and its permissions, or set " + ApiOptions.ENV_TOKEN);
        }
        if (text.startsWith("\uFEFF")) {
            // a byte order mark, as Windows editors save UTF-8: not part of the token
            text = text.substring(1);
        }
        ctx.secrets().add(text);
        for (String line : text.split("\\R")) {
            ctx.secrets().add(line);
        }
        if (!text.isBlank() && text.strip().chars().noneMatch(Character::isWhitespace)) {
            ctx.secret(text.strip());
        }
        if (text.isBlank()) {
            throw CliException.usage("The token file " + file + " is empty", "Put the Codegen API token in it");
        }
        try {
            return ApiToken.of(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("The token file " + file + " holds more than a token (spaces, several lines "
                    + "or non-ASCII characters)", "Leave only the token in it");
        }
    }
}
