package dev.threeam.sandbox;

import java.util.Map;

/** One Web API call the bot made: the method ({@code chat.postMessage}) and its parameters, token left out. */
public record SandboxCall(String method, Map<String, String> params) {

    public SandboxCall {
        params = Map.copyOf(params);
    }

    public String param(String name) {
        return params.get(name);
    }
}
