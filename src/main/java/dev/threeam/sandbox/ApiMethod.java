package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Web API method of the sandbox: answers {@code {"ok":true,…}} or throws {@link SlackApiError}. */
@FunctionalInterface
interface ApiMethod {

    ObjectNode answer(ApiRequest request);
}
