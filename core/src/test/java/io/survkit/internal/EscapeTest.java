package io.survkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class EscapeTest {
    private static final String HOSTILE = "A<script>&\"B";

    @Test
    void xmlAndHtmlEscapeMarkupCharacters() {
        assertEquals("A&lt;script&gt;&amp;&quot;B", Escape.xml(HOSTILE));
        assertEquals(Escape.xml(HOSTILE), Escape.html(HOSTILE));
        assertEquals("x", Escape.xml("x\u0001"));
    }

    @Test
    void markdownCellCannotBreakTheTable() {
        String md = Escape.markdown("a|b <i>*x*</i>\nc");
        assertFalse(md.contains("<"));
        assertFalse(md.contains("\n"));
        assertEquals("a\\|b &lt;i&gt;\\*x\\*&lt;/i&gt; c", md);
    }

    @Test
    void csvNeutralisesFormulasButKeepsNumbers() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Escape.csv("=HYPERLINK(\"x\")"));
        assertEquals("\"'+1+2\"", Escape.csv("+1+2"));
        assertEquals("\"'@SUM(A1)\"", Escape.csv("@SUM(A1)"));
        assertEquals("-1.5", Escape.csv("-1.5"));
        assertEquals("\"a,b\"", Escape.csv("a,b"));
        assertEquals("plain", Escape.csv("plain"));
    }
}
