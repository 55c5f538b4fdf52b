package io.survkit.parquet;

import io.survkit.data.ColumnRoles;
import io.survkit.data.SurvivalData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads {@link SurvivalData} from a Parquet file, decoding only the columns named in the roles (a
 * projection: the pages of every other column are never read). Values go straight from the column
 * readers into primitive arrays, row group by row group, without a record object per row.
 *
 * <p>Every column is kept (or only those named in {@link #columns(String...)}, besides the roles).
 * Types: INT32, INT64, FLOAT, DOUBLE (with a DECIMAL annotation, scaled) are numbers; BOOLEAN is
 * the number 1 or 0 (so {@code event("dead", "1")} means true); BINARY with a STRING (UTF8), ENUM or
 * no annotation is text. A null is missing: the row is left out and counted, as R's {@code na.omit}.
 * Nested and repeated columns are refused with a message naming them.
 *
 * <pre>{@code
 * SurvivalData d = ParquetSurvivalData.read(Path.of("registry.parquet"))
 *         .time("months").event("dead", "1").columns("arm", "stage")
 *         .read();
 * }</pre>
 */
public final class ParquetSurvivalReader extends ColumnRoles<ParquetSurvivalReader> {
    private final Path file;
    private final java.util.function.Function<Path, InputFile> open;

    ParquetSurvivalReader(Path file) {
        this(file, LocalInputFile::new);
    }

    /** A reader taking the file's bytes through {@code open} (tests count the bytes read). */
    ParquetSurvivalReader(Path file, java.util.function.Function<Path, InputFile> open) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        this.file = file;
        this.open = open;
    }

    /** {@return the data built from the columns used} */
    public SurvivalData read() {
        requireRoles();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "cannot read %s: no such file", file));
        }
        try (ParquetFileReader reader = ParquetFileReader.open(open.apply(file),
                ParquetReadOptions.builder().build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> names = new ArrayList<>();
            schema.getFields().forEach(f -> names.add(f.getName()));
            List<String> wanted = wantedColumns(names, String.valueOf(file.getFileName()));
            List<Type> fields = new ArrayList<>();
            for (String name : wanted) {
                fields.add(field(schema, name));
            }
            MessageType projection = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(projection);
            long total = reader.getRecordCount();
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s has %d rows; survkit holds at most %d rows in memory", file.getFileName(), total,
                        Integer.MAX_VALUE - 16));
            }
            ColumnSink[] sinks = new ColumnSink[wanted.size()];
            for (int j = 0; j < sinks.length; j++) {
                sinks[j] = new ColumnSink(projection.getColumns().get(j), (int) total);
            }
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            PageReadStore rowGroup;
            int offset = 0;
            while ((rowGroup = reader.readNextRowGroup()) != null) {
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(rowGroup, NoConverter.GROUP, projection,
                        createdBy);
                int rows = Math.toIntExact(rowGroup.getRowCount());
                for (ColumnSink s : sinks) {
                    s.read(store.getColumnReader(s.descriptor), offset, rows);
                }
                offset += rows;
            }
            return build(wanted, new Columns() {
                @Override
                public boolean isNumeric(int j) {
                    return !sinks[j].text;
                }

                @Override
                public double[] numbers(int j) {
                    return sinks[j].numbers;
                }

                @Override
                public String[] labels(int j) {
                    return sinks[j].labels;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(String.format(Locale.ROOT, "cannot read %s: %s", file, e.getMessage()), e);
        }
    }

    private Type field(MessageType schema, String name) {
        if (!schema.containsField(name)) {
            List<String> names = new ArrayList<>();
            schema.getFields().forEach(f -> names.add(f.getName()));
            throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown column '%s' in %s; the file has %s",
                    name, file.getFileName(), names));
        }
        Type t = schema.getType(name);
        if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "column '%s' in %s is a nested or repeated "
                    + "Parquet column; expected one number or text value a row", name, file.getFileName()));
        }
        return t;
    }

    /** One projected column: numbers or dictionary-shared text, NaN/null = missing. */
    private static final class ColumnSink {
        final ColumnDescriptor descriptor;
        private final PrimitiveType type;
        final boolean text;
        private final double scale;
        double[] numbers;
        String[] labels;
        private final Map<Binary, String> interned = new HashMap<>();

        ColumnSink(ColumnDescriptor descriptor, int rows) {
            this.descriptor = descriptor;
            this.type = descriptor.getPrimitiveType();
            LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
            switch (type.getPrimitiveTypeName()) {
                case INT32:
                case INT64:
                case FLOAT:
                case DOUBLE:
                case BOOLEAN:
                    text = false;
                    break;
                case BINARY:
                    if (logical != null && !(logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation)
                            && !(logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation)) {
                        throw unsupported();
                    }
                    text = true;
                    break;
                default:
                    throw unsupported();
            }
            if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                scale = BigDecimal.ONE.scaleByPowerOfTen(
                        -((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) logical).getScale()).doubleValue();
            } else {
                scale = 1;
            }
            if (text) {
                labels = new String[rows];
            } else {
                numbers = new double[rows];
            }
        }

        private IllegalArgumentException unsupported() {
            return new IllegalArgumentException(String.format(Locale.ROOT, "column '%s' has Parquet type %s; "
                    + "expected a number (INT32, INT64, FLOAT, DOUBLE, BOOLEAN, DECIMAL) or text (STRING)",
                    descriptor.getPath()[0], type));
        }

        /** Reads {@code rows} values of one row group into {@code [offset, offset + rows)}. */
        void read(ColumnReader in, int offset, int rows) {
            int defined = descriptor.getMaxDefinitionLevel();
            PrimitiveType.PrimitiveTypeName kind = type.getPrimitiveTypeName();
            for (int i = offset; i < offset + rows; i++) {
                boolean isNull = in.getCurrentDefinitionLevel() < defined;
                if (text) {
                    labels[i] = isNull ? null : intern(in.getBinary());
                } else if (isNull) {
                    numbers[i] = Double.NaN;
                } else {
                    numbers[i] = value(in, kind);
                }
                in.consume();
            }
        }

        private double value(ColumnReader in, PrimitiveType.PrimitiveTypeName kind) {
            switch (kind) {
                case INT32:
                    return in.getInteger() * scale;
                case INT64:
                    return in.getLong() * scale;
                case FLOAT:
                    return in.getFloat();
                case BOOLEAN:
                    return in.getBoolean() ? 1 : 0;
                default:
                    return in.getDouble();
            }
        }

        private String intern(Binary b) {
            String s = interned.get(b);
            if (s == null) {
                Binary copy = b.copy();
                s = copy.toStringUsingUTF8();
                interned.put(copy, s);
            }
            return s;
        }

    }

    /** The column readers need a converter; values are taken from the readers directly instead. */
    private static final class NoConverter extends GroupConverter {
        static final NoConverter GROUP = new NoConverter();
        private static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return PRIMITIVE;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
