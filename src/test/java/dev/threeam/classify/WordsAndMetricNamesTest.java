package dev.threeam.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsAndMetricNamesTest {

    @Test
    void names_metrics_and_prose_normalize_to_lower_case_words() {
        assertThat(Words.normalize("RagRecallAt5Low")).isEqualTo("rag recall at5 low");
        assertThat(Words.normalize("ChatTTFTP95High")).isEqualTo("chat ttft p95 high");
        assertThat(Words.normalize("ContractReviewE2ELatencyHigh")).isEqualTo("contract review e2e latency high");
        assertThat(Words.normalize("gen_ai.client.token.usage")).isEqualTo("gen ai client token usage");
        assertThat(Words.normalize("nDCG@5 dropped")).isEqualTo("ndcg@5 dropped");
        assertThat(Words.normalize("LLMs spend 5M tokens/hour")).isEqualTo("llms spend 5m tokens/hour");
        assertThat(Words.normalize("LLMTimeToFirstTokenHigh")).isEqualTo("llm time to first token high");
        assertThat(Words.normalize("RecallAtKLow")).isEqualTo("recall at k low");
        assertThat(Words.normalize("OpenAIHigh5xx")).isEqualTo("open ai high 5xx");
        assertThat(Words.normalize("OpenAIAPIErrors")).isEqualTo("open ai api errors");
        assertThat(Words.normalize("LLMAPI")).isEqualTo("llm api");
    }

    @Test
    void metric_names_come_from_the_promql_of_a_generator_url_without_functions_or_label_names() {
        String url = "http://prom:9090/graph?g0.expr=sum%20by%20%28gen_ai_tool_name%29%20%28rate%28"
                + "function_call_timeout_total%7Bservice%3D%22bot%22%7D%5B5m%5D%29%29%20%3E%200.05&g0.tab=1";

        assertThat(MetricNames.inGeneratorUrl(url)).containsExactly("function_call_timeout_total");
        assertThat(MetricNames.inGeneratorUrl("https://grafana.example.net/alerting/grafana/x/view")).isEmpty();
    }

    @Test
    void metric_names_in_prose_are_snake_case_or_dotted_but_not_host_names() {
        assertThat(MetricNames.inText("p99:trace.langchain.request.duration{service:x} is 41s; see status.openai.com"))
                .containsExactly("trace.langchain.request.duration");
        assertThat(MetricNames.inText("citation_miss_rate is 23% on gpt-4.1")).containsExactly("citation_miss_rate");
    }
}
