package dev.threeam.sandbox;

import dev.threeam.config.Config;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local Slack workspace of sandbox mode, put together from the runbooks: an on-call who belongs to every user
 * group the runbooks name, their reviewers, and a visitor with no permission, so permissions can be tried.
 */
public final class Sandbox {

    public static final String ON_CALL = "U0ONCALL";
    public static final String VISITOR = "U0VISITOR";

    private final SandboxWorkspace workspace;
    private final SandboxApi api;
    private final SandboxPage page;
    private final SignalSpikes spikes;

    private Sandbox(SandboxWorkspace workspace, SandboxApi api, SandboxPage page, SignalSpikes spikes) {
        this.workspace = workspace;
        this.api = api;
        this.page = page;
        this.spikes = spikes;
    }

    /**
     * @param botToken the token the bot calls this workspace's Web API with: the only one it accepts
     */
    public static Sandbox create(RunbookRegistry runbooks, String baseUrl, String signingSecret, String botToken, Clock clock,
            Config config) {
        Set<String> groups = new LinkedHashSet<>();
        Set<String> reviewers = new LinkedHashSet<>();
        Set<String> users = new LinkedHashSet<>();
        for (Runbook book : runbooks.all()) {
            for (Runbook.Owner owner : book.owners().values()) {
                for (String id : owner.slack()) {
                    if (id.startsWith("S")) {
                        groups.add(id);
                    } else if (owner.role().equals("reviewer")) {
                        reviewers.add(id);
                    } else {
                        users.add(id);
                    }
                }
            }
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        groups.forEach(group -> members.put(group, List.of(ON_CALL)));
        List<SandboxUser> personas = new ArrayList<>();
        personas.add(new SandboxUser(ON_CALL, "oncall", "on-call: member of " + (groups.isEmpty() ? "no group" : String.join(", ", groups))));
        reviewers.forEach(id -> personas.add(new SandboxUser(id, "reviewer-" + id.substring(Math.max(0, id.length() - 4)).toLowerCase(),
                "reviewer named in the runbooks")));
        users.forEach(id -> personas.add(new SandboxUser(id, "owner-" + id.substring(Math.max(0, id.length() - 4)).toLowerCase(),
                "owner named in the runbooks")));
        personas.add(new SandboxUser(VISITOR, "visitor", "no permission: in no group, no runbook role"));
        SandboxWorkspace workspace = new SandboxWorkspace(clock, personas, members);
        // a runbook names its channel by id; the page shows it by the workflow's name, as a real workspace would by its own
        runbooks.all().forEach(book -> workspace.nameChannel(book.channel(), book.workflow()));
        SampleFire sample = new SampleFire(baseUrl, config.webhookTokens().stream().findFirst().orElse(null), runbooks, clock);
        return new Sandbox(workspace, new SandboxApi(workspace, botToken),
                new SandboxPage(workspace, baseUrl, signingSecret, clock, sample::fire, hostNames(config)),
                new SignalSpikes(baseUrl, config.webhookToken(), runbooks, clock));
    }

    /** The names browsers may reach the page by besides localhost and IP addresses: HOST and PUBLIC_URL's host. */
    private static Set<String> hostNames(Config config) {
        Set<String> names = new LinkedHashSet<>();
        names.add(config.host());
        try {
            String publicHost = java.net.URI.create(config.publicUrl()).getHost();
            if (publicHost != null) {
                names.add(publicHost);
            }
        } catch (IllegalArgumentException e) {
            // a PUBLIC_URL that is no URL names no host
        }
        return names;
    }

    public void addRoutes(RoutesConfig routes) {
        api.addRoutes(routes);
        page.addRoutes(routes);
        spikes.addRoutes(routes); // under /sandbox: the page's same-origin guard runs first
    }

    public SandboxWorkspace workspace() {
        return workspace;
    }
}
