package dev.threeam.alert;

import dev.threeam.common.Text;
import dev.threeam.common.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsers by source id: {@code alertmanager}, {@code grafana}, {@code datadog}, {@code langsmith},
 * {@code generic}. The web layer calls {@link #parse(String, byte[])} with the body as it arrived.
 */
public final class AlertParsers {

    private final Map<String, AlertParser> bySource = new LinkedHashMap<>();

    public AlertParsers() {
        this(List.of(new AlertmanagerParser(), new GrafanaParser(), new DatadogParser(),
                new LangSmithParser(), new GenericParser()));
    }

    public AlertParsers(List<AlertParser> parsers) {
        parsers.forEach(parser -> bySource.put(parser.source(), parser));
    }

    /** Every alert in the body, or a {@link BadInputException} saying what is wrong and where. */
    public List<Alert> parse(String source, byte[] body) {
        AlertParser parser = bySource.get(source);
        if (parser == null) {
            throw new BadInputException("source: unknown alert source \"" + Text.cap(String.valueOf(source), 40)
                    + "\", expected one of " + String.join(", ", bySource.keySet()));
        }
        return parser.parse(body);
    }

    public List<String> sources() {
        return List.copyOf(bySource.keySet());
    }
}
