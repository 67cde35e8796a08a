package dev.threeam.action;

/** Sandbox mode: no silence is made; the thread shows the call that would have been. */
final class WouldCallSilencer implements Silencer {

    private final String baseUrl;

    WouldCallSilencer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public SilenceCall create(SilenceSpec spec) {
        return SilenceCall.wouldCall(AlertmanagerSilencer.describeCreate(baseUrl, spec));
    }

    @Override
    public SilenceCall expire(String silenceId) {
        return SilenceCall.wouldCall("DELETE " + (baseUrl == null ? "${ALERTMANAGER_URL}" : baseUrl) + "/api/v2/silence/" + silenceId);
    }
}
