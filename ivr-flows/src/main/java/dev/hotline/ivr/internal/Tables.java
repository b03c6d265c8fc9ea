package dev.hotline.ivr.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hotline.ivr.FlowError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads lookup tables: CSV with a header row ({@code .csv}) or a YAML list of mappings ({@code .yaml}/{@code .yml}). */
public final class Tables {
    private static final CsvMapper CSV = new CsvMapper();
    private static final YAMLMapper YAML = YamlReading.MAPPER;

    private Tables() {
    }

    /** A table's rows (column to text value) in file order, or a problem naming the table. */
    public static Optional<List<Map<String, String>>> read(String name, String text, List<FlowError> errors) {
        try {
            if (name.endsWith(".csv")) {
                return Optional.of(readCsv(text));
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return readYaml(name, text, errors);
            }
            errors.add(new FlowError(name, Optional.empty(), "a lookup table is a .csv or .yaml file"));
        } catch (JsonProcessingException e) {
            // Jackson's own message ends with the source's description; the line is what an admin needs
            Optional<Integer> unclosed = name.endsWith(".csv") ? unclosedQuote(text) : Optional.empty();
            errors.add(new FlowError(name, Optional.empty(), unclosed.isPresent()
                    ? "not a readable table: a quote opened on line " + unclosed.get() + " is never closed"
                    : "not a readable table: " + e.getOriginalMessage()
                            + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        } catch (IOException e) {
            errors.add(new FlowError(name, Optional.empty(), "not a readable table: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * The line of a CSV text's quote that is never closed, if any: Jackson reports where it gave up, the end of the
     * file, which says nothing of where to look.
     */
    private static Optional<Integer> unclosedQuote(String text) {
        boolean open = false;
        int line = 1;
        int openedOn = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                open = !open;   // a doubled quote inside a value closes and opens again: the count still works
                if (open) {
                    openedOn = line;
                }
            } else if (c == '\n') {
                line++;
            }
        }
        return open ? Optional.of(openedOn) : Optional.empty();
    }

    private static List<Map<String, String>> readCsv(String text) throws IOException {
        // what a spreadsheet's "CSV UTF-8" export starts with: not part of the first column's name
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new IOException("it is empty: a table starts with a header line naming its columns");
        }
        String header = text.lines().findFirst().orElse("");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String name : header.split(",", -1)) {
            String column = name.strip();
            if (column.length() >= 2 && column.startsWith("\"") && column.endsWith("\"")) {
                column = column.substring(1, column.length() - 1);
            }
            if (!names.add(column)) {
                // two columns of one name: a look-up could read either
                throw new IOException("the header names column '" + column + "' twice");
            }
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(false);
        List<Map<String, String>> rows = new ArrayList<>();
        // a row with fewer values than the header names is refused, not read with columns missing
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema)
                .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS).readValues(text)) {
            while (it.hasNextValue()) {
                rows.add(Map.copyOf(it.nextValue()));
            }
        }
        return rows;
    }

    private static Optional<List<Map<String, String>>> readYaml(String name, String text, List<FlowError> errors)
            throws IOException {
        JsonNode root = YAML.readTree(text);
        if (root == null || !root.isArray()) {
            errors.add(new FlowError(name, Optional.empty(), "expected a list of rows (mappings)"));
            return Optional.empty();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        int index = 0;
        for (JsonNode row : root) {
            index++;
            if (!row.isObject()) {
                errors.add(new FlowError(name, Optional.empty(), "row " + index + ": expected a mapping"));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : row.properties()) {
                values.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : "");
            }
            rows.add(Map.copyOf(values));
        }
        return Optional.of(rows);
    }
}
