package dev.threeam.sandbox;

import dev.threeam.testing.MutableClock;
import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxApiTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T02:00:00Z");
    private final SandboxWorkspace workspace = SandboxFixtures.workspace(clock);
    private Javalin server;
    private Slack slack;
    private MethodsClient client;

    @BeforeEach
    void start() {
        SandboxApi api = new SandboxApi(workspace, "xoxb-sandbox");
        server = Javalin.create(config -> api.addRoutes(config.routes)).start("127.0.0.1", 0);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(base() + SandboxApi.PATH_PREFIX);
        config.getMethodsConfig().setExecutorName("sandbox-api-test-" + UUID.randomUUID());
        slack = Slack.getInstance(config);
        client = slack.methods("xoxb-sandbox");
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        server.stop();
    }

    @Test
    void a_message_with_blocks_and_metadata_is_stored_and_answered_as_slack_does() throws Exception {
        ChatPostMessageResponse posted = client.chatPostMessage(request -> request
                .channel("C0INCIDENTS")
                .text("INC-7: Faithfulness 0.71 < 0.85 — café ☕")
                .blocks(card())
                .metadata(Message.Metadata.builder()
                        .eventType("incident_opened")
                        .eventPayload(Map.of("incident", "INC-7"))
                        .build()));

        assertThat(posted.isOk()).as(posted.getError()).isTrue();
        assertThat(posted.getChannel()).isEqualTo("C0INCIDENTS");
        assertThat(posted.getTs()).isEqualTo("1795831200.000000");
        assertThat(posted.getMessage().getText()).isEqualTo("INC-7: Faithfulness 0.71 < 0.85 — café ☕");
        assertThat(posted.getMessage().getBlocks()).hasSize(3);
        assertThat(posted.getMessage().getBotId()).isEqualTo(SandboxWorkspace.BOT_ID);
        assertThat(posted.getMessage().getMetadata().getEventType()).isEqualTo("incident_opened");

        SandboxMessage stored = workspace.message("C0INCIDENTS", posted.getTs()).orElseThrow();
        assertThat(stored.user()).isEqualTo(SandboxWorkspace.BOT_USER_ID);
        assertThat(stored.blocks().get(2).path("elements").get(0).path("action_id").asText()).isEqualTo("q1_tool");
        assertThat(stored.metadata().path("event_payload").path("incident").asText()).isEqualTo("INC-7");
        assertThat(workspace.calls("chat.postMessage")).singleElement()
                .satisfies(call -> assertThat(call.param("channel")).isEqualTo("C0INCIDENTS"))
                .satisfies(call -> assertThat(call.params()).doesNotContainKey("token"));
    }

    @Test
    void timestamps_are_unique_and_increase_even_when_the_clock_stands_still() throws Exception {
        String first = client.chatPostMessage(request -> request.channel("C0INCIDENTS").text("one")).getTs();
        String second = client.chatPostMessage(request -> request.channel("C0INCIDENTS").text("two")).getTs();

        assertThat(first).isEqualTo("1795831200.000000");
        assertThat(second).isEqualTo("1795831200.000100");
    }

    @Test
    void a_message_to_an_unknown_channel_id_creates_that_channel() throws Exception {
        ChatPostMessageResponse posted = client.chatPostMessage(request -> request.channel("C0AIOPS").text("hello"));

        assertThat(posted.isOk()).isTrue();
        assertThat(workspace.channels()).extracting(SandboxChannel::name).containsExactly("incidents", "C0AIOPS");
        assertThat(client.chatPostMessage(request -> request.channel("not a channel").text("x")).getError())
                .isEqualTo("channel_not_found");
    }

    @Test
    void chat_update_replaces_the_message_in_place_and_marks_it_edited() throws Exception {
        String ts = client.chatPostMessage(request -> request.channel("C0INCIDENTS").text("triggered")).getTs();

        ChatUpdateResponse updated = client.chatUpdate(request -> request
                .channel("C0INCIDENTS").ts(ts).text("acknowledged").blocks(card()));

        assertThat(updated.isOk()).as(updated.getError()).isTrue();
        assertThat(updated.getTs()).isEqualTo(ts);
        assertThat(updated.getMessage().getEdited()).isNotNull();
        SandboxMessage stored = workspace.message("C0INCIDENTS", ts).orElseThrow();
        assertThat(stored.text()).isEqualTo("acknowledged");
        assertThat(stored.edited()).isTrue();
        assertThat(stored.blocks()).hasSize(3);
        assertThat(client.chatUpdate(request -> request.channel("C0INCIDENTS").ts("1.000000").text("x")).getError())
                .isEqualTo("message_not_found");
    }

    @Test
    void conversations_replies_returns_the_thread_root_first_with_metadata_when_asked() throws Exception {
        String root = client.chatPostMessage(request -> request.channel("C0INCIDENTS").text("root")
                .metadata(Message.Metadata.builder().eventType("incident_opened")
                        .eventPayload(Map.of("incident", "INC-7")).build())).getTs();
        client.chatPostMessage(request -> request.channel("C0INCIDENTS").threadTs(root).text("first reply"));
        client.chatPostMessage(request -> request.channel("C0INCIDENTS").text("another incident"));
        client.chatPostMessage(request -> request.channel("C0INCIDENTS").threadTs(root).text("second reply"));

        ConversationsRepliesResponse thread = client.conversationsReplies(request -> request
                .channel("C0INCIDENTS").ts(root).includeAllMetadata(true));
        ConversationsRepliesResponse withoutMetadata = client.conversationsReplies(request -> request
                .channel("C0INCIDENTS").ts(root));

        assertThat(thread.isOk()).as(thread.getError()).isTrue();
        assertThat(thread.getMessages()).extracting(Message::getText)
                .containsExactly("root", "first reply", "second reply");
        assertThat(thread.getMessages().get(0).getReplyCount()).isEqualTo(2);
        assertThat(thread.getMessages().get(0).getMetadata().getEventPayload()).containsEntry("incident", "INC-7");
        assertThat(thread.getMessages().get(1).getThreadTs()).isEqualTo(root);
        assertThat(withoutMetadata.getMessages().get(0).getMetadata()).isNull();
    }

    @Test
    void conversations_history_lists_top_level_messages_newest_first() throws Exception {
        String root = client.chatPostMessage(request -> request.channel("C0INCIDENTS").text("older")).getTs();
        client.chatPostMessage(request -> request.channel("C0INCIDENTS").threadTs(root).text("reply"));
        client.chatPostMessage(request -> request.channel("C0INCIDENTS").text("newer"));

        ConversationsHistoryResponse history = client.conversationsHistory(request -> request
                .channel("C0INCIDENTS").limit(10).includeAllMetadata(true));
        ConversationsHistoryResponse firstPage = client.conversationsHistory(request -> request
                .channel("C0INCIDENTS").limit(1));
        ConversationsHistoryResponse afterRoot = client.conversationsHistory(request -> request
                .channel("C0INCIDENTS").oldest(root));

        assertThat(history.getMessages()).extracting(Message::getText).containsExactly("newer", "older");
        assertThat(history.getMessages().get(1).getReplyCount()).isEqualTo(1);
        assertThat(firstPage.isHasMore()).isTrue();
        assertThat(firstPage.getResponseMetadata().getNextCursor()).isNotBlank();
        assertThat(afterRoot.getMessages()).extracting(Message::getText).containsExactly("newer");
    }

    @Test
    void ephemeral_messages_are_kept_for_their_person_only() throws Exception {
        var answer = client.chatPostEphemeral(request -> request
                .channel("C0INCIDENTS").user("U0BOB").text("You may not roll back."));

        assertThat(answer.isOk()).as(answer.getError()).isTrue();
        assertThat(answer.getMessageTs()).isNotBlank();
        assertThat(workspace.ephemerals("U0BOB")).extracting(SandboxEphemeral::text)
                .containsExactly("You may not roll back.");
        assertThat(workspace.ephemerals("U0ALICE")).isEmpty();
    }

    @Test
    void views_open_accepts_a_fresh_trigger_and_refuses_unknown_or_stale_ones() throws Exception {
        String trigger = workspace.views().issueTrigger("U0ALICE");
        View modal = Views.view(view -> view.type("modal").callbackId("q5_examples")
                .title(Views.viewTitle(title -> title.type("plain_text").text("Failed examples")))
                .blocks(List.of(section(s -> s.text(markdownText("Paste the examples"))))));

        ViewsOpenResponse opened = client.viewsOpen(request -> request.triggerId(trigger).view(modal));
        ViewsOpenResponse unknown = client.viewsOpen(request -> request.triggerId("1.2.3").view(modal));
        String staleTrigger = workspace.views().issueTrigger("U0ALICE");
        clock.advance(Duration.ofSeconds(4));
        ViewsOpenResponse stale = client.viewsOpen(request -> request.triggerId(staleTrigger).view(modal));

        assertThat(opened.isOk()).as(opened.getError()).isTrue();
        assertThat(opened.getView().getId()).startsWith("V");
        assertThat(opened.getView().getCallbackId()).isEqualTo("q5_examples");
        assertThat(workspace.views().modals("U0ALICE")).extracting(SandboxView::id)
                .containsExactly(opened.getView().getId());
        assertThat(unknown.getError()).isEqualTo("invalid_trigger_id");
        assertThat(stale.getError()).isEqualTo("expired_trigger_id");
    }

    @Test
    void views_update_and_publish_keep_the_view_id() throws Exception {
        String trigger = workspace.views().issueTrigger("U0ALICE");
        View modal = Views.view(view -> view.type("modal")
                .title(Views.viewTitle(title -> title.type("plain_text").text("One"))).blocks(List.of()));
        String id = client.viewsOpen(request -> request.triggerId(trigger).view(modal)).getView().getId();
        View changed = Views.view(view -> view.type("modal")
                .title(Views.viewTitle(title -> title.type("plain_text").text("Two"))).blocks(List.of()));
        View home = Views.view(view -> view.type("home").blocks(List.of(header(h -> h.text(plainText("Open incidents"))))));

        var updated = client.viewsUpdate(request -> request.viewId(id).view(changed));
        var published = client.viewsPublish(request -> request.userId("U0ALICE").view(home));

        assertThat(updated.getView().getId()).isEqualTo(id);
        assertThat(updated.getView().getTitle().getText()).isEqualTo("Two");
        assertThat(published.isOk()).as(published.getError()).isTrue();
        assertThat(workspace.views().home("U0ALICE")).map(SandboxView::id).contains(published.getView().getId());
        assertThat(workspace.views().home("U0BOB")).isEmpty();
    }

    @Test
    void user_groups_and_users_are_answered_from_the_personas() throws Exception {
        var members = client.usergroupsUsersList(request -> request.usergroup("S0LEGAL"));
        var unknown = client.usergroupsUsersList(request -> request.usergroup("S0NOPE"));
        var user = client.usersInfo(request -> request.user("U0REVIEW1"));
        var auth = client.authTest(request -> request);

        assertThat(members.getUsers()).containsExactly("U0REVIEW1", "U0BOB");
        assertThat(unknown.getError()).isEqualTo("no_such_subteam");
        assertThat(user.getUser().getName()).isEqualTo("rita");
        assertThat(auth.getUserId()).isEqualTo(SandboxWorkspace.BOT_USER_ID);
        assertThat(auth.getBotId()).isEqualTo(SandboxWorkspace.BOT_ID);
        assertThat(auth.getTeamId()).isEqualTo(SandboxWorkspace.TEAM_ID);
    }

    @Test
    void usergroups_list_names_every_group_as_slack_does_with_members_and_count_when_asked() throws Exception {
        var plain = client.usergroupsList(request -> request);
        var full = client.usergroupsList(request -> request.includeUsers(true).includeCount(true));

        assertThat(plain.isOk()).isTrue();
        assertThat(plain.getUsergroups()).extracting(group -> group.getId() + " " + group.getHandle() + " " + group.getName())
                .containsExactlyInAnyOrder("S0MLONCALL mloncall mloncall", "S0LEGAL legal legal");
        assertThat(plain.getUsergroups()).allSatisfy(group -> assertThat(group.getUsers()).isNull());
        assertThat(full.getUsergroups()).filteredOn(group -> group.getId().equals("S0LEGAL")).singleElement()
                .satisfies(group -> {
                    assertThat(group.getUsers()).containsExactly("U0REVIEW1", "U0BOB");
                    assertThat(group.getUserCount()).isEqualTo(2);
                    assertThat(group.isUsergroup()).isTrue();
                });
    }

    @Test
    void blocks_slack_would_refuse_are_refused_with_the_place_named() throws Exception {
        List<LayoutBlock> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(section(s -> s.text(markdownText("line"))));
        }

        var answer = client.chatPostMessage(request -> request.channel("C0INCIDENTS").text("x").blocks(tooMany));

        assertThat(answer.getError()).isEqualTo("invalid_blocks");
        assertThat(workspace.messages("C0INCIDENTS")).isEmpty();
    }

    @Test
    void json_bodies_are_accepted_and_unknown_methods_and_missing_tokens_are_refused() throws Exception {
        String json = post("chat.postMessage", "application/json",
                "{\"channel\":\"C0INCIDENTS\",\"text\":\"from json\",\"blocks\":[{\"type\":\"divider\"}]}", true);
        String unknown = post("chat.scheduleMessage", "application/json", "{}", true);
        String anonymous = post("chat.postMessage", "application/x-www-form-urlencoded", "channel=C0INCIDENTS&text=x", false);

        assertThat(json).contains("\"ok\":true");
        assertThat(workspace.topLevel("C0INCIDENTS")).singleElement()
                .satisfies(message -> assertThat(message.blocks().get(0).path("type").asText()).isEqualTo("divider"));
        assertThat(unknown).isEqualTo("{\"ok\":false,\"error\":\"unknown_method\"}");
        assertThat(anonymous).isEqualTo("{\"ok\":false,\"error\":\"not_authed\"}");
    }

    @Test
    void the_sandboxs_slack_takes_only_the_bots_own_token_so_nothing_else_posts_into_it() {
        ObjectNode refused = new SandboxApi(workspace, "xoxb-sandbox-this-process").call("chat.postMessage",
                Map.of("channel", "C0INCIDENTS", "text", "from elsewhere"), "xoxb-sandbox");

        assertThat(refused.toString()).isEqualTo("{\"ok\":false,\"error\":\"invalid_auth\"}");
        assertThat(workspace.messages("C0INCIDENTS")).isEmpty();
    }

    private String post(String method, String contentType, String body, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + SandboxApi.PATH_PREFIX + method))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withToken) {
            request.header("Authorization", "Bearer xoxb-sandbox");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<LayoutBlock> card() {
        return List.of(
                header(h -> h.text(plainText("INC-7 Faithfulness dropped"))),
                section(s -> s.blockId("q1_text").text(markdownText("*Is the failure in model output…?*"))),
                actions(a -> a.blockId("q1").elements(List.of(
                        button(b -> b.actionId("q1_tool").text(plainText("Tool")).value("tool_failure")),
                        button(b -> b.actionId("q1_retrieval").text(plainText("Retrieval")).value("retrieval_failure")
                                .style("primary"))))));
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }
}
