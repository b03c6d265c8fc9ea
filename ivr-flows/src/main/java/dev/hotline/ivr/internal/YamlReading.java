package dev.hotline.ivr.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

/** The one YAML mapper flows and lookup tables are read with. */
final class YamlReading {
    /**
     * The longest text read, in characters. SnakeYAML's default (3 MiB) would refuse a lookup table of some 50,000
     * orders; what is left is a bound on a file that is not a flow or a table at all.
     */
    static final int MOST_CHARACTERS = 256 * 1024 * 1024;
    // rebuild(): builder() alone reads an empty value as "", not null
    // a key written twice is refused: a node copied and not renamed would silently replace the first
    static final YAMLMapper MAPPER = new YAMLMapper(new YAMLFactory().rebuild().loaderOptions(loaderOptions())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private YamlReading() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MOST_CHARACTERS);
        return options;
    }
}
