package dev.threeam.classify;

import static dev.threeam.classify.FailureType.QUALITY_DRIFT;

import java.util.List;

/** quality_drift: the model's output got worse (evals, judges, sampled review, unsafe or malformed output). */
final class QualityRules {

    /**
     * A metric named a score, rating or grade falling under its threshold, with nothing else said: the product's
     * output is judged worse. Weak on purpose: any other type's own words outweigh it.
     */
    static final SignalRule FALLING_SCORE = SignalRule.of("falling-score", QUALITY_DRIFT, 0.6,
            "\\b(?<!health |risk |anomaly |credit |fraud |reputation |cvss |security |spam )(?:score|scores|rating|ratings"
            + "|grade|grades)(?: \\S+){0,2}? (?:<|<=|below|under|low|lower|drop\\w*|fell|fall\\w*|declin\\w*|down|decreas\\w*"
            + "|degrad\\w*|regress\\w*)(?: |$)");

    /**
     * A metric the prose says was measured on the output ("precision@10 of the summaries", "accuracy of the
     * answers", "finding recall of generated impressions": whatever was generated, drafted or written is output):
     * the output's quality, whatever the metric's name borrows from retrieval.
     */
    static final SignalRule MEASURED_ON_OUTPUT = SignalRule.of("measured-on-output", QUALITY_DRIFT, 1.0,
            "\\b(?:precision|recall|accuracy|relevan(?:ce|cy)|ndcg|f1|correctness)(?: ?@ ?(?:\\d+|k))? (?:of|on|for|in) (?:the |our "
            + "|its |sampled )*(?:(?:generated|drafted|written|produced|model written|ai written) \\S+|(?:summar(?:y|ies)"
            + "|answers?|outputs?|responses?|replies|drafts?|translations?|completions?|generations?)\\b)");

    /**
     * Errors in what the model wrote, of a kind only content can have ("11% of drafts contain arithmetic errors",
     * "summaries with calculation mistakes"): the output's quality, not a failing call.
     */
    static final SignalRule CONTENT_ERRORS = SignalRule.of("content-errors", QUALITY_DRIFT, 0.9,
            "\\b(?:arithmetic|math|maths|calculation|computation|rounding|spelling|grammar|grammatical|numeric(?:al)?"
            + "|unit conversion) (?:errors?|mistakes?|slips?)\\b"
            + "|\\b(?<!api |tool |http |server |function )(?:answers?|outputs?|summar(?:y|ies)|replies|translations?"
            + "|drafts?|completions?|generations?) (?:\\S+ ){0,2}?(?:contain|contains|containing|have|has|with|show|shows)"
            + " (?:\\S+ ){0,2}?(?:errors?|mistakes?)\\b");

    /**
     * What the model was given to read, or a pipeline's data, rather than what it wrote: their completeness is not
     * the output's ("context completeness" stays retrieval, "trace completeness" is telemetry).
     */
    private static final String NOT_OUTPUT = "(?<!context |contexts |retrieval |retrieved |search |index |corpus |data "
            + "|dataset |ingest |ingestion |crawl |sync |document |documents |doc |docs |source |sources |record |records "
            + "|catalog |trace |traces |span |spans |log |logs |telemetry |metric |metrics |backup |snapshot |feed |export "
            + "|kb |chunk |chunks |passage |passages |profile |metadata |event |events |schema |upload |uploads |file |files )";

    /**
     * A measure of how complete or how faithful the output is ("pa_letter_completeness below 0.85", "paraphrase
     * fidelity below 0.75"): the output's quality, like faithfulness, whatever it was written about. The completeness
     * of what the model was given, or of data, is not the output's; high- or low-fidelity mockups, a data copy's
     * fidelity and a company called Fidelity are no measure of what was written.
     */
    /**
     * The people who check the model's drafts keeping (accepting, sending as written) only a share of them
     * ("charge nurses kept 58% of drafted plans", "letter acceptance below 80%"): how much of the output survives
     * its reviewers is a measure of the output.
     */
    static final SignalRule DRAFTS_KEPT = SignalRule.of("drafts-kept", QUALITY_DRIFT, 0.9,
            "\\b(?:kept|keep|accepted|accept|sent|used|approved) (?:only |just )?(?:about |around )?\\d+(?: \\d+)? ?% of (?:the |its |their )?"
            + "(?:\\S+ )?(?:drafts?|drafted|suggest\\w*|generated|proposed|answers?|replies|summar(?:y|ies)|plans?|outputs?"
            + "|responses?|letters?|notes)\\b"
            + "|\\b(?:drafts?|plans?|suggestions?|answers?|replies|summar(?:y|ies)|outputs?|responses?|letters?|notes|completions?)"
            + " (?:acceptance|keep|kept|accept) (?:rate |ratio )?(?:below|under|fell|dropped|down|at \\d)"
            + "|\\b(?:kept|accepted|sent) (?:as drafted|as written|unedited|without edits)\\b");

    static final SignalRule COMPLETE_AND_FAITHFUL = SignalRule.of("completeness-fidelity", QUALITY_DRIFT, 1.0,
            "\\b" + NOT_OUTPUT + "completeness\\b|\\b(?<!data |dataset |trace |traces |telemetry |log |logs |backup |snapshot "
            + "|replica |replication |export |high |low |hi |lo )fidelity\\b(?! (?:api|apis|investments?|connector|accounts?"
            + "|client|integration)\\b)");

    /**
     * An output checked against criteria or a rubric ("clinical_criteria_match avg < 0.8", "rubric adherence 0.7"):
     * an evaluator's verdict on what was written. Search, filter or routing criteria are the query's, not the output's.
     */
    static final SignalRule CRITERIA_MATCH = SignalRule.of("criteria-match", QUALITY_DRIFT, 0.9,
            "\\b(?<!search |filter |query |selection |matching |routing |alert |alerting )(?:criteria|criterion|rubric)"
            + " (?:match|matches|matched|matching|adherence|met|pass (?:rate|ratio)|coverage|satisf\\w*|conformance"
            + "|alignment|fit)\\b");

    /**
     * Steps of generated instructions in the wrong order ("wrong step order", "steps out of sequence", "step-order
     * error rate"): what was written is wrong, as much as a wrong fact. Events or messages arriving out of order are
     * a pipeline's, not the model's.
     */
    static final SignalRule STEP_ORDER = SignalRule.of("step-order", QUALITY_DRIFT, 0.9,
            "\\b(?:wrong|incorrect|bad|swapped|reversed|jumbled|scrambled|illogical|mixed up) (?:\\S+ )?steps? ?(?:order"
            + "|ordering|sequence|sequencing)\\b|\\bsteps? ?(?:order|ordering|sequence|sequencing) (?:errors?|mistakes?"
            + "|violations?|issues?|wrong|swaps?|flips?)\\b|\\b(?:steps|instructions?|directions|procedures?|checklists?"
            + "|walkthroughs?|recipes?|how tos?) (?:\\S+ ){0,5}?(?:out of (?:order|sequence)|in (?:the |a )?wrong (?:order"
            + "|sequence)|in (?:an? |the )?(?:incorrect|illogical|reversed|random) (?:order|sequence)|(?:mis|re) ?ordered)\\b");

    /**
     * The output names things that do not exist ("pick instructions mention aisles that don't exist", "suggests
     * flags that do not exist") or the model is said to invent what it writes ("the model invents the aisle
     * numbers"): a hallucination, whatever the things are. Things that "no longer exist" are stale sources.
     */
    static final SignalRule NON_EXISTENT = SignalRule.of("non-existent", QUALITY_DRIFT, 0.9,
            "\\b(?:cites?|cited|citing|quotes?|quoted|quoting|references?|referenced|referencing|mentions?|mentioned"
            + "|mentioning|names?|named|naming|lists?|listed|listing|recommends?|recommended|recommending|suggests?|suggested"
            + "|suggesting|describes?|described|describing|offers?|offered|offering|promis\\w*|(?:sends?|sent|sending"
            + "|directs?|directed|directing|points?|pointed|pointing|links?|linked|linking) (?:\\S+ )?to)"
            + " (?:\\S+ ){0,5}?(?:that|which) (?:do|does|did)(?: not|n t) exist\\b"
            + "|\\b(?:model|llm|assistant|bot|agent|copilot)(?: \\S+)? (?:invents?|invented|inventing|makes? up|making up)\\b");

    static final List<SignalRule> RULES = List.of(FALLING_SCORE, MEASURED_ON_OUTPUT, CONTENT_ERRORS,
            SignalRule.of("eval-metric", QUALITY_DRIFT, 1.0, "\\b(?:faithful\\w*|unfaithful\\w*|groundedness|ungrounded"
                    + "|hallucinat\\w*|answer (?:relevan\\w*|correctness|quality|similarity)|(?:response|output|reply|summary|completion|generation)s? relevan\\w*|(?<!refusal |refusals |escalation |safety |policy |guardrail |compliance )correctness|readability"
                    + "|(?<!context |retrieval |search |chunk |chunks |document |documents |passage |passages )precision(?! ?@| at (?:\\d+|k)\\b)"
                    + "|(?:action items?|entit(?:y|ies)|fields?|slots?|intents?|extraction|key points?|facts?|tasks?) (?:recall|f1)"
                    + "|false positives?|over ?flag\\w*|(?:estimates?|predictions?|forecasts?|valuations?|figures?|amounts?|prices?)"
                    + " within (?:\\d+ ?%|\\d+ percent|tolerance)"
                    + "|helpfulness|coherence|fluency|conciseness|(?<!refusal |refusals |escalation |safety |policy |guardrail |compliance )accuracy|bleu|rouge\\w*|bert ?score|exact match"
                    + "|f1 score|f1|win rate|pass ?@ ?\\d+|comet|chrf|ter score|factual (?:consistency|accuracy)"
                    + "|factuality)\\b"),
            SignalRule.of("unsafe-output", QUALITY_DRIFT, 1.0, "\\b(?:toxic\\w*|insult\\w*|profan\\w*|offensive"
                    + "|hate speech|(?:harmful|unsafe|biased) (?:output|content|response|answer|completion)s?)\\b"),
            SignalRule.of("over-refusal", QUALITY_DRIFT, 1.0, "\\b(?:over ?refus\\w*|false refus\\w*"
                    + "|(?:unnecessary|excessive|too many|wrongly|wrong) refus\\w*|refus\\w* (?:benign|legitimate|valid|normal|safe)"
                    + "|refus\\w* (?:(?:are|is|rate) )?(?:up|increas\\w*|ris\\w*|spik\\w*|jump\\w*|high|higher|doubled))\\b"),
            SignalRule.of("output-format", QUALITY_DRIFT, 0.8, "\\b(?:(?:invalid|malformed|unparseable|unparsable"
                    + "|not valid|broken) (?:json|output|structured output|responses?|markdown|yaml)"
                    + "|structured output (?:errors?|failures?)"
                    + "|output pars\\w* (?:errors?|failures?)|format (?:errors?|violations?))\\b"),
            SignalRule.of("bad-answers", QUALITY_DRIFT, 0.9, "\\b(?:ignor\\w* (?:the )?(?:retrieved |provided |given "
                    + "|supplied )?(?:context|sources?|documents?|passages?|instructions?|system prompt)"
                    + "|contradict\\w* (?:the )?(?:retrieved )?(?:sources?|context|documents?|passages?)|made up"
                    + "|fabricat\\w*|invent\\w* (?:facts?|citations?|policies|answers?|numbers?|quotes?|clauses?|apis?"
                    + "|functions?|details)|(?:wrong|incorrect|inaccurate|nonsensical|garbled) (?:answers?|outputs?"
                    + "|summar(?:y|ies)|translations?|responses?|completions?|suggestions?)|factual\\w* (?:errors?|wrong)"
                    + "|truncat\\w* (?:answers?|outputs?|responses?|summar(?:y|ies)|translations?)"
                    + "|(?:wrong|mixed) language|language (?:mismatch|switch\\w*)|(?:switch\\w*|revert\\w*|drift\\w*) (?:in)?to (?:english"
                    + "|another language|a different language)|repetit\\w* (?:outputs?|answers?|loops?)"
                    + "|(?:cites?|cited|citing|quotes?|quoted|references?|referenced) (?:\\S+ ){0,5}?(?:that|which) "
                    + "(?:do|does|did) not exist|non ?existent (?:sections?|citations?|sources?|clauses?|policies|documents?"
                    + "|apis?|functions?|packages?|endpoints?|products?|cases?)|(?:do|does|did) not exist in (?:the )?"
                    + "(?:retrieved|provided|source|cited)|omissions?|(?:summar(?:y|ies)|answers?|outputs?|responses?"
                    + "|translations?|replies|drafts?) (?:\\S+ ){0,2}?omit\\w*|incomplete (?:answers?|summar(?:y|ies)"
                    + "|outputs?|responses?|translations?|drafts?)"
                    + "|(?:answers?|outputs?|responses?|summar(?:y|ies)|replies|completions?|translations?|drafts?|emails?)"
                    + " (?:are |were |got |became |too |now )*(?:too (?:long|short|verbose|terse|wordy)|verbose|rambling|wordy)"
                    + "|(?:answer|output|response|summary|reply|completion) length"
                    + "|(?:drops?|dropped|dropping|loses|lost|inverts?|inverted|flips?|flipped) (?:the )?negations?"
                    + "|mistranslat\\w*|meaning (?:inverted|reversed|changed|lost)|sound\\w* robotic"
                    + "|(?:template|unfilled|unrendered|leftover|literal|raw) (?:\\S+ )?(?:placeholders?|variables?|tags?|markup)"
                    + "|placeholders? (?:left|leak\\w*|shown|in (?:the )?outputs?)"
                    + "|ignor\\w* (?:the )?(?:requested |required |expected |specified )?(?:bullet |output |response )?(?:format"
                    + "|formatting|style|length|structure|template|tone)"
                    + "|gibberish|empty (?:answers?|completions?|outputs?|summar(?:y|ies)|translations?)"
                    + "|(?:answers?|outputs?|responses?|summar(?:y|ies)|translations?) (?:got |are |became |have become )"
                    + "(?:worse|wrong|vague\\w*|generic|shorter|useless)"
                    + "|(?:summar(?:y|ies)|answers?|outputs?|responses?|notes|drafts?) (?:is |are |was |were )?(?:not|no longer) captur\\w*"
                    + "|missing (?:from|in) (?:\\S+ ){0,2}?(?:summar(?:y|ies)|answers?|outputs?|responses?|replies|drafts?)"
                    + "|(?:answers?|outputs?|responses?|summar(?:y|ies)|replies|translations?|extractions?) (?:are |were |is |was "
                    + "|now |often |mostly )?(?:wrong|incorrect|inaccurate)"
                    + "|(?:model|llm|assistant|bot) (?:re ?writes?|re ?wrote|changes?|changed|alters?|altered|misstates?|misstated|misreads?"
                    + "|misreports?|mangles?|rounds?) (?:the |its )?(?:numbers?|figures?|values?|amounts?|dates?|totals?|prices?|results?)"
                    + "|(?:judged|rated|marked|flagged) (?:as )?(?:misleading|unhelpful|incorrect|wrong|off brand|unreadable))\\b"),
            SignalRule.of("judge", QUALITY_DRIFT, 0.8, "\\b(?:llm (?:as (?:a )?)?judge|judge (?:model|score)s?|evals?"
                    + "|evaluat\\w*|quality score|(?:negative|user|bad|poor) feedback|feedback (?:scores?|ratings?|rate|drop\\w*"
                    + "|down)|thumbs down|user ratings?|csat|golden set"
                    + "|(?:output|response|answer|model|summary|translation|code|suggestion) quality"
                    + "|(?:quality|output|model|score|eval) drift|acceptance rate|judges? (?:flag\\w*|reject\\w*|scor\\w*|rat\\w*"
                    + "|mark\\w*|fail\\w*)|(?:brand voice|tone|style|readability|voice) (?:scores?|adherence|consistency)|sampled review|review (?:score|rating)s?|rubric (?:scores?|agreement|grad\\w*|evals?|evaluat\\w*|pass rate|checks?|results?)|(?:against|per|by) (?:the |a )?rubric|graders?|graded by|(?:human|reviewer|annotator|labeller|labeler"
                    + "|expert|editor|recruiter|clinician|rater) agreement|agreement (?:rate|score|with)"
                    + "|reviewers? (?:flagged|rejected|downgraded)|edit rate|regenerat\\w* rate)\\b"),
            COMPLETE_AND_FAITHFUL, CRITERIA_MATCH, STEP_ORDER, NON_EXISTENT, DRAFTS_KEPT);

    private QualityRules() {}
}
