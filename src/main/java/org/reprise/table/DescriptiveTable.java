package org.reprise.table;

import java.util.ArrayList;
import java.util.List;
import org.reprise.results.Descriptives;
import org.reprise.results.Summary;
import org.reprise.table.Table.Cell;
import org.reprise.table.Table.ColumnKind;
import org.reprise.table.Table.HeaderRow;
import org.reprise.table.Table.Row;
import org.reprise.table.Table.Section;
import org.reprise.table.Table.Span;

/**
 * The paper's Table 1 layout: group, variable, label, description, then the chosen statistics.
 * Text columns with no content in any row are left out; a new section starts where the group changes.
 */
public final class DescriptiveTable {
    private DescriptiveTable() {
    }

    /** Per-variable text shown beside the numbers. */
    public record Meta(String group, String label, String description) {
    }

    public static Table build(String id, String title, Descriptives d, List<Meta> meta, List<String> stats,
                              List<String> statLabels, List<Integer> decimals, List<String> notes) {
        boolean hasGroup = meta.stream().anyMatch(m -> notBlank(m.group()));
        boolean hasLabel = meta.stream().anyMatch(m -> notBlank(m.label()));
        boolean hasDesc = meta.stream().anyMatch(m -> notBlank(m.description()));
        List<ColumnKind> kinds = new ArrayList<>();
        List<Span> head = new ArrayList<>();
        if (hasGroup) {
            kinds.add(ColumnKind.TEXT);
            head.add(new Span("Group", 1));
        }
        kinds.add(ColumnKind.TEXT);
        head.add(new Span("Variable", 1));
        if (hasLabel) {
            kinds.add(ColumnKind.TEXT);
            head.add(new Span("Label", 1));
        }
        if (hasDesc) {
            kinds.add(ColumnKind.TEXT);
            head.add(new Span("Description", 1));
        }
        for (int k = 0; k < stats.size(); k++) {
            kinds.add(ColumnKind.NUMBER);
            String label = statLabels.get(k);
            head.add(new Span(label == null || label.isEmpty() ? statLabel(stats.get(k)) : label, 1));
        }
        List<Section> sections = new ArrayList<>();
        List<Row> current = new ArrayList<>();
        String lastGroup = null;
        for (int i = 0; i < d.rows().size(); i++) {
            Summary s = d.rows().get(i);
            Meta m = meta.get(i);
            String group = m.group() == null ? "" : m.group();
            boolean newGroup = lastGroup == null || !group.equals(lastGroup);
            if (newGroup && !current.isEmpty() && hasGroup) {
                sections.add(new Section(current));
                current = new ArrayList<>();
            }
            List<Cell> cells = new ArrayList<>();
            if (hasGroup) {
                cells.add(Cell.text(newGroup ? group : ""));
            }
            cells.add(Cell.text(s.variable()));
            if (hasLabel) {
                cells.add(Cell.text(m.label() == null ? "" : m.label()));
            }
            if (hasDesc) {
                cells.add(Cell.text(m.description() == null ? "" : m.description()));
            }
            for (int k = 0; k < stats.size(); k++) {
                String stat = stats.get(k);
                double v = s.get(stat);
                String text = stat.equals("n") ? Numbers.count(v) : Numbers.fixed(v, decimals.get(k));
                cells.add(new Cell(text, "", "descriptives/" + d.id() + "/" + s.variable() + "/" + stat));
            }
            current.add(new Row(cells));
            lastGroup = group;
        }
        if (!current.isEmpty()) {
            sections.add(new Section(current));
        }
        return new Table(id, title, kinds, List.of(new HeaderRow(head, false)), sections, List.copyOf(notes));
    }

    static String statLabel(String stat) {
        return switch (stat) {
            case "n" -> "N";
            case "mean" -> "Mean";
            case "sd" -> "SD";
            case "min" -> "Min";
            case "max" -> "Max";
            case "median" -> "Median";
            default -> stat;
        };
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
