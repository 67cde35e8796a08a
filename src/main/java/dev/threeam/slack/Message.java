package dev.threeam.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A message to post or redraw: the notification text (always set) and its blocks. */
public record Message(String text, List<LayoutBlock> blocks) {
    public Message {
        text = Limits.plain(text, Limits.MESSAGE_TEXT);
        blocks = List.copyOf(blocks);
    }
}
