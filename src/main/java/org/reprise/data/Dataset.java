package org.reprise.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Columnar table: one primitive array per column, columns in file order. Immutable once built. */
public final class Dataset {
    private final String source;
    private final int rows;
    private final Map<String, Column> columns;

    public Dataset(String source, int rows, List<Column> columns) {
        this.source = source;
        this.rows = rows;
        LinkedHashMap<String, Column> m = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + rows);
            }
            m.put(c.name(), c);
        }
        this.columns = Collections.unmodifiableMap(m);
    }

    /** Where the data came from (the file name as the spec wrote it), for messages. */
    public String source() {
        return source;
    }

    public int rows() {
        return rows;
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column " + name + " in " + source);
        }
        return c;
    }

    public List<String> names() {
        return new ArrayList<>(columns.keySet());
    }

    public List<Column> columns() {
        return new ArrayList<>(columns.values());
    }

    /** A new dataset with the column added (or replaced, keeping its position). */
    public Dataset with(Column column) {
        List<Column> cols = new ArrayList<>();
        boolean replaced = false;
        for (Column c : columns.values()) {
            if (c.name().equals(column.name())) {
                cols.add(column);
                replaced = true;
            } else {
                cols.add(c);
            }
        }
        if (!replaced) {
            cols.add(column);
        }
        return new Dataset(source, rows, cols);
    }
}
