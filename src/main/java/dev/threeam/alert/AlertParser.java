package dev.threeam.alert;

import dev.threeam.common.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Turns one source's webhook body into alerts. Bad input is a {@link dev.threeam.common.BadInputException} naming the field. */
public interface AlertParser {

    /** The source id this parser answers for ({@code alertmanager}, {@code grafana}, …). */
    String source();

    List<Alert> parse(JsonNode body);

    default List<Alert> parse(byte[] body) {
        return parse(JsonFields.read(body));
    }
}
