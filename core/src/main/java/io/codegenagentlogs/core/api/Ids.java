package io.codegenagentlogs.core.api;

/** Organization and run ids are positive integers; anything else is caught before any request. */
public final class Ids {
    private Ids() {
    }

    /**
     * @param what what the id is, for the message ("run id", "--org")
     * @throws IllegalArgumentException with one actionable line
     */
    public static long parse(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is missing: give the numeric id shown in Codegen");
        }
        String t = value.trim();
        long id;
        try {
            id = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + what + " must be a positive integer, got '" + OneLine.of(t, 40) + "'");
        }
        return requirePositive(what, id);
    }

    public static long requirePositive(String what, long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("The " + what + " must be a positive integer, got " + id);
        }
        return id;
    }
}
