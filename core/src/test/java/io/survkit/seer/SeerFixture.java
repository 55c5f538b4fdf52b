package io.survkit.seer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small SEER*Stat-style case listings for tests: records with SEER's labels, written as CSV or TSV. */
final class SeerFixture {
    static final String ID = "Patient ID";
    static final String MONTHS = "Survival months";
    static final String FLAG = "Survival months flag";
    static final String VITAL = "Vital status recode (study cutoff used)";
    static final String CSS = "SEER cause-specific death classification";
    static final String OTHER = "SEER other cause of death classification";
    static final String PRIMARY = "RX Summ--Surg Prim Site (1998+)";
    static final String OTHER_SITES = "RX Summ--Surg Oth Reg/Dis (2003+)";
    static final String CHEMO = "Chemotherapy recode (yes, no/unk)";
    static final String SEQ = "RX Summ--Systemic/Sur Seq (2007+)";
    static final String AGE = "Age recode with single ages and 100+";
    static final String SEX = "Sex";
    static final String YEAR = "Year of diagnosis";
    static final List<String> HEADER = List.of(ID, MONTHS, FLAG, VITAL, CSS, OTHER, PRIMARY, OTHER_SITES, CHEMO, SEQ,
            AGE, SEX, YEAR);

    private final List<Map<String, String>> records = new ArrayList<>();
    private List<String> header = new ArrayList<>(HEADER);

    /** A record: alive, chemotherapy alone, 60-year-old man, 2010. */
    Map<String, String> add(String months) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(ID, String.format("%08d", records.size() + 1));
        r.put(MONTHS, months);
        r.put(FLAG, SeerLabels.FLAG_COMPLETE_MORE_THAN_ZERO_DAYS);
        r.put(VITAL, "Alive");
        r.put(CSS, SeerLabels.ALIVE_OR_DEAD_OF_OTHER_CAUSE);
        r.put(OTHER, SeerLabels.ALIVE_OR_DEAD_OF_CANCER);
        r.put(PRIMARY, "00");
        r.put(OTHER_SITES, "None; diagnosed at autopsy");
        r.put(CHEMO, "Yes");
        r.put(SEQ, SystemicSurgerySequence.NONE.seerLabel());
        r.put(AGE, "60 years");
        r.put(SEX, "Male");
        r.put(YEAR, "2010");
        records.add(r);
        return r;
    }

    SeerFixture alive(String months) {
        add(months);
        return this;
    }

    SeerFixture cancerDeath(String months) {
        Map<String, String> r = add(months);
        r.put(VITAL, "Dead");
        r.put(CSS, SeerLabels.DEAD_OF_THIS_CANCER);
        r.put(OTHER, SeerLabels.ALIVE_OR_DEAD_OF_CANCER);
        return this;
    }

    SeerFixture otherDeath(String months) {
        Map<String, String> r = add(months);
        r.put(VITAL, "Dead");
        r.put(CSS, SeerLabels.ALIVE_OR_DEAD_OF_OTHER_CAUSE);
        r.put(OTHER, SeerLabels.DEAD_OF_OTHER_CAUSE);
        return this;
    }

    SeerFixture unknownDeath(String months) {
        Map<String, String> r = add(months);
        r.put(VITAL, "Dead");
        r.put(CSS, SeerLabels.DEAD_OF_UNKNOWN_CAUSE);
        r.put(OTHER, SeerLabels.DEAD_OF_UNKNOWN_CAUSE);
        return this;
    }

    /** Marks the last record as surgery + chemotherapy (primary site 30, liver metastasectomy). */
    SeerFixture surgery(SystemicSurgerySequence seq) {
        Map<String, String> r = last();
        r.put(PRIMARY, "30");
        r.put(OTHER_SITES, "Non-primary surgical procedure to distant site");
        r.put(SEQ, seq.seerLabel());
        return this;
    }

    SeerFixture set(String column, String value) {
        last().put(column, value);
        return this;
    }

    /** A new column with {@code value} in every record so far (set others with {@link #set}). */
    SeerFixture addColumn(String column, String value) {
        header.add(column);
        for (Map<String, String> r : records) {
            r.put(column, value);
        }
        return this;
    }

    SeerFixture drop(String column) {
        header.remove(column);
        return this;
    }

    SeerFixture rename(String column, String to) {
        header.set(header.indexOf(column), to);
        for (Map<String, String> r : records) {
            r.put(to, r.remove(column));
        }
        return this;
    }

    Map<String, String> last() {
        return records.get(records.size() - 1);
    }

    /** Comma-separated, every field quoted, CRLF line ends (labels contain commas). */
    String csv() {
        StringBuilder sb = new StringBuilder();
        line(sb, header, true, ",");
        for (Map<String, String> r : records) {
            List<String> v = new ArrayList<>();
            for (String h : header) {
                v.add(r.get(h));
            }
            line(sb, v, true, ",");
        }
        return sb.toString();
    }

    /** Tab-separated, unquoted. */
    String tsv() {
        StringBuilder sb = new StringBuilder();
        line(sb, header, false, "\t");
        for (Map<String, String> r : records) {
            List<String> v = new ArrayList<>();
            for (String h : header) {
                v.add(r.get(h));
            }
            line(sb, v, false, "\t");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> values, boolean quote, String sep) {
        for (int j = 0; j < values.size(); j++) {
            if (j > 0) {
                sb.append(sep);
            }
            String v = values.get(j);
            sb.append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        sb.append("\r\n");
    }
}
