package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** {@code views.open}, {@code views.push}, {@code views.update}, {@code views.publish}: answers {@code {ok, view}}. */
final class ViewMethods {

    private final SandboxViews views;

    ViewMethods(SandboxViews views) {
        this.views = views;
    }

    void register(Map<String, ApiMethod> methods) {
        methods.put("views.open", this::open);
        methods.put("views.push", this::open);
        methods.put("views.update", this::update);
        methods.put("views.publish", this::publish);
    }

    private ObjectNode open(ApiRequest request) {
        String trigger = request.required("trigger_id", "invalid_trigger_id");
        ObjectNode view = view(request, "modal");
        return answer(views.open(trigger, view));
    }

    private ObjectNode update(ApiRequest request) {
        String viewId = request.optional("view_id");
        String externalId = request.optional("external_id");
        if (viewId == null && externalId == null) {
            throw new SlackApiError("invalid_arguments", "view_id or external_id is required");
        }
        ObjectNode view = request.jsonObject("view", "invalid_arguments");
        if (view == null) {
            throw new SlackApiError("invalid_arguments", "view is required");
        }
        BlockKitLimits.check(view.get("blocks"), BlockKitLimits.VIEW_BLOCKS);
        return answer(views.update(viewId, externalId, request.optional("hash"), view));
    }

    private ObjectNode publish(ApiRequest request) {
        String user = request.required("user_id", "invalid_arguments");
        return answer(views.publishHome(user, view(request, "home")));
    }

    private static ObjectNode view(ApiRequest request, String type) {
        ObjectNode view = request.jsonObject("view", "invalid_arguments");
        if (view == null || !type.equals(view.path("type").asText())) {
            throw new SlackApiError("invalid_arguments", "view must be an object of type " + type);
        }
        if ("modal".equals(type) && !view.path("title").isObject()) {
            throw new SlackApiError("invalid_arguments", "a modal needs a title");
        }
        BlockKitLimits.check(view.get("blocks"), BlockKitLimits.VIEW_BLOCKS);
        return view;
    }

    private static ObjectNode answer(SandboxView view) {
        return SlackJson.ok().set("view", view.view());
    }
}
