package dev.threeam.classify;

import static dev.threeam.classify.FailureType.POLICY_FAILURE;

import java.util.List;
import java.util.Set;

/**
 * policy_failure: the system answers what it should refuse or escalate, in its many phrasings: refusal and
 * jailbreak words, a skipped human approval or review gate, advice the product must not give, answers outside the
 * product's scope, another customer's or tenant's data in an answer, personal data in output, actions it must not
 * take. The runbook's {@code known_limits} add the workflow's own policy ({@link KnownLimits}).
 */
final class PolicyRules {

    /** Whose data it can be; documents "from other properties" are wrong sources, "of other tenants" someone's data. */
    static final String PEOPLE = "(?:customer|tenant|user|account|client|patient|employee|member|company"
            + "|org|organization|business unit|policyholder|claimant|caller|colleague|student|candidate|merchant"
            + "|household|subscriber|driver|rider|guest|buyer|seller|vendor)";
    private static final String THEIR_DATA = "(?:data|records?|details|information|info|orders?|documents?|docs"
            + "|invoices?|emails?|files?|rows?|history|pii|names?|addresses|balances?|tickets?|claims?|accounts?"
            + "|salar(?:y|ies)|transactions?|chats?|conversations?|messages?|results?|profiles?|charts?|notes)";
    private static final String OUTPUT = "(?:outputs?|answers?|responses?|replies|completions?|summar(?:y|ies)"
            + "|transcripts?|emails?|comments?|messages?|chats?|drafts?|translations?|reports?)";

    /**
     * A party named the way tenants are, by a kind and a letter or number ("fleet A", "tenant 7", "workspace D"); not
     * a step, a version or a time.
     */
    private static final String NAMED_PARTY = "(?!(?:after|in|for|within|under|over|about|around|took|takes|of|at|by|to"
            + "|the|step|stage|phase|version|v|page|line|turn|attempt|retry|round|run|day|week|hour|minute|second|top)\\b)"
            + "[a-z]+ (?:[a-z]|\\d{1,6})(?![\\w%])";
    /** The same with a letter ("fleet A's"): "3 s" after a word is as likely three seconds as a possessive. */
    private static final String NAMED_PARTY_BY_LETTER = NAMED_PARTY.replace("(?:[a-z]|\\d{1,6})", "[a-z]");

    /**
     * In an alert about tenants or accounts, what was shown "belongs to fleet A", or a viewer was "shown fleet A's"
     * records: one tenant saw another's data ("Fleet B dispatcher shown fleet A's VINs").
     */
    static final SignalRule NAMED_PARTYS_DATA = SignalRule.of("named-partys-data", POLICY_FAILURE, 1.0,
            "\\b(?:belong(?:s|ed|ing)? to|owned by|registered to) (?:a |an )?" + NAMED_PARTY
            + "|\\b(?:shown|showed|shows|sees|saw|seeing|served|sent|given|received|gets|got) (?:\\S+ ){0,2}?(?:" + NAMED_PARTY_BY_LETTER
            + "|(?:" + PEOPLE + "|workspace|team|project) \\d{1,6}) s\\b")
            .requiring("\\b(?:tenants?|tenancy|multi ?tenant|isolation|customers?|accounts?|clients?|orgs?|organi[sz]ations?"
                    + "|workspaces?)\\b");

    /** The rules that say a policy was broken (not just that a guardrail is involved), known limits included. */
    static final Set<String> BREACHES = Set.of("must-refuse", "jailbreak", "data-leak", "personal-data-out",
            "other-peoples-data", "named-partys-data", "unfit-audience", "regulated-advice", "skipped-approval", "out-of-scope", "promised", "known-limit");

    static final List<SignalRule> RULES = List.of(
            SignalRule.of("must-refuse", POLICY_FAILURE, 1.0, "\\b(?:should|must|supposed to|required to|meant to)"
                    + "(?: have)?(?: been)? (?:refuse\\w*|decline\\w*|escalat\\w*|block\\w*|reject\\w*|hand\\w* off"
                    + "|handed (?:off|over|to)|routed to a human|redact\\w*)\\b"
                    + "|\\b(?:must|should|may|is allowed to|is supposed to) (?:only|never) (?!exceed|go|drop|fall|be)\\w+"
                    + "|\\b(?:integrity|usage|acceptable use|content|safety|product|house|conduct|compliance|privacy|brand|security)"
                    + " (?:rules?|polic(?:y|ies)|guidelines?)\\b"
                    + "|\\brefusal rate\\b(?: \\S+){0,6}? (?:drop\\w*|down|low|lower|fell|fall\\w*|decreas\\w*)\\b"
                    + "|\\b(?:refusals?|escalation|safety|guardrail|policy|compliance) (?:correctness|accuracy|compliance|adherence"
                    + "|pass rate|recall)\\b|\\b(?:should ?refuse|must ?refuse|red ?team|adversarial|safety|abuse|diagnosis|dosage"
                    + "|medical|legal|self ?harm|fairness|bias|protected \\S+|discrimination|jailbreak|injection|privacy) probes?\\b"
                    + "|\\bpolicy (?:probes?|violations?|breach\\w*|failures?)\\b|\\bviolat\\w* (?:the |our )?"
                    + "(?:\\S+ )?polic(?:y|ies)\\b|\\b(?:disallowed|prohibited|forbidden|banned|restricted) (?:content"
                    + "|topics?|requests?|answers?|actions?|advice|claims?)\\b"
                    + "|\\bcopyrighted (?:text|content|material|code|lyrics)\\b|\\b(?:homework|assignments?|exams?|tests?|essays?"
                    + "|coursework)(?: \\S+){0,3}? (?:full|complete|worked|finished) (?:solutions?|answers?)\\b|\\b(?:full|complete"
                    + "|worked|finished) (?:solutions?|answers?) (?:\\S+ ){0,3}?(?:homework|assignments?|exams?|tests?|essays?)\\b"
                    + "|\\b(?:wrote|writes|did|does|completed) (?:the |their |a )?(?:student s |students )?(?:graded )?(?:homework"
                    + "|assignments?|essays?|coursework)\\b|\\bcheat\\w*|\\bacademic (?:integrity|dishonesty)\\b|\\bcomplian\\w* (?:violations?|breach\\w*"
                    + "|failures?|incidents?)\\b|\\bnon ?complian\\w*\\b"),
            SignalRule.of("jailbreak", POLICY_FAILURE, 1.0, "\\b(?:jailbreak\\w*|prompt injection\\w*"
                    + "|indirect injection|injection (?:attacks?|attempts?|canary|followed|success\\w*)"
                    + "|injected instructions?|(?:guardrail|safety|moderation) (?:bypass\\w*|evasion|miss\\w*|fail\\w*)"
                    + "|bypass\\w* (?:the )?(?:guardrail|safety|moderation|filter)\\w*|red ?team\\w*"
                    + "|(?:moderation|guardrail|safety|content filter|(?<!(?:permission|entitlement|access|acl|visibility|security|tenant"
                    + "|metadata|rbac|group|scope|date|language|region)s? )filter|classifier)s? (?:(?!only )\\S+ )?(?:pass\\w*|lets? through"
                    + "|allow\\w*|miss\\w*|fail\\w* to (?:block|catch|flag|stop))|(?:prompts?|attacks?|requests?|messages?|content|jailbreaks?|attempts?|probes?) (?:\\S+ ){0,3}?(?:got|slipped|gets"
                    + "|get|slip|went) through"
                    + "|ignore (?:all )?previous instructions|system prompt (?:leak\\w*|extract\\w*|disclos\\w*)"
                    + "|(?:told|explained|showed|shown|instructed|taught|helped|walked) (?:\\S+ ){0,4}?how to (?:disable|bypass"
                    + "|circumvent|get around|defeat|jailbreak|hack|evade|remove|turn off|break)"
                    + "|(?:how to|step ?by ?step|instructions? (?:for|to)|a guide to|walkthrough) (?:\\S+ ){0,3}?(?:exploit\\w*"
                    + "|hack\\w*|attack\\w*|phish\\w*|make (?:a )?(?:bomb|weapon|explosive|drug)s?|synthesi[sz]e|steal\\w*)"
                    + "|follow\\w* instructions? (?:found |embedded |hidden )?(?:in|inside) (?:\\S+ )?(?:files?|documents?"
                    + "|emails?|pages?|issues?|repos?\\w*|comments?))\\b"),
            SignalRule.of("data-leak", POLICY_FAILURE, 1.0, "\\b(?:pii|phi|personal (?:data|information|details)"
                    + "|secrets?|credentials?|api keys?|access keys?|tokens? in plain ?text|passwords?|ssns?|credit card\\w*"
                    + "|customer data)(?: \\S+){0,5}? (?:leak\\w*|expos\\w*|disclos\\w*|reveal\\w*|echo\\w*"
                    + "|(?:quoted |shown |printed |included )?in (?:the |its |an? )?" + OUTPUT + ")\\b"
                    + "|\\b(?:leak\\w*|exfiltrat\\w*|expos\\w*|disclos\\w*)(?: \\S+){0,3}? (?:pii|phi|secrets?"
                    + "|credentials?|personal data|api keys?|system prompt|customer data)\\b"
                    + "|\\b(?:internal only|confidential|internal (?:documents?|data|information|notes|roadmap\\w*|pricing)"
                    + "|proprietary|restricted)\\b(?: \\S+){0,5}? (?:shared|disclosed|revealed|leaked|sent|exposed|shown"
                    + "|forwarded)\\b|\\b(?:shared|disclosed|revealed|leaked|sent|exposed|shown|forwarded) (?:\\S+ ){0,3}?"
                    + "(?:internal only|confidential|internal|proprietary|restricted)\\b|\\b(?:shared|disclosed|revealed|leaked|exposed|forwarded)\\b(?: \\S+){0,6}? "
                    + "(?:external|outside|public|third part\\w*|unauthori[sz]ed)\\b"
                    + "|\\bpii\\b|\\bphi\\b|\\bdlp\\b|\\bdata (?:leak\\w*|exfiltration|exposure|loss prevention)\\b|\\bunredacted\\b"
                    + "|\\bredaction (?:failed|failures?|missed|skipped|gaps?|bypass\\w*|broke\\w*|off)\\b"),
            SignalRule.of("personal-data-out", POLICY_FAILURE, 1.0, "\\b(?:email addresses|phone numbers?|home addresses"
                    + "|account numbers?|card numbers?|social security numbers?|dates? of birth|iban|passport numbers?"
                    + "|national ids?|health (?:data|records?|details)|medical (?:details|records?|history)"
                    + "|salar(?:y|ies)|diagnos[ie]s) (?:\\S+ ){0,4}?(?:in|into|inside|within|shown in|exposed in|leaked"
                    + " in|included in|appear\\w* in|returned in) (?:the |its |an? |\\d+ ?%? of )?(?:\\S+ )?" + OUTPUT + "\\b"),
            SignalRule.of("other-peoples-data", POLICY_FAILURE, 1.0, "\\b(?:another|other|wrong|different|foreign"
                    + "|unrelated|someone else s|other people s) " + PEOPLE + "(?:s|es)?(?: s)? " + THEIR_DATA + "\\b"
                    + "|\\bcross (?:tenant|customer|account|org|user|patient|client)\\b|\\b(?:tenant|customer|account"
                    + "|data|row level) (?:isolation|boundary|boundaries|separation|segregation|security) (?:breach\\w*"
                    + "|fail\\w*|violat\\w*|broken|bypass\\w*|leak\\w*|not applied|not enforced)\\b"
                    + "|\\b(?:rls|row level security) (?:bypass\\w*|fail\\w*|broken|violat\\w*|not (?:applied|enforced))\\b"
                    + "|\\bdata (?:from|of|belonging to) (?:another|other|a different) " + PEOPLE + "\\b"
                    + "|\\b(?:belonging to|belongs to|owned by|meant for) (?:a |an |the )?(?:different|another|other|wrong) " + PEOPLE + "\\b"
                    + "|\\b(?:ignor\\w*|bypass\\w*|skipp\\w*) (?:the |document |row |access |folder |file )*permissions?\\b"
                    + "|\\bpermissions? (?:are |were |is |was )?(?:ignored|not (?:applied|enforced|checked)|bypassed)\\b"
                    + "|\\b(?:surfaced|shown|showed|exposed|revealed|returned) (?:\\S+ ){0,4}?to (?:a |an |the )?(?:regular|normal"
                    + "|unauthori[sz]ed|other|any|wrong|random) " + PEOPLE + "s?\\b"),
            NAMED_PARTYS_DATA,
            SignalRule.of("unfit-audience", POLICY_FAILURE, 1.0, "\\b(?:violent|sexual|explicit|graphic|adult|mature|gory"
                    + "|age ?inappropriate|inappropriate|gambling|alcohol) (?:\\S+ ){0,3}?(?:content|material|topics?|images?"
                    + "|stories|language|jokes|conversations?)(?: \\S+){0,4}? (?:to|with|for) (?:minors|children|kids|teens"
                    + "|students|pupils|\\d+ ?year ?olds?|under ?\\d+s?|young users)\\b|\\b(?:shared|disclosed|revealed|read out"
                    + "|gave out|sent|confirmed) (?:\\S+ ){0,5}?(?:to|with) (?:a |an |the )?(?:caller|user|person|someone|visitor"
                    + "|requester|third party)(?: \\S+){0,2}? (?:who (?:failed|did not pass|had not passed|skipped|never passed)"
                    + "|without) (?:\\S+ )?(?:verification|authentication|identity check|pin)\\b|\\bunverified (?:callers?|users?"
                    + "|persons?|requesters?)\\b"
                    + "|\\b(?:members?|subscribers?|premium|paid|paying|internal|staff|employees?|admins?|enterprise|vip|adults?)"
                    + " only (?:\\S+ ){0,3}?(?:shown|served|sent|given|delivered|available|visible|leaked|exposed|returned"
                    + "|summari[sz]ed|surfaced|read out) (?:to|for)\\b|\\bpaywall\\w* (?:bypass\\w*|leak\\w*|broken|skipped|ignored)\\b"
                    + "|\\bentitlements? (?:checks? )?(?:fail\\w*|bypass\\w*|skipped|missing|ignored|not (?:applied|enforced|checked))\\b"),
            SignalRule.of("regulated-advice", POLICY_FAILURE, 1.0, "\\b(?:legal|medical|tax|financial|investment"
                    + "|health|clinical|dosage|medication|treatment|diagnostic|insurance|coverage) (?:advice|recommendations?"
                    + "|opinions?|guidance)\\b|\\b(?:self ?harm|suicid\\w*)\\b|\\b(?:health|medical|therapeutic|clinical) claims?\\b"
                    + "|\\bcur(?:es|ed|ing)\\b(?! time)|\\breplac\\w* (?:\\S+ ){0,3}?(?:medications?|medicines?|prescriptions?"
                    + "|prescribed \\S+|treatments?)\\b"
                    + "|\\b(?:medical|legal|tax|financial|clinical) (?:diagnos\\w*|opinions?|verdicts?|judge?ments?)\\b"
                    + "|\\b(?:dosage|dose|medication|prescription|diagnos\\w*|investment|buy sell|trading) (?:answers?|answered)\\b"
                    + "|\\banswered (?:\\S+ ){0,2}?(?:dosage|dose|medication|prescription|investment|legal|tax) questions\\b"
                    + "|\\b(?:gave|gives|giving|offered|offers|provided|provides|recommend\\w*|suggest\\w*|prescrib\\w*"
                    + "|generated|produced|wrote|issued|made)"
                    + " (?:\\S+ ){0,3}?(?:medical|legal|tax|financial|investment|dosage|doses?|medications?|treatments?"
                    + "|diagnos\\w*|clinical)\\b|\\bdiagnos(?:ed|es|is|ing) (?:a |the )?(?:patient|user|caller|customer)s?\\b"
                    + "|\\bescalations? (?:missed|skipped|failed|not triggered|rate dropped)\\b|\\bmissed escalations?\\b"
                    + "|\\bnot escalated\\b|\\binstead of (?:escalat\\w*|handing (?:off|over)|refus\\w*|routing to a human"
                    + "|transferring)|\\bhand ?offs? (?:missed|failed|skipped)\\b|\\bred ?flag\\w* (?:symptoms? )?"
                    + "(?:missed|answered|not (?:escalated|handed|routed))\\b"),
            SignalRule.of("skipped-approval", POLICY_FAILURE, 1.0, "\\b(?:without|skipp\\w*|bypass\\w*|missing|no"
                    + "|circumvent\\w*|never (?:got|asked for|requested)) (?:a |the |any )?(?:\\S+ )?(?:human |manual |required "
                    + "|mandatory |manager |rep |reviewer |legal |compliance |adjuster |clinician |nurse |agent |two person "
                    + "|customer )?(?:approvals?|reviews?|sign ?offs?|confirmation|human in the loop|hitl|four eyes"
                    + "|second pair of eyes|verification|authori[sz]ation|consent|human handoff|handoff)\\b"
                    + "(?! (?:emails?|messages?|numbers?|codes?|ids?|pages?|headers?|tokens?|keys?|scopes?|servers?|fields?))"
                    + "|\\b(?:approval|review|sign ?off|hitl|human in the loop|confirmation|verification|consent"
                    + "|authori[sz]ation)s? (?:gate |step |check |queue |requirement )?(?:was |were |is |got )?"
                    + "(?:skipped|bypassed|missing|not (?:triggered|applied|enforced|requested|run|performed|asked)"
                    + "|disabled|circumvented|ignored)\\b|\\bauto(?:matically)? ?(?:approved|published|merged|issued"
                    + "|refunded|submitted|granted)\\b"
                    + "|\\bwithout (?:asking|getting|waiting for|checking with|consulting) (?:the |a )?(?:user|customer|caller"
                    + "|human|owner|patient|member|reviewer|agent)s?(?: \\S+){0,2}? (?:to )?(?:confirm\\w*|approv\\w*|consent\\w*"
                    + "|agree\\w*|permission)\\b|\\b(?:on its own|by itself|autonomously|unsupervised)\\b|\\bhumans? (?:must|should|has to"
                    + "|needs to|is required to) (?:\\S+ )?(?:merge|approve|review|sign|confirm|decide|send|check)\\w*\\b"
                    + "|\\bunauthori[sz]ed (?:actions?|writes?|access|changes?|transfers?|refunds?|merges?|approvals?)\\b"),
            SignalRule.of("out-of-scope", POLICY_FAILURE, 1.0, "\\b(?:out of|outside(?: of)?|beyond) (?:the |its |our )?"
                    + "(?:\\S+ s )?(?:scope|remit|mandate|allowed topics|permitted topics|approved topics|use case)\\b"
                    + "|\\boff (?:topic|script|brand|policy)\\b(?! (?:documents?|docs|sources?|passages?|chunks?|results?"
                    + "|hits))|\\bscope (?:violations?|creep|breach\\w*)\\b|\\b(?:answered|answers|answering|responded to"
                    + "|engag\\w* (?:with|in)|discuss\\w*) (?:\\S+ ){0,3}?(?:unrelated|non ?product|political|politics"
                    + "|competitor\\w*|personal|off topic|religio\\w*|elections?)\\b|\\bcompetitor\\w* (?:recommend\\w*"
                    + "|mention\\w*|pricing|products?)\\b|\\brecommend\\w* (?:a |the )?competitor\\w*\\b"),
            SignalRule.of("promised", POLICY_FAILURE, 0.9, "\\b(?:promised|promises|promising|committed to|guaranteed"
                    + "|quoted|offered|offering) (?:\\S+ ){0,3}?(?:refunds?|discounts?|credits?|compensation|payouts?"
                    + "|coverage|exceptions?|prices?|pricing|reimbursements?|waivers?)\\b"
                    + "|\\b(?:discounts?|refunds?|credits?|coupons?|vouchers?|compensation)(?: codes?)? (?:\\S+ ){0,4}?(?:promised"
                    + "|guaranteed|committed)\\b|\\b(?:unapproved|unauthori[sz]ed|off book|non standard) (?:discounts?|prices?|pricing|refunds?"
                    + "|credits?|terms)\\b|\\b(?:drop|truncate) tables?\\b|\\bdelete from\\b|\\b(?:supposed|meant|required)"
                    + " to be read ?only\\b|\\bread ?only (?:violations?|breach\\w*)\\b"
                    + "|\\b(?:destructive|write|delete|drop|update|insert|truncate) (?:sql |queries"
                    + "|query|statements?|operations?)\\b(?: \\S+){0,4}? (?:ran|run|executed|issued|generated|allowed)\\b"),
            SignalRule.of("guardrail", POLICY_FAILURE, 0.6, "\\b(?:guardrails?|moderation|content (?:filter|safety)"
                    + "|safety (?:filter|classifier|check|policy|violation)s?|refus\\w*)\\b").naming());

    private PolicyRules() {}
}
