package dev.threeam.classify;

import static dev.threeam.classify.FailureType.UNCLASSIFIED;

import java.util.List;

/**
 * Infrastructure: Kubernetes, nodes, disks, certificates, database replication, pod restarts, memory. These rules
 * score {@code unclassified}: an alert about the machinery that runs an AI workflow is not an AI failure unless the
 * alert itself shows one, and words that only name an AI component ("the retriever pod") do not count as showing one.
 */
final class InfrastructureRules {

    static final List<SignalRule> RULES = List.of(
            SignalRule.of("infrastructure-latency", UNCLASSIFIED, 1.1, "\\b(?:disk|io|i o|network|dns|database|db"
                    + "|replication|etcd|storage|nfs|ebs|volume) (?:latency|latencies|io wait|slow\\w*)\\b|\\bio ?wait\\b"
                    + "|\\b(?:my ?sql|postgres\\w*|postgre ?sql|maria ?db|sql server|db|database) slow quer\\w*|\\bslow quer(?:y|ies) (?:log|on)\\b"
                    + "|\\block (?:wait|contention)s?\\b"),
            SignalRule.of("kubernetes", UNCLASSIFIED, 1.0, "\\b(?:kube\\w*|k8s|kubernetes|kubelet|crash ?loop\\w*"
                    + "|crash looping|oom ?kill\\w*|oom|out of memory|evicted|evictions?|image ?pull ?back ?off"
                    + "|err ?image ?pull|pvc|persistent ?volume\\w*|pods? (?:restarts?|restarting|not ready|pending"
                    + "|failed|unhealthy|evicted|crash\\w*)|container (?:restarts?|restarting|killed|oom\\w*)"
                    + "|restart(?:s|ing)? (?:count|loop)|(?:deployment|statefulset|daemonset|replicaset|hpa)s? (?:replicas?"
                    + "|generation|mismatch|unavailable|not ready|rollout stuck|at max|maxed)|readiness probe|liveness probe"
                    + "|probe fail\\w*|pod disruption|hpa|max ?replicas|replicas (?:unavailable|mismatch)|exit(?: code)? 137|sigkill|container killed"
                    + "|cron ?jobs?)\\b"),
            SignalRule.of("host", UNCLASSIFIED, 1.0, "\\b(?:cpu (?:usage|throttling|pressure|limit|saturation"
                    + "|utili[sz]ation|high|steal)|(?:memory|mem|heap) (?:usage|pressure|limit|saturation|utili[sz]ation"
                    + "|high|leak)|load average|node (?:not ready|down|unreachable|pressure|memory|disk|exporter|cpu"
                    + "|filesystem|load|network)|high cpu|gpu (?:memory|temperature|xid|ecc|utili[sz]ation)|xid errors?"
                    + "|file descriptors?|too many open files|swap (?:usage|full)|jvm|heap \\d+ ?%|garbage collection|gc pauses?"
                    + "|nat (?:port|gateway)|port exhaustion)\\b"),
            SignalRule.of("health-checks", UNCLASSIFIED, 1.1, "\\bhealth ?checks? (?:are |is )?fail\\w*|\\bunhealthy (?:instances?"
                    + "|targets?|hosts?|backends?|nodes?|replicas?)\\b|\\b\\d+ (?:of|/) \\d+ (?:\\S+ )?(?:instances|replicas|pods"
                    + "|targets|nodes|hosts|backends)\\b"),
            SignalRule.of("disk", UNCLASSIFIED, 1.0, "\\b(?:disk (?:space|full|usage|pressure|io|latency|almost full"
                    + "|filling)|filesystem|file system|inodes?|volume (?:full|almost full|usage|filling)|(?:storage|disk|volume"
                    + "|database|db|table ?space|bucket)(?: \\S+){0,3}? \\d+ ?% full|rds|aurora|cloud sql|ebs|out of (?:disk"
                    + "|space)|no space left|disk)\\b"),
            SignalRule.of("certificate", UNCLASSIFIED, 1.0, "\\b(?:certificates?|cert (?:expir\\w*|renewal)|certs? expir\\w*"
                    + "|tls|ssl|x509|cert manager)\\b"),
            SignalRule.of("database", UNCLASSIFIED, 0.9, "\\b(?:replication (?:lag|delay|broken|stopped|slot\\w*|error\\w*)"
                    + "|replica (?:lag|delay|behind)|wal|postgres\\w*|postgre ?sql|my ?sql|maria ?db|mongo ?db|mongo\\w*|dynamo ?db|(?:database|db) (?:connections?"
                    + "|replica|replication|primary|failover|deadlocks?|locks?|cpu|storage|down)|connection pool"
                    + "|pg (?:stat|bouncer)|pgbouncer|etcd|backups? (?:failed|missing|stale)|vacuum|cluster (?:status )?(?:is )?"
                    + "(?:yellow|red|health\\w*|degraded)|unassigned (?:replica |primary )?shards?|shards? (?:are )?unassigned"
                    + "|(?:host|node|server) (?:reboot\\w*|restart\\w*)|left the cluster|split brain|quorum)\\b"),
            SignalRule.of("platform", UNCLASSIFIED, 0.6, "\\b(?:redis|memcached|kafka|rabbit ?mq|nats|consumer lag|consumer groups?"
                    + "|(?:message|queue|topic|partition) (?:lag|backlog|depth)|\\d+ ?[km]? messages (?:behind|lag\\w*)"
                    + "|queue (?:depth|backlog)|dead letter|nginx|ingress|load balancer|haproxy|envoy|istio|dns"
                    + "|packet loss|ntp|clock skew|heartbeat|target down|watchdog"
                    + "|batch job|jobs? (?:failed|failing)|sip|pstn|telephony|voip|sms gateway|carrier|s3|(?:s3|gcs|storage) buckets?|cdn|network (?:errors|latency|partition)"
                    + "|http 5xx|5xx rate|uptime|health ?check\\w*|instance down|host down|service down|endpoint down)\\b"));

    private InfrastructureRules() {}
}
