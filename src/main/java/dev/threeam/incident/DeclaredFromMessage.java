package dev.threeam.incident;

import dev.threeam.common.Sentence;

/** Someone declared the incident from a message in Slack ({@code permalink}: the message's link, null when Slack gave none). */
public record DeclaredFromMessage(String by, String channel, String permalink) implements Fact {
    @Override
    public Sentence sentence() {
        Sentence said = Sentence.of("Declared by ").person(by).then(" from a message: ");
        return permalink == null ? said.then("in channel ").quote(channel, 100) : said.quote(permalink, 500);
    }
}
