package io.github.commerceconnector.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generated class, checked against the exporter's schema: every non-deprecated field of its record is
 * there with a Javadoc, none is invented, every nested record has its class, and names do not clash.
 *
 * @param spec       what {@code items.json} says about it
 * @param display    its name in messages, e.g. {@code Product.Image}
 * @param properties its fields
 * @param nested     its nested classes (of a top-level class only)
 * @param assumed    whether its record is one this SDK assumes ({@code assumed-schema.json}), not the exporter's
 */
record ItemModel(ItemSpec.ClassSpec spec, String display, List<Property> properties, List<ItemModel> nested,
        boolean assumed) {
    /** The field the exporter adds to every feed item, whether its record lists it or not (PROTOCOL.md §5). */
    static final String DELETED = "deleted";

    /**
     * A field of a generated class.
     *
     * @param name     the JSON name
     * @param javaName the name of its getter and setter
     * @param adder    the name of the method adding one element (repeated fields)
     * @param doc      its Javadoc phrase
     * @param type     its Java type
     * @param wire     the schema's field
     */
    record Property(String name, String javaName, String adder, String doc, JavaType type, ExporterSchema.Field wire) {
    }

    /**
     * Checks a top-level class and its nested classes against the schema.
     *
     * @throws IllegalArgumentException naming the record and field, at the first mismatch
     */
    static ItemModel resolve(ItemSpec.ClassSpec top, ExporterSchema schema) {
        if (!top.topLevel()) {
            throw new IllegalArgumentException(top.name() + " is listed as a top-level class but has no feed");
        }
        Map<String, String> classOfRecord = new HashMap<>();
        classOfRecord.put(top.record(), top.name());
        for (ItemSpec.ClassSpec inner : top.nested()) {
            if (classOfRecord.put(inner.record(), inner.name()) != null) {
                throw new IllegalArgumentException(top.name() + " maps record " + inner.record() + " twice");
            }
        }
        List<ItemModel> nested = new ArrayList<>();
        for (ItemSpec.ClassSpec inner : top.nested()) {
            nested.add(resolveOne(inner, top.name() + "." + inner.name(), schema, classOfRecord));
        }
        ItemModel model = resolveOne(top, top.name(), schema, classOfRecord);
        for (String identity : top.identity()) {
            if (model.properties.stream().noneMatch(property -> property.name().equals(identity))) {
                throw new IllegalArgumentException(top.name() + " names identity field " + identity
                        + ", which record " + top.record() + " does not have");
            }
        }
        return new ItemModel(top, top.name(), model.properties, nested, model.assumed);
    }

    private static ItemModel resolveOne(ItemSpec.ClassSpec spec, String display, ExporterSchema schema,
            Map<String, String> classOfRecord) {
        Map<String, ExporterSchema.Field> record = schema.record(spec.record());
        List<Property> properties = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ItemSpec.FieldSpec field : spec.fields()) {
            String where = "Field " + field.name() + " of " + display + " (record " + spec.record() + ")";
            ExporterSchema.Field wire = record.get(field.name());
            if (wire == null) {
                throw new IllegalArgumentException(where + " is not in the exporter schema: remove it from items.json");
            }
            if (wire.deprecated()) {
                throw new IllegalArgumentException(where + " is deprecated in the exporter schema: leave it out");
            }
            if (!names.add(field.name())) {
                throw new IllegalArgumentException(where + " is listed twice");
            }
            String nestedClass = null;
            if (wire.nested()) {
                nestedClass = classOfRecord.get(wire.type());
                if (nestedClass == null) {
                    throw new IllegalArgumentException(where + " nests record " + wire.type()
                            + ", which has no class: add one to the nested classes of its top-level class");
                }
            }
            properties.add(new Property(field.name(), field.javaName(), field.adder(), field.doc(),
                    JavaType.of(wire, field.kind(), nestedClass, where), wire));
        }
        for (ExporterSchema.Field wire : record.values()) {
            if (!wire.deprecated() && !names.contains(wire.name())) {
                throw new IllegalArgumentException("Field " + wire.name() + " (" + wire.type() + ") of record "
                        + spec.record() + " has no entry in items.json: add it to " + display + " with its Javadoc");
            }
        }
        if (spec.topLevel() && !names.contains(DELETED)) {
            ExporterSchema.Field deleted = new ExporterSchema.Field(DELETED, "Boolean", false, false);
            properties.add(new Property(DELETED, DELETED, null, "{@code true} to delete it from the data space (the "
                    + "exporter adds this field to every item)", JavaType.of(deleted, null, null, DELETED), deleted));
        }
        checkFactoriesAndRules(spec, display, properties);
        return new ItemModel(spec, display, properties, List.of(), schema.assumed(spec.record()));
    }

    private static void checkFactoriesAndRules(ItemSpec.ClassSpec spec, String display, List<Property> properties) {
        Set<String> known = new HashSet<>();
        properties.forEach(property -> known.add(property.name()));
        for (ItemSpec.FactorySpec factory : spec.factories()) {
            for (String param : factory.params()) {
                if (!known.contains(param)) {
                    throw new IllegalArgumentException("Factory " + factory.name() + " of " + display
                            + " takes unknown field " + param);
                }
            }
        }
        for (List<String> pair : spec.exactlyOne()) {
            if (pair.size() != 2 || !known.containsAll(pair)) {
                throw new IllegalArgumentException("Rule exactlyOne " + pair + " of " + display
                        + " must name two of its fields");
            }
        }
    }

    /** A field by JSON name. */
    Property property(String name) {
        return properties.stream().filter(property -> property.name().equals(name)).findFirst().orElseThrow();
    }
}
