package io.codegenagentlogs.core.report;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class SafeTextTest {
    @Test
    public void dropsEscapeSequencesWhole() {
        assertEquals("RED plain", SafeText.line("\u001b[1;31mRED\u001b[0m plain"));
        assertEquals("title gone", SafeText.line("\u001b]0;evil title\u0007title gone"));
        assertEquals("st", SafeText.line("\u001b]8;;http://x\u001b\\st"));
        assertEquals("c1 csi", SafeText.line("c1\u009b31m csi"));
        assertEquals("keypad", SafeText.line("\u001b=keypad"));
        assertEquals("cut", SafeText.line("cut\u001b["));
    }

    @Test
    public void lineBreaksBecomeSpacesOrNewlines() {
        assertEquals("a b c d e", SafeText.line("a\r\nb\rc\nd\u2028e"));
        assertEquals("a\nb\nc\nd\ne\tf", SafeText.lines("a\r\nb\rc\nd\u2028e\tf"));
    }

    @Test
    public void dropsControlsBidiAndBrokenSurrogates() {
        assertEquals("abcdef", SafeText.line("a\u0000b\u0007c\u007f\u0080d\u202Ee\u2066f"));
        assertEquals("next line becomes a space", "x y", SafeText.line("x\u0085y"));
        assertEquals("x\uD83D\uDE00y", SafeText.line("x\uD83D\uDE00\uD800y\uDC00"));
        assertEquals("", SafeText.line(null));
        assertEquals("\u4e2d\u6587 caf\u00e9", SafeText.line("\u4e2d\u6587 caf\u00e9"));
    }
}
