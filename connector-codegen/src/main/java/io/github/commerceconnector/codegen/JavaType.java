package io.github.commerceconnector.codegen;

/**
 * How one field of the exporter's schema looks in Java: its declared type, how {@code ItemFields} reads it from
 * JSON and writes it to JSON.
 *
 * @param kind     the kind of value
 * @param element  the Java type of one value ({@code String}, {@code Integer}, a nested class, ...)
 * @param repeated whether the field is an array
 */
record JavaType(Kind kind, String element, boolean repeated) {

    /** The kinds of value a field can hold. */
    enum Kind {
        /** {@code String}: a JSON string. */
        TEXT,
        /** {@code ID}: a JSON string or number, held as a {@code String}. */
        ID,
        /** {@code Int}: a JSON integer, held as an {@code Integer}. */
        INT,
        /** {@code Float}: a JSON number, held as a {@code BigDecimal}. */
        DECIMAL,
        /** {@code Boolean}. */
        BOOL,
        /** A timestamp the schema types {@code String}: RFC 3339 text, held as an {@code Instant}. */
        TIME,
        /** A yes/no the schema types {@code Int}: {@code 1} or {@code 0}, held as a {@code Boolean}. */
        FLAG,
        /** Another record: a JSON object, held as a nested class. */
        NESTED
    }

    /**
     * The Java type of a schema field.
     *
     * @param override   {@code Instant}, {@code Flag} or {@code null}
     * @param nestedName the Java class of a nested record
     * @throws IllegalArgumentException for an override that does not fit the schema type, or a repeated scalar
     *     other than a string
     */
    static JavaType of(ExporterSchema.Field field, String override, String nestedName, String where) {
        Kind kind;
        if (override != null) {
            kind = switch (override) {
                case "Instant" -> require(field, "String", Kind.TIME, where);
                case "Flag" -> require(field, "Int", Kind.FLAG, where);
                default -> throw new IllegalArgumentException(where + ": unknown java type " + override
                        + " (use Instant or Flag)");
            };
        } else {
            kind = switch (field.type()) {
                case "String" -> Kind.TEXT;
                case "ID" -> Kind.ID;
                case "Int" -> Kind.INT;
                case "Float" -> Kind.DECIMAL;
                case "Boolean" -> Kind.BOOL;
                default -> Kind.NESTED;
            };
        }
        if (field.repeated() && kind != Kind.TEXT && kind != Kind.NESTED) {
            throw new IllegalArgumentException(where + ": repeated " + field.type() + " is not supported yet");
        }
        String element = switch (kind) {
            case TEXT, ID -> "String";
            case INT -> "Integer";
            case DECIMAL -> "BigDecimal";
            case BOOL, FLAG -> "Boolean";
            case TIME -> "Instant";
            case NESTED -> nestedName;
        };
        return new JavaType(kind, element, field.repeated());
    }

    private static Kind require(ExporterSchema.Field field, String type, Kind kind, String where) {
        if (!field.type().equals(type) || field.repeated()) {
            throw new IllegalArgumentException(where + " is " + field.type() + (field.repeated() ? " (repeated)" : "")
                    + ": its java type fits a single " + type + " only");
        }
        return kind;
    }

    /** The declared type of the getter, the setter and the field. */
    String declared() {
        return repeated ? "List<" + element + ">" : element;
    }

    /** The expression that reads the field from an {@code ItemFields.Reader} named {@code reader}. */
    String reader(String name) {
        String quoted = '"' + name + '"';
        if (repeated) {
            return kind == Kind.NESTED ? "reader.objects(" + quoted + ", " + element + "::fromFields)"
                    : "reader.strings(" + quoted + ")";
        }
        return switch (kind) {
            case TEXT -> "reader.string(" + quoted + ")";
            case ID -> "reader.id(" + quoted + ")";
            case INT -> "reader.integer(" + quoted + ")";
            case DECIMAL -> "reader.decimal(" + quoted + ")";
            case BOOL -> "reader.bool(" + quoted + ")";
            case TIME -> "reader.time(" + quoted + ")";
            case FLAG -> "reader.flag(" + quoted + ")";
            case NESTED -> "reader.object(" + quoted + ", " + element + "::fromFields)";
        };
    }

    /** The {@code ItemFields} call that writes the field held in {@code field}. */
    String writer(String name, String field) {
        String quoted = '"' + name + '"';
        if (repeated) {
            return kind == Kind.NESTED ? ".putObjects(" + quoted + ", " + field + ", " + element + "::fields)"
                    : ".put(" + quoted + ", " + field + ")";
        }
        return switch (kind) {
            case TIME -> ".putTime(" + quoted + ", " + field + ")";
            case FLAG -> ".putFlag(" + quoted + ", " + field + ")";
            case NESTED -> ".put(" + quoted + ", " + field + " == null ? null : " + field + ".fields())";
            default -> ".put(" + quoted + ", " + field + ")";
        };
    }

    /** The {@code FieldWriter} call that gives the field held in {@code field} (present). */
    String fieldWriter(String name, String field) {
        String quoted = '"' + name + '"';
        if (repeated) {
            return (kind == Kind.NESTED ? "out.objects(" : "out.strings(") + quoted + ", " + field + ")";
        }
        return switch (kind) {
            case TEXT, ID -> "out.string(" + quoted + ", " + field + ")";
            case INT, DECIMAL -> "out.number(" + quoted + ", " + field + ")";
            case BOOL -> "out.bool(" + quoted + ", " + field + ")";
            case FLAG -> "out.number(" + quoted + ", " + field + " ? 1 : 0)";
            case TIME -> "out.time(" + quoted + ", " + field + ")";
            case NESTED -> "out.object(" + quoted + ", " + field + ")";
        };
    }

    /** How the Javadoc names the wire type, e.g. {@code [Image]} or {@code Int} 0/1. */
    String wireDoc(ExporterSchema.Field field) {
        String type = field.repeated() ? "[" + field.type() + "]" : field.type();
        return switch (kind) {
            case TIME -> "{@code " + type + "}, RFC 3339";
            case FLAG -> "{@code " + type + "}, 1 or 0";
            default -> "{@code " + type + "}";
        };
    }
}
