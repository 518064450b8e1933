package org.reprise.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.reprise.UserError;

/**
 * A loaded and validated analysis.yaml (see docs/spec.md). Every reference resolves (models to sources, tables to
 * models and sources, report sections to tables), ids are unique, and defaults are filled in: no component is null
 * except an absent {@link DataSource#panel()}.
 *
 * @param abstractText the YAML key {@code abstract}; empty when absent
 * @param output       output folder relative to {@link #baseDir()}, default "output"
 * @param templates    templates folder relative to {@link #baseDir()}; empty for the built-in templates
 * @param report       sections in order; default one section without heading holding every table
 * @param baseDir      the absolute folder of the spec file; relative paths resolve against it
 * @param locations    where each key of the file is, for error messages of later stages
 */
public record Spec(String title, List<String> authors, String abstractText, long seed, StarsSpec stars,
                   String output, String templates, List<DataSource> data, List<ModelSpec> models,
                   List<MatchingSpec> matching, List<TableSpec> tables, List<FigureSpec> figures, List<Section> report, Path baseDir, Locations locations,
                   List<DidSpec> did) {
    public Spec {
        authors = Immutable.list(authors);
        data = Immutable.list(data);
        models = Immutable.list(models);
        matching = Immutable.list(matching);
        figures = Immutable.list(figures);
        tables = Immutable.list(tables);
        report = Immutable.list(report);
        did = Immutable.list(did);
    }

    /** The model with this id; IllegalArgumentException if there is none (ids were validated at load). */
    public ModelSpec model(String id) {
        return models.get(modelIndex(id));
    }

    /** The same spec with other data sources (e.g. with labels read from the data files). */
    public Spec withData(List<DataSource> sources) {
        return new Spec(title, authors, abstractText, seed, stars, output, templates, sources, models, matching, tables,
                figures, report, baseDir, locations, did);
    }

    /** The figure with this id; IllegalArgumentException if there is none. */
    public FigureSpec figure(String id) {
        for (FigureSpec f : figures) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no figure " + id);
    }

    /** The DID analysis with this id; IllegalArgumentException if there is none. */
    public DidSpec did(String id) {
        for (DidSpec d : did) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no did " + id);
    }

    /** The matching analysis with this id; IllegalArgumentException if there is none. */
    public MatchingSpec matching(String id) {
        for (MatchingSpec m : matching) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no matching " + id);
    }

    /** Pointer of a matching analysis, e.g. "/matching/0". */
    public String matchingPointer(String id) {
        for (int i = 0; i < matching.size(); i++) {
            if (matching.get(i).id().equals(id)) {
                return "/matching/" + i;
            }
        }
        throw new IllegalArgumentException("no matching " + id);
    }

    /** The data source with this name; IllegalArgumentException if there is none. */
    public DataSource source(String name) {
        return data.get(sourceIndex(name));
    }

    /** The table with this id; IllegalArgumentException if there is none. */
    public TableSpec table(String id) {
        return tables.get(tableIndex(id));
    }

    /** The data source a model reads. */
    public DataSource sourceOf(ModelSpec model) {
        return source(model.data());
    }

    /** A path written in the spec, resolved against the spec's folder. */
    public Path resolve(String relative) {
        return baseDir.resolve(relative).normalize();
    }

    /** The absolute output folder. */
    public Path outputDir() {
        return resolve(output);
    }

    /** The absolute templates folder, or empty for the built-in templates. */
    public Optional<Path> templatesDir() {
        return templates.isEmpty() ? Optional.empty() : Optional.of(resolve(templates));
    }

    /** "file:line:column" of the value at a JSON pointer such as "/models/2/outcome" (or of its nearest parent). */
    public String locate(String pointer) {
        return locations.locate(pointer);
    }

    /** A UserError located at the value of {@code pointer}: "file:line:column: message". */
    public UserError errorAt(String pointer, String message) {
        return locations.error(pointer, message);
    }

    /** Pointer of a model, e.g. "/models/2"; append "/outcome" etc. */
    public String modelPointer(String id) {
        return "/models/" + modelIndex(id);
    }

    /** Pointer of a table, e.g. "/tables/0". */
    public String tablePointer(String id) {
        return "/tables/" + tableIndex(id);
    }

    /** Pointer of a data source: "/data/1", or "/data" when the file gives a single source as a map. */
    public String sourcePointer(String name) {
        return sourcePointer(locations, sourceIndex(name));
    }

    static String sourcePointer(Locations locations, int index) {
        boolean single = locations.token("/data") == com.fasterxml.jackson.core.JsonToken.START_OBJECT;
        return single ? "/data" : "/data/" + index;
    }

    private int modelIndex(String id) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no model " + id);
    }

    private int sourceIndex(String name) {
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no data source " + name);
    }

    private int tableIndex(String id) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no table " + id);
    }
}
