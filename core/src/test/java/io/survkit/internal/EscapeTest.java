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

    @Test
    void xmlDropsNonCharactersAndLoneSurrogates() throws Exception {
        String hostile = "a\uFFFEb\uFFFFc\uFDD0d\uD800e\uDC00f\u0085g\u007Fh" + new String(Character.toChars(0x1FFFF))
                + "i" + new String(Character.toChars(0x1F600)) + "j\u00e9";
        String x = Escape.xml(hostile);
        assertEquals("abcdefghi" + new String(Character.toChars(0x1F600)) + "j\u00e9", x);
        // well-formed: the strict JDK parser accepts the text inside an element
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(("<t>" + x + "</t>").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void markdownDoesNotDoubleEscapeEntities() {
        assertEquals("Greenwood's variance", Escape.markdown("Greenwood's variance"));
        assertEquals("say \"x\" &amp; \\#1 &lt;b&gt;", Escape.markdown("say \"x\" & #1 <b>"));
        assertEquals("ab", Escape.markdown("a\uFFFFb"));
    }

}
