package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The top level of analysis.yaml exactly as bound, before defaults that need the folder or other keys. */
record SpecYaml(String title, List<String> authors, @JsonProperty("abstract") String abstractText, Long seed,
                StarsSpec stars, String output, String templates,
                @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<DataSource> data,
                List<ModelSpec> models, List<MatchingSpec> matching, List<DidSpec> did, List<TableSpec> tables,
                List<FigureSpec> figures, List<Section> report) {
    SpecYaml {
        authors = Immutable.list(authors);
        data = Immutable.list(data);
        models = Immutable.list(models);
        matching = Immutable.list(matching);
        figures = Immutable.list(figures);
        tables = Immutable.list(tables);
        report = Immutable.list(report);
        did = Immutable.list(did);
    }
}
