package io.codegenagentlogs.cli;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** The CLI's last line of defence masks a token however an error message spells it. */
public class SecretsTest {
    @Test
    public void masksTheTokenRawEscapedAndPercentEncoded() {
        Secrets secrets = new Secrets();
        secrets.add("  cg_k=9/x+y  \n");
        assertEquals("a **** b", secrets.redact("a cg_k=9/x+y b"));
        assertEquals("a **** b", secrets.redact("a cg_k\\u003d9\\/x+y b"));
        assertEquals("a **** b", secrets.redact("a cg_k%3D9%2Fx%2By b"));
        assertEquals("a cg_k=9/x+z b", secrets.redact("a cg_k=9/x+z b"));
    }

    @Test
    public void shortOrOddValuesAreMaskedOnlyAsTheyAre() {
        Secrets secrets = new Secrets();
        secrets.add("abc");
        secrets.add("pass word");
        assertEquals("abc ****", secrets.redact("abc pass word"));
    }
}
