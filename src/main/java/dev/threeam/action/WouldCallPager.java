package dev.threeam.action;

/**
 * A pager in sandbox mode: answers what it would send and sends nothing, whatever the settings say, so a demo never
 * wakes anyone. {@code SANDBOX_REAL_CALLS=true} uses the real pager instead (see {@link ExternalCalls}).
 */
final class WouldCallPager implements Pager {

    private final Pager real;

    WouldCallPager(Pager real) {
        this.real = real;
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public PageResult page(PageRequest request) {
        return PageResult.wouldCall(describe(request));
    }

    @Override
    public String describe(PageRequest request) {
        return real.describe(request);
    }
}
