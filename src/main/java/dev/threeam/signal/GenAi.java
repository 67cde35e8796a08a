package dev.threeam.signal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The OpenTelemetry GenAI semantic conventions 3am reads, with the older names instrumentations still send.
 * Metric names compare with {@code .} and {@code _} alike and without a Prometheus unit suffix, so
 * {@code gen_ai_client_operation_duration_seconds} is {@code gen_ai.client.operation.duration}.
 */
final class GenAi {

    enum MetricKind { TOKEN_USAGE, OPERATION_DURATION, TIME_TO_FIRST_CHUNK, TOOL_DURATION }

    static final String EVALUATION_EVENT = "gen_ai.evaluation.result";
    static final String[] EVALUATION_NAME = {"gen_ai.evaluation.name"};
    static final String[] EVALUATION_SCORE = {"gen_ai.evaluation.score.value", "gen_ai.evaluation.score"};
    static final String[] EVENT_NAME = {"event.name"};
    static final String[] TOKEN_TYPE = {"gen_ai.token.type", "llm.usage.token_type"};
    static final String[] MODEL = {"gen_ai.response.model", "gen_ai.request.model", "llm.response.model", "llm.request.model"};
    static final String[] TOOL_NAME = {"gen_ai.tool.name", "tool.name"};
    static final String[] ERROR_TYPE = {"error.type"};
    /** Where a workflow's name is looked for: on the point or log record first, then on its resource. */
    static final String[] WORKFLOW_ON_POINT = {"gen_ai.workflow.name", "workflow"};
    static final String[] WORKFLOW_ON_RESOURCE = {"gen_ai.workflow.name", "workflow", "service.name"};

    private static final List<Name> METRICS = List.of(
            new Name("gen_ai.client.token.usage", MetricKind.TOKEN_USAGE),
            new Name("gen_ai.client.operation.duration", MetricKind.OPERATION_DURATION),
            new Name("gen_ai.server.request.duration", MetricKind.OPERATION_DURATION),
            new Name("gen_ai.client.operation.time_to_first_chunk", MetricKind.TIME_TO_FIRST_CHUNK),
            new Name("gen_ai.client.time_to_first_token", MetricKind.TIME_TO_FIRST_CHUNK),
            new Name("gen_ai.server.time_to_first_token", MetricKind.TIME_TO_FIRST_CHUNK),
            new Name("llm.openai.chat_completions.streaming_time_to_first_token", MetricKind.TIME_TO_FIRST_CHUNK),
            new Name("gen_ai.execute_tool.duration", MetricKind.TOOL_DURATION),
            new Name("gen_ai.client.tool.duration", MetricKind.TOOL_DURATION));

    private record Name(String name, MetricKind kind) {}

    private GenAi() {}

    static Optional<MetricKind> kind(String metric) {
        String wanted = normalize(metric);
        return METRICS.stream().filter(name -> normalize(name.name()).equals(wanted)).map(Name::kind).findFirst();
    }

    /** {@code Answer.Relevance}, {@code answer_relevance} and {@code answer.relevance} are one name. */
    static String normalize(String name) {
        String text = name.strip().toLowerCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        for (String suffix : List.of("_seconds", "_milliseconds", "_total")) {
            if (text.endsWith(suffix)) {
                return text.substring(0, text.length() - suffix.length());
            }
        }
        return text;
    }

    /** input or output; older instrumentations say prompt and completion. */
    static boolean outputTokens(String tokenType) {
        String type = tokenType.toLowerCase(Locale.ROOT);
        return type.equals("output") || type.equals("completion");
    }

    /** Seconds per unit of a duration metric: {@code s} (the convention), {@code ms}, {@code us}, {@code ns}. */
    static double secondsPer(String unit) {
        return switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "ms", "millisecond", "milliseconds" -> 1e-3;
            case "us", "µs", "microsecond", "microseconds" -> 1e-6;
            case "ns", "nanosecond", "nanoseconds" -> 1e-9;
            default -> 1;
        };
    }
}
